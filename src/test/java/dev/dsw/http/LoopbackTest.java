package dev.dsw.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Loopback is decided on resolved addresses, through a resolver seam: no lookup leaves the machine.
 * 127.evil.example stands for a name that starts like a loopback address and resolves elsewhere
 * (red team, issue #23: it received the whole signed request in clear, and skipped the proxy).
 */
class LoopbackTest {
  static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal); // a literal: no lookup
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** A fake DNS: three names, everything else unknown. */
  static final Loopback.Resolver FAKE =
      host ->
          switch (host) {
            case "127.evil.example" -> List.of(ip("203.0.113.5"));
            case "localhost" -> List.of(ip("127.0.0.1"), ip("::1"));
            case "split.example" -> List.of(ip("127.0.0.1"), ip("198.51.100.7"));
            default -> {
              if (host.matches("[0-9.:]+")) {
                yield List.of(ip(host));
              }
              throw new UnknownHostException(host);
            }
          };

  @Test
  void namesAreJudgedByTheirAddresses() {
    assertThat(Loopback.is("127.evil.example", FAKE)).isFalse();
    assertThat(Loopback.is("split.example", FAKE)).as("one address elsewhere is enough").isFalse();
    assertThat(Loopback.is("nowhere.example", FAKE)).as("unresolvable").isFalse();
    assertThat(Loopback.is("localhost", FAKE)).isTrue();
    assertThat(Loopback.is("127.0.0.1", Loopback.SYSTEM)).isTrue();
    assertThat(Loopback.is("127.1.2.3", Loopback.SYSTEM)).isTrue();
    assertThat(Loopback.is("[::1]", Loopback.SYSTEM)).isTrue();
    assertThat(Loopback.is("10.0.0.1", Loopback.SYSTEM)).isFalse();
  }

  @Test
  void thePlainHttpConnectionRefusesANameThatResolvesElsewhere() throws Exception {
    okhttp3.Dns dns = Loopback.onlyLoopback(FAKE);
    assertThatThrownBy(() -> dns.lookup("127.evil.example"))
        .isInstanceOf(UnknownHostException.class)
        .hasMessageContaining("not a loopback address");
    assertThatThrownBy(() -> dns.lookup("split.example")).isInstanceOf(UnknownHostException.class);
    assertThat(dns.lookup("localhost")).hasSize(2);
  }

  @Test
  void theProxyBypassIsDecidedOnAddressesToo() {
    EnvProxySelector proxies =
        EnvProxySelector.fromEnvironment(Map.of("HTTPS_PROXY", "http://proxy.internal:3128"));
    proxies.resolver = FAKE;
    assertThat(proxies.select(URI.create("https://127.evil.example/")).get(0).type())
        .as("a name that only looks like loopback goes through the proxy")
        .isEqualTo(Proxy.Type.HTTP);
    assertThat(proxies.select(URI.create("https://localhost:8443/")))
        .containsExactly(Proxy.NO_PROXY);
    assertThat(proxies.select(URI.create("https://127.0.0.1:8443/")))
        .containsExactly(Proxy.NO_PROXY);
  }
}
