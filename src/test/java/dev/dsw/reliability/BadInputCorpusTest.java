package dev.dsw.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsw.cli.TestEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * More than 200 invalid invocations, built by category: each exits 2 with one "dsw:" line naming
 * the problem (a "hint:" line may follow), no stack trace, nothing on stdout, and no request sent.
 */
class BadInputCorpusTest {
  @TempDir static Path home;

  static MockWebServer server;
  static final AtomicInteger CASES = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterAll
  static void stop() throws Exception {
    assertThat(server.getRequestCount()).as("requests sent by invalid invocations").isZero();
    Report.section(
        "20-bad-input",
        "## Bad input (`BadInputCorpusTest`)\n\n"
            + CASES.get()
            + " invalid invocations (unknown flags, bad enum values, malformed numbers, sizes,"
            + " times, durations and KEY=VALUE pairs, min > max, too many labels, control"
            + " characters, huge values, conflicting flags, bad --where expressions, bad arguments"
            + " to summary, idle, get, completion and emulator): every one exited 2 with one `dsw:`"
            + " line naming the problem, no stack trace, nothing on stdout, and "
            + server.getRequestCount()
            + " requests reached the server.");
    server.close();
  }

  static Arguments c(String category, String... args) {
    return Arguments.of(category, List.of(args));
  }

  static Stream<Arguments> corpus() {
    List<Arguments> all = new ArrayList<>();
    for (String flag :
        List.of(
            "--stauts",
            "--regoin",
            "--outptu",
            "-x",
            "--foo",
            "--workspace-id",
            "--instance",
            "--gpu",
            "--cpu",
            "--memory",
            "--created",
            "--sort",
            "--orderby",
            "--pagesize",
            "--all-region",
            "--json",
            "--labels",
            "--tags",
            "--verbose",
            "-Z")) {
      all.add(c("unknown flag", "list", flag, "x"));
    }
    for (String cmd : List.of("lst", "summarize", "describe-instances", "ide", "watch")) {
      all.add(c("unknown command", cmd));
    }
    for (String flag :
        List.of(
            "--status",
            "--payment-type",
            "--accessibility",
            "--accelerator-type",
            "--sort-by",
            "--order",
            "-o",
            "--color")) {
      for (String value : List.of("nope", "123", "%%", "Run ning")) {
        all.add(c("bad enum value", "list", flag, value));
      }
    }
    for (String flag :
        List.of(
            "--min-cpu",
            "--max-cpu",
            "--min-gpu",
            "--max-gpu",
            "--page",
            "--page-size",
            "--limit",
            "--concurrency",
            "--retries")) {
      for (String value :
          List.of("abc", "-1", "0x10", "1,5", "NaN", "Infinity", "99999999999999999999999")) {
        all.add(c("malformed number", "list", flag, value));
      }
    }
    for (String flag :
        List.of("--min-memory", "--max-memory", "--min-gpu-memory", "--max-gpu-memory")) {
      for (String value : List.of("32X", "-5", "G", "1.5.5", "32 GB GB", "99999999999999999999G")) {
        all.add(c("malformed size", "list", flag, value));
      }
    }
    for (String flag : List.of("--created-after", "--created-before")) {
      for (String value :
          List.of("yesterday", "2024-13-45", "7y", "2024-01-01T25:00:00Z", "-5d", "1700000000")) {
        all.add(c("malformed time", "list", flag, value));
      }
    }
    for (String flag : List.of("--timeout", "--connect-timeout", "--read-timeout")) {
      for (String value : List.of("forever", "0s", "-1s", "10x", "1h30")) {
        all.add(c("malformed duration", "list", flag, value));
      }
    }
    for (String value : List.of("forever", "0s", "10x", "500ms")) {
      all.add(c("malformed duration", "list", "--watch", "--interval", value));
    }
    for (String value : List.of("forever", "-1h", "2x", "")) {
      all.add(c("malformed duration", "idle", "--for", value));
    }
    for (String flag : List.of("--label", "--tag")) {
      for (String value : List.of("novalue", "=v", "=", "k\u0007=v", "k=v\u001b[31m")) {
        all.add(c("bad KEY=VALUE", "list", flag, value));
      }
    }
    all.add(c("min > max", "list", "--min-cpu", "8", "--max-cpu", "4"));
    all.add(c("min > max", "list", "--min-gpu", "2", "--max-gpu", "1"));
    all.add(c("min > max", "list", "--min-memory", "64", "--max-memory", "32"));
    all.add(c("min > max", "list", "--min-gpu-memory", "80", "--max-gpu-memory", "16"));
    all.add(
        c("min > max", "list", "--created-after", "2025-01-02", "--created-before", "2025-01-01"));
    all.add(c("min > max", "summary", "--min-cpu", "8", "--max-cpu", "4"));
    all.add(c("min > max", "idle", "--min-gpu", "4", "--max-gpu", "1"));
    all.add(
        c(
            "too many labels",
            "list",
            "--label",
            "a=1",
            "--label",
            "b=2",
            "--label",
            "c=3",
            "--label",
            "d=4",
            "--label",
            "e=5"));
    all.add(
        c(
            "too many labels",
            "summary",
            "--label",
            "a=1",
            "--label",
            "b=2",
            "--label",
            "c=3",
            "--label",
            "d=4",
            "--label",
            "e=5",
            "--label",
            "f=6"));
    for (String flag :
        List.of(
            "--name",
            "--workspace",
            "--gpu-type",
            "--image-name",
            "--resource-id",
            "--create-user-id",
            "--instance-id",
            "--oversold-type")) {
      all.add(c("control character", "list", flag, "a\u0001b"));
      all.add(c("control character", "list", flag, "line\nbreak"));
      all.add(c("huge value", "list", flag, "x".repeat(5000)));
    }
    all.add(c("control character", "get", "dsw-\u0001"));
    all.add(c("control character", "list", "--where", "Status=Run\u0000"));
    all.add(c("huge value", "get", "dsw-" + "a".repeat(5000)));
    all.add(c("huge value", "list", "--where", "InstanceName~" + "a".repeat(5000)));
    all.add(c("huge value", "list", "--label", "k=" + "v".repeat(5000)));
    all.add(c("conflicting flags", "list", "--page", "2", "--limit", "5"));
    all.add(c("conflicting flags", "list", "--all-regions", "--region", "cn-hangzhou"));
    all.add(c("conflicting flags", "list", "--watch", "--page", "2"));
    all.add(c("conflicting flags", "list", "--watch", "--limit", "2"));
    all.add(c("conflicting flags", "list", "--watch", "-o", "csv"));
    all.add(c("conflicting flags", "list", "--watch", "-o", "json"));
    all.add(c("conflicting flags", "list", "--interval", "5s"));
    all.add(c("conflicting flags", "idle", "--status", "Running"));
    all.add(c("conflicting flags", "summary", "-o", "detail"));
    all.add(c("conflicting flags", "summary", "--by", "status,status"));
    all.add(c("conflicting flags", "list", "--page", "2", "--region", "cn-hangzhou,cn-shanghai"));
    for (String where :
        List.of(
            "Status",
            "=Running",
            "Status=~Run",
            "Status<>Run",
            "InstanceName~[a",
            "Instance Name=x",
            "Status=>x",
            "~x",
            "!=",
            "GPU=<2")) {
      all.add(c("bad --where", "list", "--where", where));
    }
    for (String by : List.of("colour", "", "status,,owner", "gpu_types", "region,owner,nope")) {
      all.add(c("bad summary key", "summary", "--by", by));
    }
    all.add(c("missing argument", "get"));
    all.add(c("missing argument", "get", ","));
    all.add(c("missing argument", "list", "--status"));
    all.add(c("missing argument", "list", "-o"));
    all.add(c("bad argument", "completion", "fish"));
    all.add(c("bad argument", "completion"));
    all.add(c("bad argument", "config", "nonsense"));
    all.add(c("bad argument", "emulator", "--port", "70000"));
    all.add(c("bad argument", "emulator", "--fault-rate", "2"));
    all.add(c("bad argument", "emulator", "--spike-rate", "-0.1"));
    all.add(c("bad argument", "list", "unexpected-positional"));
    all.add(c("bad argument", "list", "--sort-column", "NAME:sideways"));
    all.add(c("bad argument", "--region", "CN_HANGZHOU", "list"));
    all.add(c("bad argument", "--region", "cn-hangzhou,,x_y", "list"));
    all.add(c("bad argument", "--endpoint", "ftp://example.com", "list"));
    all.add(c("bad argument", "--endpoint", "http://203.0.113.9", "list"));
    all.add(c("bad argument", "--endpoint", "not a url", "list"));
    return all.stream();
  }

  @ParameterizedTest(name = "[{index}] {0}: {1}")
  @MethodSource("corpus")
  void exitsTwoWithOneLineAndSendsNothing(String category, List<String> args) {
    CASES.incrementAndGet();
    TestEnvironment env =
        new TestEnvironment(home)
            .set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tCorpusKey000001")
            .set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "corpus-secret")
            .set("ALIBABA_CLOUD_REGION_ID", "cn-hangzhou");
    List<String> full = new ArrayList<>(args);
    boolean endpointGiven = args.contains("--endpoint");
    if (!endpointGiven
        && !args.get(0).equals("emulator")
        && !args.get(0).equals("completion")
        && !args.get(0).equals("config")) {
      full.addAll(List.of("--endpoint", server.url("/").toString()));
    }
    int code = env.run(full.toArray(String[]::new));
    String err = env.stderr();
    assertThat(code).as(category + " " + args + "\n" + err).isEqualTo(2);
    List<String> lines = err.lines().toList();
    assertThat(lines).as(err).isNotEmpty();
    assertThat(lines.get(0)).startsWith("dsw: ");
    assertThat(lines.stream().filter(l -> l.startsWith("dsw: ")).count()).as(err).isEqualTo(1);
    assertThat(lines).as(err).allMatch(l -> l.startsWith("dsw: ") || l.startsWith("hint: "));
    assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(env.stdout()).isEmpty();
  }
}
