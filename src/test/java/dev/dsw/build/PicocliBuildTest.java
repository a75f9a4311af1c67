package dev.dsw.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * picocli is declared in the pom (scope provided, so an IDE resolves it) and still runs from the
 * classes built from its sources for Java 17, which a class-data-sharing archive can hold; the
 * binary jar's Java 5 classes cannot (issue #32).
 */
class PicocliBuildTest {
  @Test
  void picocliRunsFromClassesBuiltForJava17() throws Exception {
    try (InputStream in = CommandLine.class.getResourceAsStream("CommandLine.class");
        DataInputStream data = new DataInputStream(in)) {
      assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
      data.readUnsignedShort(); // minor
      assertThat(data.readUnsignedShort()).as("class file major version").isEqualTo(61);
    }
    assertThat(
            CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI().getPath())
        .as("from target/classes, not the binary jar")
        .endsWith("target/classes/");
  }

  @Test
  void thePomDeclaresPicocliForIdes() throws Exception {
    String pom = Files.readString(Path.of("pom.xml"));
    assertThat(pom)
        .containsPattern(
            "<artifactId>picocli</artifactId>\\s*<version>\\$\\{picocli.version}</version>\\s*"
                + "<scope>provided</scope>");
  }
}
