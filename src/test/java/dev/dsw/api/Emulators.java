package dev.dsw.api;

import dev.dsw.auth.CredentialProvider;
import dev.dsw.auth.Credentials;
import dev.dsw.emulator.EmulatorConfig;
import dev.dsw.emulator.EmulatorServer;
import dev.dsw.http.ApiRequest;
import dev.dsw.http.Transport;
import dev.dsw.model.InstancePage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test helpers: start an emulator and talk to it through the real signed transport. */
public final class Emulators {
  public static final Instant ANCHOR = Instant.parse("2026-11-01T00:00:00Z");

  private Emulators() {}

  public static EmulatorConfig options() {
    return EmulatorConfig.defaults().toBuilder().instances(200).seed(42).anchor(ANCHOR).build();
  }

  public static EmulatorServer start(EmulatorConfig o) {
    try {
      return EmulatorServer.start(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Transport transportWith(CredentialProvider credentials) {
    return transport(0, credentials);
  }

  public static Transport transport(int retries) {
    return transport(
        retries,
        CredentialProvider.of(
            Credentials.of(
                EmulatorServer.DEMO_KEY_ID, EmulatorServer.DEMO_KEY_SECRET, null, "test")));
  }

  private static Transport transport(int retries, CredentialProvider credentials) {
    return new Transport(
        new Transport.Settings(
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Duration.ofSeconds(60),
            retries,
            16,
            "dsw-test",
            Map.of(),
            null,
            Clock.systemUTC()),
        credentials);
  }

  public static HttpDswClient client(EmulatorServer server, int retries) {
    return new HttpDswClient(transport(retries), server.baseUrl());
  }

  /** Sends raw ListInstances parameters and decodes the answer (ApiException for errors). */
  public static InstancePage raw(EmulatorServer server, Map<String, String> params) {
    try (Transport t = transport(0)) {
      return HttpDswClient.decode(
          t.send(
              new ApiRequest(
                  server.baseUrl(),
                  HttpDswClient.PATH,
                  HttpDswClient.ACTION,
                  HttpDswClient.VERSION,
                  new TreeMap<>(params))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<String> ids(EmulatorServer server, Map<String, String> params) {
    return raw(server, params).instances().stream().map(i -> i.id()).toList();
  }
}
