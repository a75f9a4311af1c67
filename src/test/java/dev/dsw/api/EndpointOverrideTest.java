package dev.dsw.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsw.http.Loopback;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --endpoint with plain http: allowed only to a host whose every address is loopback. */
class EndpointOverrideTest {
  static final Loopback.Resolver FAKE =
      host -> {
        if (host.equals("127.evil.example")) {
          return List.of(InetAddress.getByAddress(host, new byte[] {(byte) 203, 0, 113, 5}));
        }
        if (host.equals("localhost")) {
          return List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
        }
        throw new UnknownHostException(host);
      };

  @Test
  void aNameThatResolvesElsewhereIsRefusedForPlainHttp() {
    assertThatThrownBy(() -> Endpoints.checkOverride("http://127.evil.example:8080", FAKE))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("does not resolve to loopback only; use https");
    assertThatThrownBy(() -> Endpoints.checkOverride("http://unknown.example:8080", FAKE))
        .isInstanceOf(InvalidQueryException.class);
  }

  @Test
  void loopbackAndHttpsPass() {
    assertThatCode(() -> Endpoints.checkOverride("http://localhost:8080", FAKE))
        .doesNotThrowAnyException();
    assertThatCode(() -> Endpoints.checkOverride("http://127.0.0.1:8080", FAKE))
        .doesNotThrowAnyException();
    assertThatCode(() -> Endpoints.checkOverride("https://127.evil.example", FAKE))
        .doesNotThrowAnyException();
  }
}
