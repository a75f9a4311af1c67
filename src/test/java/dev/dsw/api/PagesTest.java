package dev.dsw.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsw.emulator.EmulatorConfig;
import dev.dsw.emulator.EmulatorServer;
import dev.dsw.model.InstancePage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Paging against the emulator: exact totals, limits, single pages, bounded concurrency, faults and
 * a changing fleet.
 */
class PagesTest {
  static final ListInstancesQuery ALL =
      ListInstancesQuery.builder().workspaceId("ALL").resourceId("ALL").build();

  static EmulatorConfig fleet(int n) {
    return Emulators.options().toBuilder().instances(n).seed(7).anchor(Emulators.ANCHOR).build();
  }

  static List<String> expectedIds(EmulatorServer server, int total) {
    // One request for everything (max page size raised) is the reference the paged result must
    // equal.
    List<String> ids = new ArrayList<>();
    for (int page = 1; ids.size() < total; page++) {
      ids.addAll(
          Emulators.ids(
              server,
              Map.of(
                  "WorkspaceId",
                  "ALL",
                  "ResourceId",
                  "ALL",
                  "PageSize",
                  "100",
                  "PageNumber",
                  Integer.toString(page))));
    }
    return ids;
  }

  @Test
  void fetchesEveryInstanceOnceInServerOrder() {
    try (EmulatorServer server = Emulators.start(fleet(1234));
        HttpDswClient client = Emulators.client(server, 2)) {
      List<String> got = new ArrayList<>();
      Pages.Result r =
          Pages.all(
              client,
              ALL,
              new Pages.Options(100, 8, 0),
              i -> got.add(i.id()),
              Pages.Progress.NONE,
              w -> {});
      assertThat(r.totalCount()).isEqualTo(1234);
      assertThat(r.pages()).isEqualTo(13);
      assertThat(got).hasSize(1234).doesNotHaveDuplicates().isEqualTo(expectedIds(server, 1234));
    }
  }

  @Test
  void limitStopsEarlyAndFetchesNoMorePagesThanNeeded() {
    try (EmulatorServer server = Emulators.start(fleet(1000))) {
      CountingClient client = new CountingClient(Emulators.client(server, 0));
      List<String> got = new ArrayList<>();
      Pages.all(
          client,
          ALL,
          new Pages.Options(100, 8, 250),
          i -> got.add(i.id()),
          Pages.Progress.NONE,
          w -> {});
      assertThat(got).hasSize(250).isEqualTo(expectedIds(server, 1000).subList(0, 250));
      assertThat(client.calls.get()).isEqualTo(3);
    }
  }

  /**
   * Page 1's rows are written while the next pages are on their way (paging's critical path no
   * longer waits for them), unless page 1 alone can reach --limit: then nothing more is asked.
   */
  @Test
  void pageOnesRowsAreHandedOnOnceTheNextPagesAreAskedFor() {
    try (EmulatorServer server = Emulators.start(fleet(500))) {
      CountingClient client = new CountingClient(Emulators.client(server, 0));
      // at row 1, page 2 is on its way: its request arrives while row 1 is handed on (the old
      // order asked for page 2 only after page 1's rows, so this waited the whole 5 s in vain)
      boolean[] page2OnItsWay = new boolean[1];
      AtomicInteger rows = new AtomicInteger();
      Pages.all(
          client,
          ALL,
          new Pages.Options(100, 4, 0),
          i -> {
            if (rows.incrementAndGet() == 1) {
              page2OnItsWay[0] = waitFor(() -> client.calls.get() >= 2, Duration.ofSeconds(5));
            }
          },
          Pages.Progress.NONE,
          w -> {});
      assertThat(rows.get()).isEqualTo(500);
      assertThat(page2OnItsWay[0]).isTrue();

      CountingClient limited = new CountingClient(Emulators.client(server, 0));
      List<Integer> limitedAtRow = new ArrayList<>();
      Pages.all(
          limited,
          ALL,
          new Pages.Options(100, 4, 100),
          i -> limitedAtRow.add(limited.calls.get()),
          Pages.Progress.NONE,
          w -> {});
      assertThat(limitedAtRow).hasSize(100).containsOnly(1);
      assertThat(limited.calls.get()).as("--limit 100 is page 1: nothing more asked").isEqualTo(1);
    }
  }

  private static boolean waitFor(java.util.function.BooleanSupplier condition, Duration most) {
    long end = System.nanoTime() + most.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        return false;
      }
      Thread.onSpinWait();
    }
    return true;
  }

  @Test
  void singlePageModeReturnsExactlyThatPage() {
    try (EmulatorServer server = Emulators.start(fleet(95));
        HttpDswClient client = Emulators.client(server, 0)) {
      List<String> got = new ArrayList<>();
      Pages.single(client, ALL, 3, 20, i -> got.add(i.id()));
      assertThat(got).isEqualTo(expectedIds(server, 95).subList(40, 60));
    }
  }

  @Test
  void neverHasMoreThanConcurrencyRequestsInFlight() {
    try (EmulatorServer server =
        Emulators.start(
            fleet(2000).toBuilder()
                .latency(Duration.ofMillis(20))
                .faultRate(0)
                .throttleRate(0)
                .truncateRate(0)
                .build())) {
      CountingClient client = new CountingClient(Emulators.client(server, 0));
      Pages.all(client, ALL, new Pages.Options(50, 3, 0), i -> {}, Pages.Progress.NONE, w -> {});
      assertThat(client.maxInFlight.get()).isBetween(2, 3);
      assertThat(client.calls.get()).isEqualTo(40);
    }
  }

  @Test
  void survivesSeededFaultsWithTheExactFaultFreeSet() {
    List<String> reference;
    try (EmulatorServer clean = Emulators.start(fleet(600))) {
      reference = expectedIds(clean, 600);
    }
    for (long seed = 1; seed <= 5; seed++) {
      EmulatorConfig o =
          fleet(600).toBuilder()
              .latency(Duration.ZERO)
              .faultRate(0.2)
              .throttleRate(0.1)
              .truncateRate(0.1)
              .faultSeed(seed)
              .build();
      try (EmulatorServer server = Emulators.start(o);
          HttpDswClient client = Emulators.client(server, 10)) {
        List<String> got = new ArrayList<>();
        Pages.all(
            client,
            ALL,
            new Pages.Options(50, 4, 0),
            i -> got.add(i.id()),
            Pages.Progress.NONE,
            w -> {});
        assertThat(got).as("seed %d", seed).isEqualTo(reference);
      }
    }
  }

  @Test
  void aPageThatKeepsFailingAfterOthersWereWrittenIsReportedIncomplete() {
    try (EmulatorServer server = Emulators.start(fleet(300))) {
      DswClient failing =
          new DswClient() {
            final HttpDswClient real = Emulators.client(server, 0);

            @Override
            public InstancePage listInstances(ListInstancesQuery q) {
              if (q.pageNumber() == 3) {
                throw new NetworkException("cannot connect", null);
              }
              return real.listInstances(q);
            }

            @Override
            public String dryRun(ListInstancesQuery q) {
              return "";
            }
          };
      List<String> got = new ArrayList<>();
      assertThatThrownBy(
              () ->
                  Pages.all(
                      failing,
                      ALL,
                      new Pages.Options(100, 1, 0),
                      i -> got.add(i.id()),
                      Pages.Progress.NONE,
                      w -> {}))
          .isInstanceOf(IncompleteResultException.class)
          .hasMessageContaining("page 3 of 3")
          .hasMessageContaining("200");
      assertThat(got).hasSize(200);
    }
  }

  @Test
  void aFleetThatGrowsWhilePagingLosesNothingAndWarns() {
    try (EmulatorServer server = Emulators.start(fleet(500))) {
      List<String> before = expectedIds(server, 500);
      HttpDswClient real = Emulators.client(server, 0);
      AtomicInteger calls = new AtomicInteger();
      DswClient growing =
          new DswClient() {
            @Override
            public InstancePage listInstances(ListInstancesQuery q) {
              if (calls.incrementAndGet() == 2) {
                // New instances appear at the front (newest first) after page 1 was read.
                server
                    .store()
                    .update(
                        list -> {
                          for (int i = 0; i < 7; i++) {
                            var n = list.get(0).deepCopy();
                            n.put("InstanceId", "dsw-new" + i);
                            n.put("GmtCreateTime", "2099-01-01T00:00:0" + i + "Z");
                            list.add(n);
                          }
                          return list;
                        });
              }
              return real.listInstances(q);
            }

            @Override
            public String dryRun(ListInstancesQuery q) {
              return "";
            }
          };
      List<String> got = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      Pages.all(
          growing,
          ALL,
          new Pages.Options(100, 1, 0),
          i -> got.add(i.id()),
          Pages.Progress.NONE,
          warnings::add);
      assertThat(got).doesNotHaveDuplicates();
      assertThat(new HashSet<>(got)).containsAll(before);
      assertThat(warnings).singleElement().asString().contains("changed while listing");
    }
  }

  /**
   * A slow page holds up the writing, not the requests behind it: while page 2 is out, the other
   * slot goes on with pages 3, 4, 5..., up to twice the concurrency ahead of the page being waited
   * for; and the output is still in page order.
   */
  @Test
  void aSlowPageDoesNotHoldBackTheRequestsBehindItButReadAheadIsBounded() throws Exception {
    try (EmulatorServer server = Emulators.start(fleet(1000))) {
      HttpDswClient real = Emulators.client(server, 0);
      java.util.concurrent.CountDownLatch others =
          new java.util.concurrent.CountDownLatch(3); // pages 3, 4, 5
      java.util.concurrent.atomic.AtomicInteger highest =
          new java.util.concurrent.atomic.AtomicInteger();
      java.util.concurrent.atomic.AtomicBoolean waited =
          new java.util.concurrent.atomic.AtomicBoolean();
      java.util.concurrent.atomic.AtomicInteger highestWhileSlow =
          new java.util.concurrent.atomic.AtomicInteger();
      DswClient slowPage2 =
          new DswClient() {
            @Override
            public InstancePage listInstances(ListInstancesQuery q) {
              int n = q.pageNumber();
              highest.accumulateAndGet(n, Math::max);
              if (n == 2) {
                try {
                  waited.set(others.await(5, java.util.concurrent.TimeUnit.SECONDS));
                  Thread.sleep(200); // long enough for the other slot to run as far ahead as it may
                  highestWhileSlow.set(highest.get());
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              } else if (n >= 3 && n <= 5) {
                others.countDown();
              }
              return real.listInstances(q);
            }

            @Override
            public String dryRun(ListInstancesQuery q) {
              return "";
            }
          };
      List<String> got = new ArrayList<>();
      Pages.all(
          slowPage2,
          ALL,
          new Pages.Options(100, 2, 0),
          i -> got.add(i.id()),
          Pages.Progress.NONE,
          w -> {});
      assertThat(waited).as("pages 3-5 were requested while page 2 was still out").isTrue();
      // With 2 in flight, at most 4 pages (2 to 5) wait to be written: page 6 waits for page 2.
      assertThat(highestWhileSlow.get()).isEqualTo(5);
      assertThat(got).isEqualTo(expectedIds(server, 1000));
    }
  }

  /** Counts calls and the most requests in flight at once. */
  static final class CountingClient implements DswClient {
    final DswClient inner;
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();

    CountingClient(DswClient inner) {
      this.inner = inner;
    }

    @Override
    public InstancePage listInstances(ListInstancesQuery q) {
      calls.incrementAndGet();
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        return inner.listInstances(q);
      } finally {
        inFlight.decrementAndGet();
      }
    }

    @Override
    public String dryRun(ListInstancesQuery q) {
      return inner.dryRun(q);
    }
  }
}
