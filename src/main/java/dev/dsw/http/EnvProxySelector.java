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
 * domain suffixes, "*" disables proxies; loopback is never proxied.
 */
final class EnvProxySelector extends ProxySelector {
  private final Proxy https;
  private final Proxy http;
  private final List<String> noProxy;

  private EnvProxySelector(Proxy https, Proxy http, List<String> noProxy) {
    this.https = https;
    this.http = http;
    this.noProxy = noProxy;
  }

  /** Returns a selector for the environment, or null when no proxy variable is set. */
  static ProxySelector fromEnvironment(Map<String, String> env) {
    Proxy https = proxy(first(env, "HTTPS_PROXY", "https_proxy"));
    Proxy http = proxy(first(env, "HTTP_PROXY", "http_proxy"));
    if (https == null && http == null) {
      return null;
    }
    String no = first(env, "NO_PROXY", "no_proxy");
    List<String> noProxy =
        no == null ? List.of() : List.of(no.toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
    return new EnvProxySelector(https, http, noProxy);
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

  boolean bypass(String host) {
    if (host.equals("localhost")
        || host.startsWith("127.")
        || host.equals("::1")
        || host.equals("[::1]")) {
      return true;
    }
    for (String entry : noProxy) {
      String e = entry.startsWith(".") ? entry.substring(1) : entry;
      if (e.equals("*") || (!e.isEmpty() && (host.equals(e) || host.endsWith("." + e)))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
    // okhttp reports and moves on; nothing to remember for a short-lived process
  }

  private static Proxy proxy(String value) {
    if (value == null) {
      return null;
    }
    URI u = URI.create(value.contains("://") ? value : "http://" + value);
    int port = u.getPort() > 0 ? u.getPort() : ("https".equals(u.getScheme()) ? 443 : 80);
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
