package dev.dsw;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of STYLE.md: cli → api → http → auth → config, model below, output and emulator apart. */
class ImportRulesTest {
  static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.dsw");
  }

  @Test
  void onlyCliAndMainUsePicocli() {
    noClasses().that().resideOutsideOfPackages("dev.dsw.cli..", "picocli..").and().doNotHaveFullyQualifiedName("dev.dsw.Main")
        .and().doNotHaveFullyQualifiedName("dev.dsw.Train").should().dependOnClassesThat()
        .resideInAPackage("picocli..").check(classes);
  }

  @Test
  void onlyHttpUsesOkhttp() {
    noClasses().that().resideOutsideOfPackages("dev.dsw.http..").should().dependOnClassesThat()
        .resideInAnyPackage("okhttp3..", "okio..").check(classes);
  }

  @Test
  void onlyTheConsoleEnvironmentTouchesJansi() {
    noClasses().that().doNotHaveFullyQualifiedName("dev.dsw.cli.SystemEnvironment").should().dependOnClassesThat()
        .resideInAPackage("org.fusesource.jansi..").check(classes);
  }

  @Test
  void outputSeesOnlyTheModel() {
    noClasses().that().resideInAPackage("dev.dsw.output..").should().dependOnClassesThat()
        .resideInAnyPackage("dev.dsw.api..", "dev.dsw.http..", "dev.dsw.auth..", "dev.dsw.cli..", "dev.dsw.emulator..")
        .check(classes);
  }

  @Test
  void emulatorNeverUsesTheClient() {
    noClasses().that().resideInAPackage("dev.dsw.emulator..").should().dependOnClassesThat()
        .resideInAnyPackage("dev.dsw.api..", "dev.dsw.http..", "dev.dsw.cli..", "dev.dsw.output..").check(classes);
  }

  @Test
  void layersOnlyPointDownwards() {
    noClasses().that().resideInAPackage("dev.dsw.api..").should().dependOnClassesThat()
        .resideInAnyPackage("dev.dsw.cli..", "dev.dsw.output..", "dev.dsw.emulator..").check(classes);
    noClasses().that().resideInAPackage("dev.dsw.http..").should().dependOnClassesThat()
        .resideInAnyPackage("dev.dsw.cli..", "dev.dsw.api..", "dev.dsw.output..", "dev.dsw.emulator..").check(classes);
    noClasses().that().resideInAPackage("dev.dsw.auth..").should().dependOnClassesThat()
        .resideInAnyPackage("dev.dsw.cli..", "dev.dsw.api..", "dev.dsw.http..", "dev.dsw.output..", "dev.dsw.emulator..")
        .check(classes);
    noClasses().that().resideInAPackage("dev.dsw.config..").should().dependOnClassesThat()
        .resideInAnyPackage("dev.dsw.cli..", "dev.dsw.api..", "dev.dsw.http..", "dev.dsw.auth..", "dev.dsw.output..",
            "dev.dsw.emulator..").check(classes);
    noClasses().that().resideInAPackage("dev.dsw.model..").should().dependOnClassesThat()
        .resideInAnyPackage("dev.dsw.cli..", "dev.dsw.api..", "dev.dsw.http..", "dev.dsw.auth..", "dev.dsw.config..",
            "dev.dsw.output..", "dev.dsw.emulator..").check(classes);
  }

  @Test
  void onlyMainExitsAndOnlyTheEnvironmentHoldsSystemStreams() {
    noClasses().that().doNotHaveFullyQualifiedName("dev.dsw.Main").should().callMethod(System.class, "exit", int.class)
        .check(classes);
    noClasses().that().doNotHaveFullyQualifiedName("dev.dsw.cli.SystemEnvironment").should()
        .accessField(System.class, "out").check(classes);
    noClasses().that().doNotHaveFullyQualifiedName("dev.dsw.cli.SystemEnvironment").should()
        .accessField(System.class, "err").check(classes);
  }
}
