package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsw.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --view NAME: the built-in views and the user's file, flags on the command line winning, and every
 * way a view can be wrong named with its file and line.
 */
class ViewsTest {
  @TempDir Path dir;
  Path views;

  @BeforeEach
  void file() throws Exception {
    views = dir.resolve("config/dsw/views");
    Files.createDirectories(views.getParent());
    Files.writeString(
        views,
        """
        # my views
        big-gpus = --status Running --min-gpu 4 --sort-column GPU:desc -o csv --columns ID,GPU

        nlp = --label team=nlp --where 'InstanceName~^train' -o csv --columns "ID,NAME"
        """);
  }

  TestEnvironment env() {
    return new TestEnvironment(dir)
        .set("XDG_CONFIG_HOME", dir.resolve("config").toString())
        .set("XDG_CACHE_HOME", dir.resolve("cache").toString());
  }

  String out(int code, String... args) {
    TestEnvironment env = env();
    assertThat(env.run(args)).as(env.stderr()).isEqualTo(code);
    return code == 0 ? env.stdout() : env.stderr();
  }

  @Test
  void aBuiltInViewIsTheFlagsItStandsFor() {
    String viewed =
        out(0, "--demo", "list", "--view", "gpu", "-o", "csv", "--columns", "ID,STATUS,GPU");
    String typed =
        out(
            0,
            "--demo",
            "list",
            "--status",
            "Running",
            "--min-gpu",
            "1",
            "-o",
            "csv",
            "--columns",
            "ID,STATUS,GPU");
    assertThat(viewed).isEqualTo(typed);
    assertThat(viewed.lines().skip(1)).isNotEmpty().allMatch(l -> l.contains(",Running,"));
    assertThat(out(0, "--demo", "list", "--view=triage", "-o", "csv"))
        .startsWith("ID,NAME,STATUS,ReasonCode,ReasonMessage,OWNER,AGE\n")
        .contains(",Failed,")
        .contains(",SaveFailed,");
  }

  static JsonNode json(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void flagsOnTheCommandLineWin() {
    assertThat(
            out(
                    0,
                    "--demo",
                    "list",
                    "--view",
                    "gpu",
                    "--status",
                    "Stopped",
                    "-o",
                    "csv",
                    "--columns",
                    "STATUS",
                    "--no-headers")
                .lines())
        .isNotEmpty()
        .allMatch(l -> l.equals("Stopped"));
    // the user's view: its output, sort and filter, with -o replaced by the command line's
    assertThat(out(0, "--demo", "list", "--view", "big-gpus"))
        .startsWith("ID,GPU\ndsw-0b1c2d3e4f5a6b7c,8×H100\n");
    JsonNode json = json(out(0, "--demo", "list", "--view", "big-gpus", "-o", "json"));
    assertThat(json).isNotEmpty();
    json.forEach(
        i -> assertThat(i.path("RequestedResource").path("GPU").asInt()).isGreaterThanOrEqualTo(4));
  }

  @Test
  void viewsWorkOnEveryListingCommand() {
    assertThat(out(0, "--demo", "summary", "--view", "gpu", "-o", "csv"))
        .contains("Running,")
        .doesNotContain("Stopped,");
    assertThat(out(0, "--demo", "top", "--view", "big-gpus")).startsWith("ID,GPU\n");
    assertThat(
            out(
                    0,
                    "--demo",
                    "idle",
                    "--view",
                    "mine",
                    "-o",
                    "csv",
                    "--columns",
                    "OWNER",
                    "--no-headers")
                .lines())
        .isNotEmpty()
        .allMatch(l -> l.equals("alice"));
  }

  @Test
  void viewListAndShowSayWhatEachStandsForAndWhere() {
    String list = out(0, "view", "list", "-o", "csv");
    assertThat(list.lines())
        .contains(
            "mine,dsw list --mine,built-in",
            "gpu,dsw list --status Running --min-gpu 1,built-in",
            "big-gpus,\"dsw list --status Running --min-gpu 4 --sort-column GPU:desc -o csv"
                + " --columns ID,GPU\","
                + views
                + ":2");
    assertThat(out(0, "view", "show", "nlp", "-o", "json"))
        .contains(
            "\"CommandLine\":\"dsw list --label team=nlp --where 'InstanceName~^train' -o csv"
                + " --columns ID,NAME\"")
        .contains("\"Source\":\"" + views + ":4\"");
  }

  @Test
  void everyWayAViewIsWrongIsExitTwoNamingFileAndLine() throws Exception {
    assertThat(out(2, "--demo", "list", "--view", "big-gpu"))
        .startsWith("dsw: unknown view 'big-gpu'; did you mean big-gpus?\n")
        .contains("views: mine, gpu, triage, idle, big-gpus, nlp");
    assertThat(out(2, "--demo", "summary", "--view", "triage"))
        .startsWith("dsw: view triage (built-in): dsw summary has no flag --columns\n");
    Files.writeString(views, "ok = --status Running\nbad = --staus Running\n");
    assertThat(out(2, "--demo", "list", "--view", "bad"))
        .startsWith("dsw: view bad (" + views + ":2): dsw list has no flag --staus\n");
    Files.writeString(views, "ok = --status Running\nloop = --view ok\nvalue = --min-gpu\n");
    assertThat(out(2, "--demo", "list", "--view", "loop"))
        .contains(views + ":2")
        .contains("--view");
    assertThat(out(2, "--demo", "list", "--view", "value"))
        .contains(views + ":3")
        .contains("--min-gpu needs a value");
    Files.writeString(views, "ok = --status Running\nno equals sign here\nq = --name 'open\n");
    assertThat(out(2, "--demo", "list", "--view", "ok"))
        .startsWith("dsw: " + views + ":2: expected NAME = FLAGS");
    assertThat(out(2, "view", "list")).startsWith("dsw: " + views + ":2:");
    // a broken file breaks nothing that does not use views
    assertThat(out(0, "--demo", "list", "--limit", "1", "-o", "csv", "--columns", "ID"))
        .startsWith("ID\n");
    Files.writeString(views, "q = --name 'open\n");
    assertThat(out(2, "--demo", "list", "--view", "q"))
        .contains(views + ":1: a ' quote is not closed");
  }
}
