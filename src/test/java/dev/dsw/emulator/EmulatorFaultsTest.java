package dev.dsw.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsw.api.Emulators;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seeded faults: each kind appears, and the same seed gives the same sequence. */
class EmulatorFaultsTest {
  static List<String> outcomes(long seed) throws IOException {
    EmulatorConfig o =
        Emulators.options().toBuilder()
            .latency(Duration.ZERO)
            .faultRate(0.3)
            .throttleRate(0.3)
            .truncateRate(0.3)
            .faultSeed(seed)
            .build();
    List<String> seen = new ArrayList<>();
    try (EmulatorServer server = Emulators.start(o)) {
      for (int i = 0; i < 40; i++) {
        HttpURLConnection c =
            (HttpURLConnection)
                URI.create(server.baseUrl() + "/api/v2/instances?PageNumber=1")
                    .toURL()
                    .openConnection();
        int code = c.getResponseCode();
        String outcome =
            code + (code == 429 ? " retry-after=" + c.getHeaderField("Retry-After") : "");
        if (code == 400) {
          // reached authentication: no fault was injected (the request is unsigned)
          outcome = "passed";
        }
        seen.add(outcome);
        c.disconnect();
      }
    }
    return seen;
  }

  @Test
  void injectsThrottlingAndServerErrorsReproducibly() throws IOException {
    List<String> a = outcomes(5);
    assertThat(a).contains("429 retry-after=1", "500", "503", "passed");
    assertThat(outcomes(5)).isEqualTo(a);
    assertThat(outcomes(6)).isNotEqualTo(a);
  }

  @Test
  void decisionsDependOnQueryAndAttemptNotOnArrivalOrder() {
    Faults f1 = new Faults(new Faults.Rates(0.2, 0.2, 0.2), 9);
    Faults f2 = new Faults(new Faults.Rates(0.2, 0.2, 0.2), 9);
    List<Faults.Kind> a = new ArrayList<>();
    List<Faults.Kind> b = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      a.add(f1.decide("PageNumber=1"));
      f1.decide("PageNumber=2");
    }
    for (int i = 0; i < 10; i++) {
      b.add(f2.decide("PageNumber=1"));
    }
    assertThat(b).isEqualTo(a);
  }
}
