package dev.dsw.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.cli.TestEnvironment;
import dev.dsw.emulator.EmulatorServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command and format, plain, with --debug and with --dry-run, on success and on failure, with
 * known fake credentials and a fleet full of fake sensitive fields: none of the secrets appears in
 * stdout, stderr or any file dsw wrote, and AccessKey IDs appear only masked.
 */
class SecretsTest {
  static final String KEY_ID = "LTAI5tSecretsKey9876";
  static final String SECRET = "s3cr3t-Fake-AK-Secret-0001";
  static final String TOKEN = "FakeStsToken-XYZ-0001-do-not-print";
  static final String PROFILE_KEY_ID = "LTAI5tConfigKey55555";
  static final String PROFILE_SECRET = "cfg-secret-0002-do-not-print";
  static final Pattern SENSITIVE =
      Pattern.compile("(?i).*(password|secret|token|accesskeyid|auth).*");

  @TempDir static Path home;

  static EmulatorServer server;
  static final Set<String> fleetSecrets = new LinkedHashSet<>();
  static String someId;
  static int runs;

  @BeforeAll
  static void start() throws Exception {
    server =
        EmulatorServer.start(
            TestEnvironment.emulator().toBuilder()
                .accessKeyId(KEY_ID)
                .accessKeySecret(SECRET)
                .instances(60)
                .seed(5)
                .anchor(Instant.parse("2026-11-01T00:00:00Z"))
                .build());
    for (ObjectNode i : server.store().snapshot()) {
      collect(i, false);
    }
    someId = server.store().snapshot().get(0).get("InstanceId").asText();
    assertThat(fleetSecrets)
        .as("the generated fleet carries fake secrets to look for")
        .hasSizeGreaterThan(20);
    Files.createDirectories(home.resolve(".aliyun"));
    Path config = home.resolve(".aliyun/config.json");
    Files.writeString(
        config,
        "{\"current\":\"ops\",\"profiles\":[{\"name\":\"ops\",\"mode\":\"AK\",\"access_key_id\":\""
            + PROFILE_KEY_ID
            + "\",\"access_key_secret\":\""
            + PROFILE_SECRET
            + "\",\"region_id\":\"cn-hangzhou\"}]}");
    Files.setPosixFilePermissions(
        config, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
  }

  @AfterAll
  static void stop() {
    server.close();
    Report.section(
        "40-secrets",
        "## Secrets (`SecretsTest`, `LocalFilesTest`, `TlsTest`)\n\n"
            + runs
            + " runs (list, get, summary, idle with every format; list --watch; config show;"
            + " completion; failures with a wrong secret and with an STS token; each plain, with"
            + " --debug and with --dry-run) with a fake AccessKey secret, an STS token, a"
            + " config.json profile secret and a fleet holding "
            + fleetSecrets.size()
            + " distinct fake sensitive values (ImageAuth, passwords, tokens, AccessKey IDs,"
            + " environment values): none appeared in stdout, stderr or the files dsw wrote;"
            + " AccessKey IDs appeared only masked (LTAI****9876).\n\n"
            + "dsw warns when ~/.aliyun/config.json or the credentials INI file is readable by"
            + " group or others, writes its completion cache with mode 0600 by atomic rename from a"
            + " private temporary file (8 writers × 40 rewrites while a reader never saw a torn"
            + " file), refuses a server whose certificate it cannot verify, and has no code that"
            + " replaces certificate or hostname checks (an ArchUnit rule). The emulator takes its"
            + " secret from DSW_EMULATOR_ACCESS_KEY_SECRET, never from a flag.");
  }

  /**
   * Values of sensitive fields (list-instances.md §4.4), long and odd enough not to occur by
   * chance.
   */
  static void collect(JsonNode n, boolean all) {
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        boolean sensitive = all || SENSITIVE.matcher(e.getKey()).matches();
        if (e.getKey().equals("EnvironmentVariables")) {
          collect(e.getValue(), true);
        } else if (e.getValue().isTextual()) {
          String v = e.getValue().asText();
          // Plain words ("password" as an auth type) are settings, not secrets.
          if (sensitive && v.length() >= 8 && !v.matches("[A-Za-z]+") && !v.equals("***")) {
            fleetSecrets.add(v);
          }
        } else {
          collect(
              e.getValue(), sensitive && !e.getKey().equals("CredentialConfig") ? sensitive : all);
        }
      }
    } else if (n.isArray()) {
      n.forEach(c -> collect(c, all));
    }
  }

  TestEnvironment env(boolean token, String secret) {
    TestEnvironment env =
        new TestEnvironment(home)
            .set("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID)
            .set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", secret)
            .set("XDG_CACHE_HOME", home.resolve("cache").toString())
            .onPause(n -> true);
    return token ? env.set("ALIBABA_CLOUD_SECURITY_TOKEN", TOKEN) : env;
  }

  /** Runs one command in each mode and checks everything it printed and wrote. */
  int check(TestEnvironment env, List<String> args) throws IOException {
    runs++;
    int exit = env.run(args.toArray(String[]::new));
    List<String> texts = new ArrayList<>(List.of(env.stdout(), env.stderr()));
    try (Stream<Path> files = Files.walk(home)) {
      for (Path f :
          files.filter(Files::isRegularFile).filter(f -> !f.endsWith("config.json")).toList()) {
        texts.add(Files.readString(f));
      }
    }
    for (String text : texts) {
      for (String s : List.of(SECRET, TOKEN, PROFILE_SECRET, KEY_ID, PROFILE_KEY_ID)) {
        assertThat(text).as("%s printed or written by %s", s, args).doesNotContain(s);
      }
      for (String s : fleetSecrets) {
        assertThat(text).as("fleet secret printed or written by %s", args).doesNotContain(s);
      }
    }
    return exit;
  }

  /** As check, for runs that must succeed and print something (so a silent failure cannot pass). */
  void checkOk(TestEnvironment env, List<String> args) throws IOException {
    assertThat(check(env, args)).as("%s: %s", args, env.stderr()).isZero();
    assertThat(env.stdout()).as("%s", args).isNotBlank();
  }

  List<List<String>> modes(List<String> args) {
    List<List<String>> out = new ArrayList<>();
    for (List<String> mode : List.of(List.<String>of(), List.of("--debug"), List.of("--dry-run"))) {
      List<String> full = new ArrayList<>(args);
      full.addAll(mode);
      full.addAll(
          List.of("--endpoint", server.baseUrl(), "--workspace", "ALL", "--resource-id", "ALL"));
      out.add(full);
    }
    return out;
  }

  @Test
  void noCommandFormatOrModeRevealsASecret() throws IOException {
    for (String format : List.of("table", "wide", "json", "jsonl", "csv", "tsv", "detail")) {
      for (List<String> args : modes(List.of("list", "-o", format))) {
        checkOk(env(false, SECRET), args);
      }
      for (List<String> args : modes(List.of("get", someId, "-o", format))) {
        checkOk(env(false, SECRET), args);
      }
      for (List<String> args : modes(List.of("idle", "--for", "1m", "-o", format))) {
        checkOk(env(false, SECRET), args);
      }
    }
    for (String format : List.of("table", "json", "jsonl", "csv", "tsv")) {
      for (List<String> args : modes(List.of("summary", "--by", "owner,status", "-o", format))) {
        checkOk(env(false, SECRET), args);
      }
    }
    for (List<String> args :
        modes(
            List.of(
                "list",
                "--columns",
                "ID,ImageAuth,EnvironmentVariables,CredentialConfig,ServiceConfig,ServiceConfig.JupyterServerPassword",
                "-o",
                "csv"))) {
      checkOk(env(false, SECRET), args);
    }
    for (List<String> args : modes(List.of("list", "--watch", "-o", "jsonl"))) {
      // a watch ends on the (simulated) Ctrl-C, exit 130; its dry run prints the request and ends
      assertThat(check(env(false, SECRET), args))
          .as("%s", args)
          .isEqualTo(args.contains("--dry-run") ? 0 : 130);
    }
  }

  @Test
  void failuresAndConfigRevealNothingEither() throws IOException {
    for (List<String> args : modes(List.of("list"))) {
      boolean dry = args.contains("--dry-run");
      assertThat(check(env(false, "a-wrong-secret-that-is-not-printed"), args))
          .isEqualTo(dry ? 0 : 4); // bad signature
      check(
          env(true, SECRET),
          args); // the token travels (signed, redacted in --debug) with the request
    }
    for (List<String> args :
        List.of(
            List.of("config", "show"),
            List.of("config", "show", "--debug"),
            List.of("--profile", "ops", "config", "show"),
            List.of("completion", "bash"),
            List.of("completion", "zsh"),
            List.of("--profile", "ops", "list", "--dry-run", "--endpoint", server.baseUrl()),
            List.of("--profile", "ops", "list", "--debug", "--endpoint", server.baseUrl()))) {
      check(env(true, SECRET), args);
    }
  }

  @Test
  void keyIdsShowMaskedWhereTheyShow() {
    TestEnvironment env = env(true, SECRET);
    env.run("list", "--dry-run", "--endpoint", server.baseUrl());
    assertThat(env.stdout())
        .contains("Credential=LTAI****9876")
        .contains("Signature=***")
        .contains("x-acs-security-token: ***");
    TestEnvironment config = env(false, SECRET);
    config.run("config", "show");
    assertThat(config.stdout()).contains("LTAI****9876");
  }
}
