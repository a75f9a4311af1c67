package dev.dsw.cli.run;

import dev.dsw.api.Endpoints;
import dev.dsw.api.InvalidQueryException;
import dev.dsw.auth.Credentials;
import dev.dsw.emulator.EmulatorConfig;
import dev.dsw.emulator.EmulatorServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * dsw --demo: the embedded emulator, started on first use, with the fleet the examples name, its
 * regions and its profiles, and the keys it accepts. Services asks it for the address of a region
 * (or of its STS); everything else about a demo client is an ordinary client's.
 */
final class Demo implements AutoCloseable {
  /**
   * The demo emulator answers for every documented region; the first is the default. (A plain loop:
   * a sorting stream here made every start, even --help, spin a lambda class.)
   */
  static final List<String> REGIONS = regions();

  /**
   * The demo's profiles, each the demo account in a region of its own, so that --profile a,b and
   * --all-profiles can be tried with --demo.
   */
  static final Map<String, String> PROFILES =
      Map.of("dev", "cn-hangzhou", "prod", "cn-shanghai", "research", "cn-beijing");

  /** The keys the demo emulator accepts. */
  static final Credentials KEYS =
      Credentials.of(
          EmulatorServer.DEMO_KEY_ID, EmulatorServer.DEMO_KEY_SECRET, null, "--demo keys");

  private final Clock clock;
  private EmulatorServer server;

  Demo(Clock clock) {
    this.clock = clock;
  }

  private static List<String> regions() {
    List<String> regions = new ArrayList<>(List.of("cn-hangzhou"));
    for (String r : Endpoints.KNOWN_REGIONS) {
      if (!r.equals("cn-hangzhou")) {
        regions.add(r);
      }
    }
    return List.copyOf(regions);
  }

  /** The base URL of a region's DSW API (null: the default region), starting the emulator. */
  synchronized String endpoint(String region) {
    if (region != null && !Endpoints.isValidRegion(region)) {
      throw new InvalidQueryException(
          "'" + region + "' is not a region ID", "e.g. --region cn-hangzhou");
    }
    if (region != null) {
      Endpoints.checkKnown(region); // the demo answers for every region dsw knows
    }
    return server().baseUrl() + (region == null ? "" : "/" + region);
  }

  /** Where the demo's STS answers. */
  synchronized String sts() {
    return server().baseUrl() + "/sts";
  }

  private EmulatorServer server() {
    if (server == null) {
      try {
        server =
            EmulatorServer.start(
                EmulatorConfig.builder()
                    .instances(200)
                    .seed(42)
                    .anchor(anchor())
                    .regions(REGIONS)
                    .showcase(true)
                    // the demo's starting and failing instances move every 10 s (dsw wait)
                    .transitionStep(Duration.ofSeconds(10))
                    .clock(clock)
                    .build());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return server;
  }

  private Instant anchor() {
    return clock.instant().truncatedTo(ChronoUnit.DAYS);
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
    }
  }
}
