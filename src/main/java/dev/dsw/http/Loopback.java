package dev.dsw.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Whether a host is this machine, decided on the addresses it resolves to, never on its spelling: a
 * name such as {@code 127.example.com} can resolve anywhere. Plain http (a signed request in clear)
 * is allowed only to loopback, and loopback is never sent through a proxy.
 */
public final class Loopback {
  /** Host name to addresses: the system's resolver, or a test's. */
  @FunctionalInterface
  public interface Resolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;
  }

  public static final Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

  private Loopback() {}

  /**
   * True when the host resolves, and every address it resolves to is a loopback address. An IP
   * literal (127.0.0.1, ::1, [::1]) is judged as it is, without a lookup.
   */
  public static boolean is(String host, Resolver resolver) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    try {
      boolean literal = h.indexOf(':') >= 0 || h.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
      List<InetAddress> addresses =
          literal ? List.of(InetAddress.getByName(h)) : resolver.resolve(h); // a literal: no lookup
      return !addresses.isEmpty() && addresses.stream().allMatch(InetAddress::isLoopbackAddress);
    } catch (UnknownHostException | RuntimeException e) {
      return false;
    }
  }

  /**
   * The resolver for a plain-http connection: the host's addresses when all of them are loopback,
   * else a refusal, so that a name that changes its answer between dsw's check and the connection
   * still reaches only this machine.
   */
  public static okhttp3.Dns onlyLoopback(Resolver resolver) {
    return host -> {
      List<InetAddress> addresses = resolver.resolve(host);
      if (addresses.isEmpty() || !addresses.stream().allMatch(InetAddress::isLoopbackAddress)) {
        throw new UnknownHostException(
            host + " is not a loopback address: plain http goes only to this machine");
      }
      return addresses;
    };
  }
}
