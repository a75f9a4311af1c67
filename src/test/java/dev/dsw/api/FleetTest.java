package dev.dsw.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsw.emulator.EmulatorServer;
import dev.dsw.model.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The multi-region fan-out and merge, without picocli: order, tagging, failed regions, the
 * listener.
 */
class FleetTest {
  static EmulatorServer server;
  static final ListInstancesQuery ALL =
      ListInstancesQuery.builder().workspaceId("ALL").resourceId("ALL").build();
  static final Pages.Options PAGING = new Pages.Options(20, 4, 0);

  @BeforeAll
  static void start() {
    server =
        Emulators.start(
            Emulators.options().toBuilder()
                .instances(50)
                .seed(3)
                .anchor(Emulators.ANCHOR)
                .regions(List.of("cn-a", "cn-b"))
                .build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Clients for the emulator's regions; a region it does not serve answers 404. */
  static Fleet.Clients clients() {
    Map<String, DswClient> made = new ConcurrentHashMap<>();
    return new Fleet.Clients() {
      @Override
      public DswClient client() {
        return made.computeIfAbsent("", r -> Emulators.client(server, 0));
      }

      @Override
      public DswClient client(String region) {
        return made.computeIfAbsent(
            region, r -> new HttpDswClient(Emulators.transport(0), server.baseUrl() + "/" + r));
      }
    };
  }

  /** A listener that writes down what it hears. */
  static final class Heard implements Fleet.Listener {
    final List<String> failed = new ArrayList<>();
    final List<int[]> progress = new ArrayList<>();
    boolean finished;

    @Override
    public void progress(int done, int total) {
      progress.add(new int[] {done, total});
    }

    @Override
    public void finished() {
      finished = true;
    }

    @Override
    public synchronized void regionFailed(String region, RuntimeException cause) {
      failed.add(region + ": " + cause.getClass().getSimpleName());
    }
  }

  @Test
  void oneRegionPagesWithProgressAndSaysWhenItEnds() {
    Heard heard = new Heard();
    List<Instance> got = new ArrayList<>();
    new Fleet(clients(), List.of(), heard, Fleet.Projection.ALL)
        .all(ALL, PAGING, i -> true, got::add);
    assertThat(got).hasSize(50);
    assertThat(heard.progress).isNotEmpty();
    assertThat(heard.progress.get(heard.progress.size() - 1)).containsExactly(3, 3);
    assertThat(heard.finished).isTrue();
  }

  @Test
  void regionsAreMergedInTheOrderGivenEachInstanceTagged() {
    List<String> regions = new ArrayList<>();
    Fleet fleet = new Fleet(clients(), List.of("cn-b", "cn-a"), new Heard(), Fleet.Projection.ALL);
    fleet.all(ALL, PAGING, i -> true, i -> regions.add(i.text("RegionId")));
    fleet.complete();
    assertThat(regions).hasSize(100);
    assertThat(regions.subList(0, 50)).containsOnly("cn-b");
    assertThat(regions.subList(50, 100)).containsOnly("cn-a");
  }

  @Test
  void aFailedRegionIsReportedTheOthersKeptAndTheRunEndsIncomplete() {
    Heard heard = new Heard();
    List<Instance> got = new ArrayList<>();
    Fleet fleet = new Fleet(clients(), List.of("cn-a", "cn-nowhere"), heard, Fleet.Projection.ALL);
    fleet.all(ALL, PAGING, i -> true, got::add);
    assertThat(got).hasSize(50);
    assertThat(heard.failed).containsExactly("cn-nowhere: ApiException");
    assertThatThrownBy(fleet::complete)
        .isInstanceOf(IncompleteResultException.class)
        .hasMessageContaining("1 of 2 regions failed (cn-nowhere)");
  }

  @Test
  void whenEveryRegionFailsTheFirstRegionsErrorIsThrown() {
    Fleet fleet = new Fleet(clients(), List.of("cn-x", "cn-y"), new Heard(), Fleet.Projection.ALL);
    assertThatThrownBy(() -> fleet.all(ALL, PAGING, i -> true, i -> {}))
        .isInstanceOf(ApiException.class);
  }

  @Test
  void onePageIsOneRegionOnly() {
    Fleet fleet = new Fleet(clients(), List.of("cn-a", "cn-b"), new Heard(), Fleet.Projection.ALL);
    assertThatThrownBy(() -> fleet.single(ALL, 1, 10, i -> true, i -> {}))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("--page reads one page of one region");
  }
}
