package dev.dsw.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsw.cli.TestEnvironment;
import dev.dsw.emulator.EmulatorConfig;
import dev.dsw.emulator.EmulatorServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dsw list against an emulator that fails about a quarter of its requests (500/503, throttling with
 * Retry-After, connections dropped, bodies cut short) and delays some more: in every one of 50
 * seeded runs over 2,000 instances the output is exactly the fault-free listing, or the run exits
 * non-zero saying what is missing and what was printed is an exact prefix of it.
 */
class FaultToleranceTest {
  static final int FLEET = 2000;
  static final int RUNS = 50;
  static final double ERROR = 0.10;
  static final double THROTTLE = 0.05;
  static final double TRUNCATE = 0.04;
  static final double DROP = 0.04;
  static final double SPIKE = 0.05;

  @TempDir Path home;

  record Outcome(
      long seed, int exit, List<String> ids, String stderr, Map<String, Long> statuses) {}

  EmulatorConfig fleet() {
    return TestEnvironment.emulator().toBuilder()
        .instances(FLEET)
        .seed(2026)
        .anchor(Instant.parse("2026-11-01T00:00:00Z"))
        .build();
  }

  Outcome list(EmulatorConfig options, long seed) throws Exception {
    Map<String, Long> statuses = new ConcurrentHashMap<>();
    EmulatorConfig counted =
        options.toBuilder()
            .log(
                line -> {
                  String[] f = line.split(" ");
                  statuses.merge(
                      f[f.length - 3], 1L, Long::sum); // "... <status|aborted> <ms>ms <request id>"
                })
            .build();
    try (EmulatorServer server = EmulatorServer.start(counted)) {
      TestEnvironment env =
          new TestEnvironment(home)
              .set("ALIBABA_CLOUD_ACCESS_KEY_ID", EmulatorServer.DEMO_KEY_ID)
              .set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", EmulatorServer.DEMO_KEY_SECRET)
              .set("XDG_CACHE_HOME", home.resolve("cache-" + seed).toString());
      int exit =
          env.run(
              "list",
              "--endpoint",
              server.baseUrl(),
              "--workspace",
              "ALL",
              "--resource-id",
              "ALL",
              "-o",
              "csv",
              "--columns",
              "ID",
              "--no-headers",
              "--read-timeout",
              "2s");
      return new Outcome(
          seed, exit, env.stdout().lines().toList(), env.stderr(), new TreeMap<>(statuses));
    }
  }

  @Test
  void everySeededRunIsExactOrSaysWhatIsMissing() throws Exception {
    Outcome clean = list(fleet(), 0);
    assertThat(clean.exit()).as(clean.stderr()).isZero();
    List<String> reference = clean.ids();
    assertThat(reference).hasSize(FLEET).doesNotHaveDuplicates();

    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<Future<Outcome>> runs = new ArrayList<>();
    for (long seed = 1; seed <= RUNS; seed++) {
      long s = seed;
      runs.add(
          pool.submit(
              () ->
                  list(
                      fleet().toBuilder()
                          .latency(Duration.ZERO)
                          .faultRate(ERROR)
                          .throttleRate(THROTTLE)
                          .truncateRate(TRUNCATE)
                          .dropRate(DROP)
                          .spikeRate(SPIKE)
                          .spike(Duration.ofMillis(150))
                          .faultSeed(s)
                          .build(),
                      s)));
    }
    int exact = 0;
    List<String> incomplete = new ArrayList<>();
    Map<String, Long> totals = new TreeMap<>();
    AtomicLong requests = new AtomicLong();
    for (Future<Outcome> f : runs) {
      Outcome o = f.get();
      o.statuses()
          .forEach(
              (k, v) -> {
                totals.merge(k, v, Long::sum);
                requests.addAndGet(v);
              });
      assertThat(o.ids()).as("seed %d: no instance twice", o.seed()).doesNotHaveDuplicates();
      assertThat(new HashSet<>(reference))
          .as("seed %d: nothing that does not exist", o.seed())
          .containsAll(o.ids());
      if (o.exit() == 0) {
        assertThat(o.ids())
            .as("seed %d: exactly the fault-free listing", o.seed())
            .isEqualTo(reference);
        exact++;
      } else {
        assertThat(o.exit()).as("seed %d", o.seed()).isIn(1, 3);
        assertThat(o.ids())
            .as("seed %d: a prefix of the listing", o.seed())
            .isEqualTo(reference.subList(0, o.ids().size()));
        assertThat(o.stderr())
            .as("seed %d", o.seed())
            .startsWith("dsw: ")
            .containsAnyOf(
                "output is incomplete", "failed", "Unavailable", "Throttling", "InternalError");
        incomplete.add(
            "seed "
                + o.seed()
                + ": exit "
                + o.exit()
                + ", "
                + o.ids().size()
                + " of "
                + FLEET
                + " printed; "
                + o.stderr().lines().findFirst().orElse(""));
      }
    }
    pool.shutdown();
    long failed = requests.get() - totals.getOrDefault("200", 0L);
    assertThat((double) failed / requests.get())
        .as("share of requests that failed")
        .isGreaterThanOrEqualTo(0.20);
    assertThat(exact)
        .as("most runs recover fully with the default 4 retries")
        .isGreaterThanOrEqualTo(RUNS - 3);

    StringBuilder md =
        new StringBuilder(
                "## Faults: 50 seeded runs of `dsw list` over 2,000 instances"
                    + " (`FaultToleranceTest`)\n\n")
            .append("Emulator fault rates per request: 500/503 ")
            .append(pct(ERROR))
            .append(", 429 Throttling.User with ")
            .append("Retry-After: 1 ")
            .append(pct(THROTTLE))
            .append(", body cut short ")
            .append(pct(TRUNCATE))
            .append(", connection closed before any answer ")
            .append(pct(DROP))
            .append(", 150 ms latency spike ")
            .append(pct(SPIKE))
            .append(". dsw defaults: 4 retries, 8 pages at once, pages of 100.\n\n")
            .append("| figure | value |\n|---|---|\n")
            .append("| runs | ")
            .append(RUNS)
            .append(" |\n")
            .append(
                "| runs with exactly the fault-free output (same IDs, same order, none twice) | ")
            .append(exact)
            .append(" |\n")
            .append("| runs that exited non-zero, saying what is missing | ")
            .append(incomplete.size())
            .append(" |\n")
            .append("| runs with a missing, duplicated or unknown instance while exiting 0 | 0 |\n")
            .append("| requests served | ")
            .append(requests.get())
            .append(" |\n")
            .append("| requests that failed | ")
            .append(failed)
            .append(" (")
            .append(String.format("%.1f", 100.0 * failed / requests.get()))
            .append(" %) |\n");
    totals.forEach(
        (status, n) ->
            md.append("| answered ").append(status).append(" | ").append(n).append(" |\n"));
    incomplete.forEach(line -> md.append("\n- ").append(line));
    Report.section("10-faults", md.toString());
  }

  private static String pct(double rate) {
    return Math.round(rate * 100) + " %";
  }
}
