package dev.dsw.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.dsw.model.Json;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Where an instance's role and a credentials URI get their keys: the ECS metadata service under
 * {@code /latest/} (an IMDSv2 token, the role name, the role's temporary keys) and a credentials
 * URI at {@code /credentials}, both handing out keys the emulator's {@link Keyring} accepts.
 */
final class MetadataRoute {
  static final String ROLE = "EmulatorEcsRole";

  private final Keyring keys;
  private final Clock clock;

  MetadataRoute(Keyring keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  int metadata(HttpExchange ex, String requestId, String path) throws IOException {
    if (path.equals("/latest/api/token") && ex.getRequestMethod().equals("PUT")) {
      return Gateway.sendText(ex, 200, "emulator-imds-token-" + UUID.randomUUID());
    }
    String prefix = "/latest/meta-data/ram/security-credentials/";
    if (path.equals(prefix)) {
      return Gateway.sendText(ex, 200, ROLE);
    }
    if (path.equals(prefix + ROLE)) {
      return credentialsUri(ex, requestId);
    }
    return Gateway.sendText(ex, 404, "Not Found");
  }

  /** Temporary keys for six hours, as the credentials URI and the metadata service give them. */
  int credentialsUri(HttpExchange ex, String requestId) throws IOException {
    ObjectNode c = credentialsJson(keys.issue(Duration.ofHours(6)));
    c.put("Code", "Success");
    c.put("LastUpdated", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
    return Gateway.send(ex, 200, c, requestId);
  }

  /** A key as the Credentials object of STS and the metadata service. */
  static ObjectNode credentialsJson(Keyring.Key k) {
    ObjectNode c = Json.MAPPER.createObjectNode();
    c.put("AccessKeyId", k.id());
    c.put("AccessKeySecret", k.secret());
    c.put("SecurityToken", k.token());
    c.put("Expiration", k.expiration().truncatedTo(ChronoUnit.SECONDS).toString());
    return c;
  }
}
