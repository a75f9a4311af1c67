package dev.dsw;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of docs/architecture.md (after ../shared/STYLE.md): cli → listing → api → http → auth →
 * config, model below, output and emulator apart; only cli sees picocli, only http okhttp, only
 * Main exits, only the terminal's real Environment holds the process streams; no package or
 * sub-package is in a cycle; and a command is a short form with no try/catch.
 */
class ImportRulesTest {
  static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.dsw");
  }

  @Test
  void onlyCliAndMainUsePicocli() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.dsw.cli..", "picocli..")
        .and()
        .doNotHaveFullyQualifiedName("dev.dsw.Main")
        .and()
        .doNotHaveFullyQualifiedName("dev.dsw.Train")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("picocli..")
        .check(classes);
  }

  @Test
  void onlyHttpUsesOkhttp() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.dsw.http..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("okhttp3..", "okio..")
        .check(classes);
  }

  @Test
  void onlyTheConsoleEnvironmentTouchesJansi() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("dev.dsw.cli.terminal.SystemEnvironment")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.fusesource.jansi..")
        .check(classes);
  }

  @Test
  void outputSeesOnlyTheModel() {
    noClasses()
        .that()
        .resideInAPackage("dev.dsw.output..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.dsw.api..",
            "dev.dsw.http..",
            "dev.dsw.auth..",
            "dev.dsw.config..",
            "dev.dsw.cli..",
            "dev.dsw.emulator..")
        .check(classes);
  }

  /**
   * One Instance form reaches the formatters (issue #32): whether an instance was rendered while
   * its page was read is Instance's own business (writeTo, writeCompact, whole); no class outside
   * the model reads the pre-rendered bytes.
   */
  @Test
  void onlyTheModelReadsThePreRenderedForm() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.dsw.model..")
        .should()
        .callMethod(dev.dsw.model.Instance.class, "json")
        .check(classes);
  }

  /**
   * The listing room (issue #32) sits between cli and api: it sees api, output and model, never cli
   * (what it needs of a run and a terminal are its own interfaces, Session and Terminal, which cli
   * implements), nor http, auth, config or the emulator; nothing below it sees it.
   */
  @Test
  void theListingRoomSitsBetweenCliAndApi() {
    noClasses()
        .that()
        .resideInAPackage("dev.dsw.listing..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.dsw.cli..",
            "dev.dsw.http..",
            "dev.dsw.auth..",
            "dev.dsw.config..",
            "dev.dsw.emulator..",
            "picocli..")
        .check(classes);
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.dsw.api..",
            "dev.dsw.http..",
            "dev.dsw.auth..",
            "dev.dsw.config..",
            "dev.dsw.model..",
            "dev.dsw.output..",
            "dev.dsw.emulator..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.dsw.listing..")
        .check(classes);
  }

  @Test
  void noPackageOrSubPackageIsInACycle() {
    slices().matching("dev.dsw.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void insideCliTheRoomsPointDown() {
    // cli (wiring) → commands → options → run → completion, terminal
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.dsw.cli.commands..",
            "dev.dsw.cli.options..",
            "dev.dsw.cli.run..",
            "dev.dsw.cli.completion..",
            "dev.dsw.cli.terminal..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.dsw.cli")
        .check(classes);
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.dsw.cli.options..",
            "dev.dsw.cli.run..",
            "dev.dsw.cli.completion..",
            "dev.dsw.cli.terminal..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.dsw.cli.commands..")
        .check(classes);
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.dsw.cli.run..", "dev.dsw.cli.completion..", "dev.dsw.cli.terminal..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.dsw.cli.options..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.dsw.cli.terminal..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.dsw.cli.run..", "dev.dsw.cli.completion..")
        .check(classes);
  }

  /** The source of every *Command class under cli/commands. */
  static List<Path> commandSources() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/dsw/cli/commands"))) {
      return files
          .filter(f -> f.getFileName().toString().endsWith("Command.java"))
          .sorted()
          .toList();
    }
  }

  @Test
  void commandsAreShortFormsWithoutTryCatchOrMixinWrites() throws IOException {
    List<Path> sources = commandSources();
    assertThat(sources).hasSizeGreaterThanOrEqualTo(7);
    for (Path f : sources) {
      List<String> lines = Files.readAllLines(f);
      String text = String.join("\n", lines);
      assertThat(lines.size()).as("%s is a form of at most 80 lines", f).isLessThanOrEqualTo(80);
      assertThat(text).as("%s has no try/catch", f).doesNotContainPattern("\\bcatch\\s*\\(");
      assertThat(text)
          .as("%s branches on no format", f)
          .doesNotContainPattern("Format\\.\\w+\\s*[!=]=|==\\s*Format\\.");
      assertThat(text)
          .as("%s writes no mixin field", f)
          .doesNotContainPattern(
              "\\b(global|filters|format|columns|paging|pages|status|watch|ids|by|options)\\.\\w+\\s*=[^=]");
    }
  }

  @Test
  void escapeSequencesLiveOnlyInThePalette() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (f.endsWith(Path.of("dev/dsw/output/Style.java"))) {
          continue;
        }
        assertThat(Files.readString(f))
            .as("%s writes a raw escape sequence; use output/Style", f)
            .doesNotContain("\\u001b")
            .doesNotContain("\\033")
            .doesNotContain("\\e[");
      }
    }
  }

  @Test
  void emulatorNeverUsesTheClient() {
    noClasses()
        .that()
        .resideInAPackage("dev.dsw.emulator..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.dsw.api..", "dev.dsw.http..", "dev.dsw.cli..", "dev.dsw.output..")
        .check(classes);
  }

  @Test
  void layersOnlyPointDownwards() {
    noClasses()
        .that()
        .resideInAPackage("dev.dsw.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.dsw.cli..", "dev.dsw.output..", "dev.dsw.emulator..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.dsw.http..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.dsw.cli..", "dev.dsw.api..", "dev.dsw.output..", "dev.dsw.emulator..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.dsw.auth..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.dsw.cli..",
            "dev.dsw.api..",
            "dev.dsw.http..",
            "dev.dsw.output..",
            "dev.dsw.emulator..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.dsw.config..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.dsw.cli..",
            "dev.dsw.api..",
            "dev.dsw.http..",
            "dev.dsw.auth..",
            "dev.dsw.output..",
            "dev.dsw.emulator..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.dsw.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.dsw.cli..",
            "dev.dsw.api..",
            "dev.dsw.http..",
            "dev.dsw.auth..",
            "dev.dsw.config..",
            "dev.dsw.output..",
            "dev.dsw.emulator..")
        .check(classes);
  }

  @Test
  void onlyMainExitsAndOnlyTheEnvironmentHoldsSystemStreams() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("dev.dsw.Main")
        .should()
        .callMethod(System.class, "exit", int.class)
        .check(classes);
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("dev.dsw.cli.terminal.SystemEnvironment")
        .should()
        .accessField(System.class, "out")
        .check(classes);
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("dev.dsw.cli.terminal.SystemEnvironment")
        .should()
        .accessField(System.class, "err")
        .check(classes);
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("dev.dsw.cli.terminal.SystemEnvironment")
        .should()
        .accessField(java.io.FileDescriptor.class, "out")
        .check(classes);
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("dev.dsw.cli.terminal.SystemEnvironment")
        .should()
        .accessField(java.io.FileDescriptor.class, "err")
        .check(classes);
  }
}
