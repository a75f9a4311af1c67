package dev.dsw.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.api.DswClient;
import dev.dsw.api.ListInstancesQuery;
import dev.dsw.api.Pages;
import dev.dsw.model.Instance;
import dev.dsw.model.InstancePage;
import dev.dsw.model.JsonText;
import dev.dsw.output.Format;
import dev.dsw.output.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The runner of the listing room needs nothing of cli/ (issue #32): a {@link Session} and a {@link
 * Terminal} written here, over a client that answers from memory, run a whole listing, and every
 * event the terminal cares about arrives through the one interface.
 */
class ListingTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

  /** 7 instances, 3 to a page; counts the pages asked for. */
  static final class Memory implements DswClient {
    final AtomicInteger pages = new AtomicInteger();
    final int total;

    Memory(int total) {
      this.total = total;
    }

    @Override
    public InstancePage listInstances(ListInstancesQuery q) {
      pages.incrementAndGet();
      int size = q.pageSize();
      int from = (q.pageNumber() - 1) * size;
      List<Instance> rows = new ArrayList<>();
      for (int i = from; i < Math.min(total, from + size); i++) {
        ObjectNode o = JsonText.NODES.objectNode();
        o.put("InstanceId", "dsw-" + i).put("InstanceName", "nb-" + i).put("Status", "Running");
        rows.add(new Instance(o));
      }
      return new InstancePage("req-" + q.pageNumber(), total, rows);
    }

    @Override
    public String dryRun(ListInstancesQuery q) {
      return "GET /api/v2/instances?PageNumber=" + q.pageNumber() + "\n";
    }
  }

  /** Writes down every event. */
  static final class Recording implements Terminal {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    final List<String> events = new ArrayList<>();
    int closeAfter = Integer.MAX_VALUE;

    @Override
    public PrintStream out() {
      return out;
    }

    @Override
    public int width() {
      return 0;
    }

    @Override
    public boolean isTty() {
      return false;
    }

    @Override
    public boolean colour() {
      return false;
    }

    @Override
    public boolean movesCursor() {
      return false;
    }

    @Override
    public Progress progress(boolean rowsHeld) {
      events.add("progress held=" + rowsHeld);
      return Progress.OFF;
    }

    @Override
    public void warn(String message) {
      events.add("warn " + message);
    }

    @Override
    public void info(String message) {
      events.add("info " + message);
    }

    @Override
    public void debug(String message) {
      events.add("debug " + message);
    }

    @Override
    public void scopeFailed(String scope, RuntimeException cause) {
      events.add("failed " + scope);
    }

    @Override
    public void retrying(String what, Duration every, RuntimeException cause) {
      events.add("retrying " + what);
    }

    @Override
    public Seen seen() {
      return new Seen() {
        @Override
        public void record(Instance i) {
          events.add("seen " + i.id());
        }

        @Override
        public void save() {
          events.add("saved");
        }
      };
    }

    @Override
    public void checkOpen() {
      if (--closeAfter < 0) {
        throw new IllegalStateException("stdout closed");
      }
    }

    @Override
    public void catchInterrupts() {}

    @Override
    public boolean pause(Duration d) {
      return true;
    }

    String stdout() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  record Run(Memory memory, Recording terminal, boolean dry) implements Session {
    @Override
    public DswClient client() {
      return memory;
    }

    @Override
    public DswClient client(String region) {
      return memory;
    }

    @Override
    public Clock clock() {
      return CLOCK;
    }

    @Override
    public List<String> scopes() {
      return List.of();
    }

    @Override
    public boolean multiScope() {
      return false;
    }

    @Override
    public List<String> profiles() {
      return List.of();
    }

    @Override
    public boolean dryRun(ListInstancesQuery first) {
      if (dry) {
        terminal.out().print(memory.dryRun(first));
      }
      return dry;
    }

    @Override
    public void lookUpAccounts(boolean wanted) {}

    @Override
    public Narrowing narrow(Request r) {
      return PlanTest.unnarrowed(r);
    }
  }

  static Request csv(String... where) {
    return new Request(
        ListInstancesQuery.builder().build(),
        List.of(where),
        new Pages.Options(3, 1, 0),
        null,
        new Output(Format.csv, List.of("ID", "NAME"), List.of(), true, null, false),
        null,
        null);
  }

  @Test
  void aListingRunsOnASessionAndATerminalOfItsOwn() {
    Run run = new Run(new Memory(7), new Recording(), false);
    assertThat(new Listing(run).run(csv(), Report.PRINT)).isEqualTo(Listing.Ended.DONE);
    assertThat(run.terminal().stdout().lines().toList()).hasSize(8).first().isEqualTo("ID,NAME");
    assertThat(run.terminal().stdout()).contains("dsw-0,nb-0\n").contains("dsw-6,nb-6\n");
    assertThat(run.memory().pages.get()).as("7 instances, 3 to a page").isEqualTo(3);
    assertThat(run.terminal().events)
        .startsWith("progress held=false", "seen dsw-0")
        .endsWith("seen dsw-6", "saved")
        .filteredOn(e -> e.startsWith("seen"))
        .hasSize(7);
  }

  @Test
  void anEmptyAnswerIsSaidOnTheTerminalAndStdoutKeepsItsForm() {
    Run run = new Run(new Memory(7), new Recording(), false);
    new Listing(run).run(csv("NAME=nobody"), Report.PRINT);
    assertThat(run.terminal().stdout()).isEqualTo("ID,NAME\n");
    assertThat(run.terminal().events)
        .contains("info no instances match (client: NAME=nobody)")
        .doesNotContain("seen dsw-0");
  }

  @Test
  void aClosedStdoutStopsTheFetching() {
    Recording terminal = new Recording();
    terminal.closeAfter = 2;
    Run run = new Run(new Memory(30), terminal, false);
    assertThatThrownBy(() -> new Listing(run).run(csv(), Report.PRINT)).hasMessage("stdout closed");
    // page 2 may be on its way while page 1 is written (one in flight); of 10 pages, none after
    assertThat(run.memory().pages.get()).as("no page after the reader went away").isBetween(1, 2);
    assertThat(terminal.events).doesNotContain("saved");
  }

  @Test
  void aDryRunPrintsTheFirstRequestAndSendsNothing() {
    Run run = new Run(new Memory(7), new Recording(), true);
    new Listing(run).run(csv(), Report.PRINT);
    assertThat(run.terminal().stdout()).isEqualTo("GET /api/v2/instances?PageNumber=1\n");
    assertThat(run.memory().pages.get()).isZero();
  }

  @Test
  void aWatchEndsWhenCtrlCEndsItsPause() {
    Request table =
        PlanTest.request(new Output(Format.jsonl, null, List.of("ID"), true, null, false), 0);
    Run run = new Run(new Memory(2), new Recording(), false);
    assertThat(new Listing(run).watch(table, Duration.ofSeconds(5)))
        .isEqualTo(Listing.Ended.INTERRUPTED);
    assertThat(run.terminal().stdout()).contains("dsw-0").contains("dsw-1");
  }
}
