package dev.dsw.cli.run;

import dev.dsw.cli.terminal.ColorMode;
import java.time.Duration;

/**
 * The global options as a run reads them (GlobalOptions, the mixin, implements this), so that this
 * package does not lean on the mixins above it. Every default means "not given".
 */
public interface Globals {
  default String region() {
    return null;
  }

  default String endpoint() {
    return null;
  }

  default String profile() {
    return null;
  }

  default Duration connectTimeout() {
    return null;
  }

  default Duration readTimeout() {
    return null;
  }

  default Duration timeout() {
    return null;
  }

  default Integer retries() {
    return null;
  }

  /** --ca-bundle: a PEM file of the certificates to trust. */
  default java.nio.file.Path caBundle() {
    return null;
  }

  default ColorMode colorMode() {
    return ColorMode.auto;
  }

  default boolean isDebug() {
    return false;
  }

  default boolean isDryRun() {
    return false;
  }

  default boolean isQuiet() {
    return false;
  }

  default boolean isDemo() {
    return false;
  }

  default boolean isAllRegions() {
    return false;
  }

  default boolean isAllProfiles() {
    return false;
  }

  default boolean isVpc() {
    return false;
  }

  /** None given. */
  Globals NONE = new Globals() {};
}
