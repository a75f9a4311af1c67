package dev.dsw.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.cli.TestEnvironment;
import dev.dsw.model.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The red team's reproductions of issue #31, as data: {@code
 * src/test/resources/reliability/hostile.json} holds each case (its arguments, environment, files,
 * the server's reply) and what must hold (exit code, text that must and must not appear, requests
 * sent). Whatever a case says, no run prints the test's secrets, a stack trace, or (on stderr) an
 * escape sequence, a bidirectional control or a line separator from the server. The count of passed
 * and failed cases is printed at the end as {@code N passed, M failed}.
 */
class HostileCorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/reliability/hostile.json");

  /** The secrets every case's environment may hold; none may ever be printed. */
  static final String KEY_ID = "LTAI5tHostileKey0042";

  static final String SECRET = "Hostile-AK-Secret-do-not-print";
  static final String TOKEN = "Hostile-STS-Token-do-not-print";
  static final String PROXY_PASSWORD = "Proxy-Pass-do-not-print";
  static final List<String> NEVER =
      List.of(SECRET, TOKEN, PROXY_PASSWORD, "S3CRET", "Hostile-STS-Token");

  @TempDir static Path dir;

  static final AtomicInteger passed = new AtomicInteger();
  static final AtomicInteger failed = new AtomicInteger();
  static final Map<String, Integer> families = new ConcurrentHashMap<>();

  @AfterAll
  static void report() throws IOException {
    StringBuilder table = new StringBuilder("| family | cases |\n|---|---|\n");
    for (String family :
        cases().map(a -> ((JsonNode) a.get()[0]).path("family").asText()).distinct().toList()) {
      table.append("| ").append(family).append(" | ").append(families.get(family)).append(" |\n");
    }
    Report.section(
        "25-hostile",
        "## Hostile input and replies (`HostileCorpusTest`)\n\n"
            + (passed.get() + failed.get())
            + " reproductions of issue #31 from `src/test/resources/reliability/hostile.json`"
            + " (hostile replies, credential sources, terminal injection, unbounded work): "
            + passed.get()
            + " passed, "
            + failed.get()
            + " failed. No run printed a secret, a stack trace, or a raw escape sequence,"
            + " bidirectional control or line separator on stderr.\n\n"
            + table);
    // the plain closing line CI reads beside Surefire's
    System.out.println("hostile corpus: " + passed.get() + " passed, " + failed.get() + " failed");
  }

  static Stream<Arguments> cases() throws IOException {
    JsonNode all = Json.MAPPER.readTree(Files.readString(CORPUS, StandardCharsets.UTF_8));
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : all.path("cases")) {
      out.add(Arguments.of(c, c.path("family").asText() + ": " + c.path("name").asText()));
    }
    return out.stream();
  }

  @Timeout(60)
  @ParameterizedTest(name = "{1}")
  @MethodSource("cases")
  void holds(JsonNode c, String title) throws Exception {
    families.merge(c.path("family").asText(), 1, Integer::sum);
    try {
      run(c);
      passed.incrementAndGet();
    } catch (AssertionError | Exception e) {
      failed.incrementAndGet();
      throw e;
    }
  }

  private static void run(JsonNode c) throws Exception {
    Path home = Files.createTempDirectory(dir, "home");
    AtomicInteger requests = new AtomicInteger();
    try (MockWebServer server = new MockWebServer()) {
      String body = reply(c);
      int status = c.path("status").asInt(200);
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              requests.incrementAndGet();
              return new MockResponse.Builder()
                  .code(status)
                  .setHeader("Content-Type", "application/json")
                  .body(body)
                  .build();
            }
          });
      server.start();
      String url = server.url("/").toString().replaceAll("/$", "");
      TestEnvironment env =
          new TestEnvironment(home).set("XDG_CACHE_HOME", home.resolve("cache").toString());
      if (!c.path("noKeys").asBoolean()) {
        env.set("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID)
            .set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET)
            .set("ALIBABA_CLOUD_REGION_ID", "cn-hangzhou");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = c.path("env").properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isNull()) {
          env.set(e.getKey(), null);
        } else {
          env.set(e.getKey(), expand(e.getValue().asText(), url, home));
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = c.path("files").properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Path f = home.resolve(e.getKey());
        Files.createDirectories(f.getParent());
        String text = e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString();
        Files.writeString(f, expand(text, url, home));
        Files.setPosixFilePermissions(
            f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      }
      if (c.has("chain")) {
        Files.createDirectories(home.resolve(".aliyun"));
        Files.writeString(home.resolve(".aliyun/config.json"), chain(c.path("chain").asInt()));
      }
      List<String> args = new ArrayList<>();
      for (JsonNode a : c.path("args")) {
        args.add(expand(a.asText(), url, home));
      }
      if (c.has("ids")) {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < c.path("ids").asInt(); i++) {
          ids.append(i == 0 ? "" : ",").append(String.format("dsw-%016x", i));
        }
        args.add(ids.toString());
      }
      if (!c.path("noServer").asBoolean()
          && !args.contains("--endpoint")
          && !args.contains("--demo")) {
        args.addAll(List.of("--endpoint", url));
      }
      int code = env.run(args.toArray(String[]::new));
      String out = env.stdout();
      String err = env.stderr();
      String what = c.path("name").asText() + "\nstdout: " + cut(out) + "\nstderr: " + err;
      assertThat(code).as(what).isEqualTo(c.path("exit").asInt());
      for (JsonNode s : c.path("stdoutHas")) {
        assertThat(out).as(what).contains(expand(s.asText(), url, home));
      }
      for (JsonNode s : c.path("stdoutLacks")) {
        assertThat(out).as(what).doesNotContain(expand(s.asText(), url, home));
      }
      for (JsonNode s : c.path("stderrHas")) {
        assertThat(err).as(what).contains(expand(s.asText(), url, home));
      }
      for (JsonNode s : c.path("stderrLacks")) {
        assertThat(err).as(what).doesNotContain(expand(s.asText(), url, home));
      }
      if (c.has("requests")) {
        assertThat(requests.get()).as(what).isEqualTo(c.path("requests").asInt());
      }
      if (c.path("inertStdout").asBoolean()) {
        // csv and tsv keep the data's own characters but for control characters (README)
        assertInert(out, what, args.contains("csv") || args.contains("tsv"));
      }
      // always: no secret anywhere, no stack trace, stderr inert, errors are "dsw:" lines
      for (String secret : NEVER) {
        assertThat(out + err).as(what).doesNotContain(secret);
      }
      if (!args.contains("--debug")) { // --debug shows the trace, made inert like the rest
        assertThat(err).as(what).doesNotContain("\tat ").doesNotContain("Exception:");
      }
      assertInert(err, what, false);
      assertThat(err).as(what).doesNotContain("[picocli");
      if (code != 0) {
        assertThat(err.lines().filter(l -> l.startsWith("dsw: ") && !l.startsWith("dsw: warning:")))
            .as(what)
            .hasSize(1);
      }
    }
  }

  /**
   * No ESC or other C0/C1 control but tab and newline; unless {@code controlsOnly}, no bidi control
   * and no line separator either.
   */
  static void assertInert(String text, String what, boolean controlsOnly) {
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      boolean control = (ch < 0x20 && ch != '\n' && ch != '\t') || (ch >= 0x7f && ch < 0xa0);
      boolean bad =
          control
              || !controlsOnly && (ch >= 0x202a && ch <= 0x202e)
              || !controlsOnly && (ch >= 0x2066 && ch <= 0x2069)
              || !controlsOnly && (ch == 0x2028 || ch == 0x2029 || ch == 0x200e || ch == 0x200f);
      assertThat(bad).as("U+%04X at %d in %s", (int) ch, i, what).isFalse();
    }
  }

  /** The reply the server gives: "replyRaw" as it is, "reply" as JSON, or a page of "fleet". */
  static String reply(JsonNode c) {
    if (c.has("replyRaw")) {
      return c.path("replyRaw").asText();
    }
    if (c.has("reply")) {
      return c.path("reply").toString();
    }
    ObjectNode page = Json.MAPPER.createObjectNode();
    page.put("RequestId", "HOSTILE-0001").put("Success", true).put("Code", "null");
    ArrayNode instances = page.putArray("Instances");
    JsonNode fleet = c.path("fleet");
    int count = fleet.path("count").asInt(fleet.path("instances").size());
    for (JsonNode i : fleet.path("instances")) {
      instances.add(i);
    }
    for (int n = instances.size(); n < count; n++) {
      ObjectNode i = ((ObjectNode) fleet.path("instances").get(0)).deepCopy();
      i.put("InstanceId", i.path("InstanceId").asText() + "-" + n);
      instances.add(i);
    }
    page.put("TotalCount", fleet.has("totalCount") ? fleet.path("totalCount").asLong() : count);
    return page.toString();
  }

  /** A config.json whose profiles each assume a role from the one before: n links. */
  static String chain(int n) {
    StringBuilder sb = new StringBuilder("{\"current\":\"p" + (n - 1) + "\",\"profiles\":[");
    sb.append("{\"name\":\"p0\",\"mode\":\"AK\",\"access_key_id\":\"")
        .append(KEY_ID)
        .append("\",\"access_key_secret\":\"")
        .append(SECRET)
        .append("\",\"region_id\":\"cn-hangzhou\"}");
    for (int i = 1; i < n; i++) {
      sb.append(",{\"name\":\"p")
          .append(i)
          .append("\",\"mode\":\"ChainableRamRoleArn\",\"source_profile\":\"p")
          .append(i - 1)
          .append("\",\"ram_role_arn\":\"acs:ram::1:role/r\",\"region_id\":\"cn-hangzhou\"}");
    }
    return sb.append("]}").toString();
  }

  /** ${SERVER}, ${HOME}, ${KEY_ID}, ${SECRET}, ${TOKEN}, ${PROXY_PASSWORD}, and C{*N} repeats. */
  static String expand(String s, String url, Path home) {
    String t =
        s.replace("${SERVER}", url)
            .replace("${HOME}", home.toString())
            .replace("${KEY_ID}", KEY_ID)
            .replace("${SECRET}", SECRET)
            .replace("${TOKEN}", TOKEN)
            .replace("${PROXY_PASSWORD}", PROXY_PASSWORD);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.)\\{\\*(\\d+)}").matcher(t);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          sb,
          java.util.regex.Matcher.quoteReplacement(
              m.group(1).repeat(Integer.parseInt(m.group(2)))));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String cut(String s) {
    return s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
  }
}
