package dev.dsw.cli.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * Returns "dsw VERSION (commit COMMIT)" plus the Java runtime, read from the build's
 * version.properties.
 */
public final class VersionProvider implements IVersionProvider {
  static String version() {
    Properties p = new Properties();
    try (InputStream in =
        VersionProvider.class.getResourceAsStream("/dev/dsw/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // fall through to "unknown": a version line is not worth failing for
    }
    return p.getProperty("version", "unknown")
        + " (commit "
        + p.getProperty("commit", "unknown")
        + ")";
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "dsw " + version(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
    };
  }
}
