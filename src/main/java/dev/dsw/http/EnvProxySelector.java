package dev.dsw.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Honours HTTPS_PROXY, HTTP_PROXY and NO_PROXY (either case) as curl does: NO_PROXY lists hosts or
 * domain suffixes, "*" disables proxies; loopback is never proxied. Credentials in a proxy URL
 * (http://user:password@proxy:3128) answer the proxy's 407 as Proxy-Authorization: Basic, through
 * okhttp's proxy authenticator; they appear nowhere else.
 */
final class EnvProxySelector extends ProxySelector {
  private final Proxy https;
  private final Proxy http;
  private final List<String> noProxy;

  /** Basic credentials by proxy address, for the proxies whose URL carries them. */
  private final Map<SocketAddress, String> basic = new java.util.HashMap<>();

  private EnvProxySelector(Proxy https, Proxy http, List<String> noProxy) {
    this.https = https;
    this.http = http;
    this.noProxy = noProxy;
  }

  /**
   * Returns a selector for the environment, or null when no proxy variable is set; a proxy variable
   * that is not a proxy URL is a {@link ProxyException}.
   */
  static EnvProxySelector fromEnvironment(Map<String, String> env) {
    String httpsUrl = first(env, "HTTPS_PROXY", "https_proxy");
    String httpUrl = first(env, "HTTP_PROXY", "http_proxy");
    Proxy https = proxy("HTTPS_PROXY", httpsUrl);
    Proxy http = proxy("HTTP_PROXY", httpUrl);
    if (https == null && http == null) {
      return null;
    }
    String no = first(env, "NO_PROXY", "no_proxy");
    List<String> noProxy =
        no == null ? List.of() : List.of(no.toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
    EnvProxySelector selector = new EnvProxySelector(https, http, noProxy);
    selector.remember(https, httpsUrl);
    selector.remember(http, httpUrl);
    return selector;
  }

  private void remember(Proxy proxy, String url) {
    if (proxy == null) {
      return;
    }
    String userInfo = uri(url).getUserInfo(); // percent-escapes decoded
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
      String password = colon < 0 ? "" : userInfo.substring(colon + 1);
      basic.put(
          proxy.address(),
          okhttp3.Credentials.basic(user, password, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  /**
   * Answers a proxy's 407 with the credentials of its URL, once: a proxy that refuses them again
   * ends the call (no loop), and a proxy without credentials gets none.
   */
  okhttp3.Authenticator authenticator() {
    return (route, response) -> {
      if (route == null || response.request().header("Proxy-Authorization") != null) {
        return null;
      }
      String credentials = basic.get(route.proxy().address());
      return credentials == null
          ? null
          : response.request().newBuilder().header("Proxy-Authorization", credentials).build();
    };
  }

  @Override
  public List<Proxy> select(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (bypass(host)) {
      return List.of(Proxy.NO_PROXY);
    }
    Proxy p = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
    return List.of(p == null ? Proxy.NO_PROXY : p);
  }

  /** Resolves host names for the loopback rule; tests give their own. */
  Loopback.Resolver resolver = Loopback.SYSTEM;

  boolean bypass(String host) {
    for (String entry : noProxy) {
      String e = entry.startsWith(".") ? entry.substring(1) : entry;
      if (e.equals("*") || (!e.isEmpty() && (host.equals(e) || host.endsWith("." + e)))) {
        return true;
      }
    }
    return Loopback.is(host, resolver); // decided on its addresses, never on its spelling
  }

  @Override
  public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
    // okhttp reports and moves on; nothing to remember for a short-lived process
  }

  private static URI uri(String value) {
    return URI.create(value.contains("://") ? value : "http://" + value);
  }

  private static Proxy proxy(String variable, String value) {
    if (value == null) {
      return null;
    }
    URI u;
    try {
      u = uri(value);
    } catch (IllegalArgumentException e) {
      u = null;
    }
    if (u == null
        || u.getHost() == null
        || u.getPort() > 65535
        || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
      // the value is not echoed: it may hold a password
      throw new ProxyException(
          variable + " is not a proxy URL; expected http://[user:password@]host[:port]");
    }
    if (u.getPort() == 0) {
      throw new ProxyException(
          variable + " has port 0; expected http://[user:password@]host[:port]");
    }
    if ("https".equals(u.getScheme())) {
      // okhttp speaks to a proxy in clear (CONNECT, then TLS to the API inside it): an https://
      // proxy would be spoken to in clear, its Proxy-Authorization included. Refused, never
      // downgraded.
      throw new ProxyException(
          variable
              + " names an https:// proxy, which dsw cannot reach over TLS; name it as"
              + " http://host:port (the API traffic through it is still encrypted end to end)");
    }
    int port = u.getPort() > 0 ? u.getPort() : 80;
    return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(u.getHost(), port));
  }

  private static String first(Map<String, String> env, String... names) {
    for (String n : names) {
      String v = env.get(n);
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    return null;
  }
}
