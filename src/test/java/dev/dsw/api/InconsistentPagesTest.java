package dev.dsw.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.model.Instance;
import dev.dsw.model.InstancePage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Pages that do not add up to a steady TotalCount end the run with an IncompleteResultException
 * (exit 3), never a subset passed off as the whole; and the requests a server can draw are bounded
 * (red team, issue #23). A scripted client stands in for the service: page n of 100.
 */
class InconsistentPagesTest {
  static final ListInstancesQuery ALL = ListInstancesQuery.builder().workspaceId("ALL").build();

  static Instance instance(int n) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("InstanceId", "dsw-" + n);
    return new Instance(o);
  }

  /** IDs from..to-1. */
  static List<Instance> ids(int from, int to) {
    List<Instance> l = new ArrayList<>();
    for (int i = from; i < to; i++) {
      l.add(instance(i));
    }
    return l;
  }

  /** A client answering page n with what the script says; counts its requests. */
  static class Scripted implements DswClient {
    final AtomicInteger requests = new AtomicInteger();
    final long total;
    final IntFunction<List<Instance>> page;

    Scripted(long total, IntFunction<List<Instance>> page) {
      this.total = total;
      this.page = page;
    }

    @Override
    public InstancePage listInstances(ListInstancesQuery q) {
      requests.incrementAndGet();
      return new InstancePage("R", total, page.apply(q.pageNumber()));
    }

    @Override
    public String dryRun(ListInstancesQuery q) {
      return "";
    }

    @Override
    public void close() {}
  }

  static List<String> listed = new ArrayList<>();

  static Pages.Result run(DswClient client, long limit) {
    listed = java.util.Collections.synchronizedList(new ArrayList<>());
    return Pages.all(
        client,
        ALL,
        new Pages.Options(100, 4, limit),
        null,
        i -> listed.add(i.id()),
        Pages.Listener.NONE);
  }

  /** 250 instances as a consistent service pages them. */
  static List<Instance> good(int n) {
    return ids((n - 1) * 100, Math.min(250, n * 100));
  }

  @Test
  void aConsistentServiceIsListedWhole() {
    Pages.Result r = run(new Scripted(250, InconsistentPagesTest::good), 0);
    assertThat(r.emitted()).isEqualTo(250);
    assertThat(listed).hasSize(250).doesNotHaveDuplicates();
  }

  @Test
  void aShortPageIsExitThree() {
    Scripted s = new Scripted(250, n -> n == 2 ? ids(100, 150) : good(n));
    assertThatThrownBy(() -> run(s, 0))
        .isInstanceOf(IncompleteResultException.class)
        .hasMessage("the pages held 200 distinct instances but TotalCount is 250 (50 missing)");
    assertThat(listed).as("what was fetched was handed on").hasSize(200);
  }

  @Test
  void anEmptyPageIsExitThree() {
    Scripted s = new Scripted(250, n -> n == 3 ? List.of() : good(n));
    assertThatThrownBy(() -> run(s, 0))
        .isInstanceOf(IncompleteResultException.class)
        .hasMessageContaining("page 3 added no new instance though TotalCount is 250");
  }

  @Test
  void anOverlappingPageIsExitThree() {
    // page 2 starts 10 early: 90..189; the last 10 (240..249) are never on any page
    Scripted s = new Scripted(250, n -> n == 2 ? ids(90, 190) : n == 3 ? ids(190, 240) : good(n));
    assertThatThrownBy(() -> run(s, 0))
        .isInstanceOf(IncompleteResultException.class)
        .hasMessage(
            "the pages held 240 distinct instances but TotalCount is 250 (10 missing, 10 repeated"
                + " IDs)");
  }

  @Test
  void aDuplicateWithinAPageIsExitThree() {
    Scripted s =
        new Scripted(
            250,
            n -> {
              List<Instance> p = new ArrayList<>(good(n));
              if (n == 1) {
                p.set(99, instance(0));
              }
              return p;
            });
    assertThatThrownBy(() -> run(s, 0))
        .isInstanceOf(IncompleteResultException.class)
        .hasMessageContaining("(1 missing, 1 repeated IDs)");
  }

  @Test
  void aShortSinglePageIsExitThree() {
    Scripted s = new Scripted(50, n -> ids(0, 40));
    assertThatThrownBy(() -> run(s, 0)).isInstanceOf(IncompleteResultException.class);
  }

  @Test
  void aPageThatRepeatsTheLastAddsNothingAndEndsTheRun() {
    // a server that answers every page with page 1
    Scripted s = new Scripted(1000, n -> ids(0, 100));
    assertThatThrownBy(() -> run(s, 0))
        .isInstanceOf(IncompleteResultException.class)
        .hasMessageContaining("page 2 added no new instance");
    assertThat(s.requests.get())
        .as("page 1, then at most the pages in flight")
        .isLessThanOrEqualTo(10);
  }

  @Test
  void aTotalCountBeyondTheCeilingIsAMalformedReplyUnlessLimited() {
    Scripted claims = new Scripted(1_000_000_000_000L, n -> ids((n - 1) * 100, n * 100));
    assertThatThrownBy(() -> run(claims, 0))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("TotalCount 1000000000000 is beyond the 1000000 instances");
    assertThat(claims.requests.get()).isEqualTo(1);
    Pages.Result r = run(new Scripted(1_000_000_000_000L, n -> ids((n - 1) * 100, n * 100)), 250);
    assertThat(r.emitted()).isEqualTo(250);
  }

  @Test
  void aFleetThatKeepsGrowingIsBoundedByTheFirstPagesCountPlusSlack() {
    // every page claims 500 more than the one before, with new instances each time
    AtomicInteger grows = new AtomicInteger();
    DswClient client =
        new Scripted(0, n -> ids((n - 1) * 100, n * 100)) {
          @Override
          public InstancePage listInstances(ListInstancesQuery q) {
            requests.incrementAndGet();
            int n = q.pageNumber();
            return new InstancePage("R", 1000 + 500L * grows.getAndIncrement(), page.apply(n));
          }
        };
    assertThatThrownBy(() -> run(client, 0))
        .isInstanceOf(IncompleteResultException.class)
        .hasMessageContaining("the fleet kept growing");
    // 10 pages planned, slack 2: the run stops within 12 pages and those in flight
    assertThat(((Scripted) client).requests.get()).isLessThanOrEqualTo(12 + 8);
  }
}
