package dev.dsw.emulator;

import java.time.Duration;

/** The emulator's bounds, each checked here and nowhere else. */
final class OptionBounds {
  private OptionBounds() {}

  static void check(EmulatorConfig.Builder b) {
    rate("--fault-rate", b.faultRate);
    rate("--throttle-rate", b.throttleRate);
    rate("--truncate-rate", b.truncateRate);
    rate("--drop-rate", b.dropRate);
    rate("--spike-rate", b.spikeRate);
    if (b.transitionStep.isNegative()
        || b.transitionStep.isZero()
        || b.transitionStep.compareTo(Duration.ofDays(1)) > 0) {
      throw new EmulatorConfig.Invalid("--transition-step must be between 1ms and 1d");
    }
    if (b.port < 0 || b.port > 65535) {
      throw new EmulatorConfig.Invalid("--port must be between 0 and 65535 (got " + b.port + ")");
    }
    if (b.instances < 0 || b.instances > EmulatorServer.MAX_INSTANCES) {
      throw new EmulatorConfig.Invalid(
          "--instances must be between 0 and "
              + EmulatorServer.MAX_INSTANCES
              + " (got "
              + b.instances
              + ")");
    }
    if (b.maxPageSize < 1 || b.maxPageSize > 1000) {
      throw new EmulatorConfig.Invalid(
          "--max-page-size must be between 1 and 1000 (got " + b.maxPageSize + ")");
    }
    if (b.data != null && !java.nio.file.Files.isRegularFile(b.data)) {
      throw new EmulatorConfig.Invalid(
          "--data "
              + b.data
              + (java.nio.file.Files.exists(b.data)
                  ? " is not a regular file"
                  : " does not exist"));
    }
    if (b.host != null && !isAddress(b.host)) {
      throw new EmulatorConfig.Invalid(
          "--bind " + b.host + " is not an address (give an IP address such as 127.0.0.1)");
    }
  }

  /** An IP literal, or localhost: --bind names an address of this machine, never a lookup. */
  private static boolean isAddress(String host) {
    if (host.equals("localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
      return false;
    }
    try {
      java.net.InetAddress.getByName(host); // a literal: no lookup
      return true;
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private static void rate(String flag, double r) {
    if (!(r >= 0 && r <= 1)) {
      throw new EmulatorConfig.Invalid(flag + " must be between 0 and 1 (got " + r + ")");
    }
  }
}
