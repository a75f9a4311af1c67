package dev.dsw.cli.options;

import dev.dsw.cli.completion.ProfileNames;
import dev.dsw.cli.completion.Regions;
import dev.dsw.cli.run.Globals;
import dev.dsw.cli.terminal.ColorMode;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * Options every command accepts, wherever they appear on the line: {@code dsw --debug list} and
 * {@code dsw list --debug} mean the same. Each command holds its own copy (a mixin), and {@link
 * #effective(ParseResult)} merges them, the innermost command winning.
 */
public final class GlobalOptions implements Globals {
  public static final String MIXIN_NAME = "global";

  @Option(
      names = "--region",
      paramLabel = "<id[,id...]>",
      completionCandidates = Regions.class,
      description =
          "Region ID, e.g. cn-hangzhou, or several separated by commas (queried at once, with a"
              + " REGION column). Default: ALIBABA_CLOUD_REGION_ID, then the profile's region_id.")
  String region;

  @Option(
      names = "--all-regions",
      description = "Query every region with a DSW endpoint at once (see --region).")
  Boolean allRegions;

  @Option(
      names = "--endpoint",
      paramLabel = "<url>",
      description =
          "API base URL, overriding the one built from the region (plain http only for loopback); "
              + "{region} in it stands for each region with several regions.")
  String endpoint;

  @Option(names = "--vpc", description = "Use the VPC endpoint pai-dsw-vpc.<region>.aliyuncs.com.")
  Boolean vpc;

  @Option(
      names = "--profile",
      paramLabel = "<name>",
      completionCandidates = ProfileNames.class,
      description =
          "Profile in ~/.aliyun/config.json; several, comma-separated, are queried at once (a"
              + " PROFILE column). Default: ALIBABA_CLOUD_PROFILE, then the file's current"
              + " profile.")
  String profile;

  @Option(
      names = "--all-profiles",
      description = "Query every profile of ~/.aliyun/config.json at once (see --profile).")
  Boolean allProfiles;

  @Option(
      names = "--color",
      paramLabel = "<when>",
      description =
          "Colour output: ${COMPLETION-CANDIDATES}. Default: auto (on for a terminal, off under"
              + " NO_COLOR).")
  ColorMode color;

  @Option(names = "--no-color", description = "Same as --color=never.")
  Boolean noColor;

  @Option(
      names = "--debug",
      description = "Print requests (redacted), timings and stack traces to stderr.")
  Boolean debug;

  @Option(
      names = "--dry-run",
      description = "Print the signed request (redacted) instead of sending it.")
  Boolean dryRun;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress or warnings on stderr; errors still show.")
  Boolean quiet;

  @Option(
      names = "--demo",
      description =
          "Run against a built-in emulator with a generated demo fleet; no account needed.")
  Boolean demo;

  @Option(
      names = "--connect-timeout",
      paramLabel = "<duration>",
      converter = DurationConverter.class,
      description = "Time allowed to connect, e.g. 5s. Default: 10s.")
  Duration connectTimeout;

  @Option(
      names = "--read-timeout",
      paramLabel = "<duration>",
      converter = DurationConverter.class,
      description = "Time allowed between bytes of a response. Default: 30s.")
  Duration readTimeout;

  @Option(
      names = "--timeout",
      paramLabel = "<duration>",
      converter = DurationConverter.class,
      description = "Overall time allowed for one API call, retries included. Default: 60s.")
  Duration timeout;

  @Option(
      names = "--retries",
      paramLabel = "<n>",
      description = "Retries on throttling, 5xx and network errors. Default: 4.")
  Integer retries;

  @Option(
      names = "--ca-bundle",
      paramLabel = "<file>",
      description =
          "PEM file of the certificates to trust instead of the runtime's (a TLS-inspecting"
              + " proxy's CA). Default: DSW_CA_BUNDLE.")
  java.nio.file.Path caBundle;

  /** The options in force for the command being run: innermost command's values win. */
  public static GlobalOptions effective(ParseResult parseResult) {
    GlobalOptions merged = new GlobalOptions();
    List<picocli.CommandLine> lines = parseResult.asCommandLineList();
    for (picocli.CommandLine line : lines) {
      CommandSpec mixin = line.getCommandSpec().mixins().get(MIXIN_NAME);
      if (mixin != null) {
        merged.overlay(mixin.userObject());
      }
    }
    return merged;
  }

  /**
   * Takes every option the other copy was given: each @Option field, read by reflection, so that a
   * global option is declared once, as its field, and not again here.
   */
  private void overlay(Object other) {
    try {
      for (java.lang.reflect.Field f : GlobalOptions.class.getDeclaredFields()) {
        Object given = f.isAnnotationPresent(Option.class) ? f.get(other) : null;
        if (given != null) {
          f.set(this, given);
        }
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e); // its own fields
    }
  }

  @Override
  public ColorMode colorMode() {
    if (Boolean.TRUE.equals(noColor)) {
      return ColorMode.never;
    }
    return color == null ? ColorMode.auto : color;
  }

  @Override
  public boolean isDebug() {
    return Boolean.TRUE.equals(debug);
  }

  @Override
  public boolean isDryRun() {
    return Boolean.TRUE.equals(dryRun);
  }

  @Override
  public boolean isQuiet() {
    return Boolean.TRUE.equals(quiet);
  }

  @Override
  public boolean isDemo() {
    return Boolean.TRUE.equals(demo);
  }

  @Override
  public boolean isAllProfiles() {
    return Boolean.TRUE.equals(allProfiles);
  }

  @Override
  public boolean isAllRegions() {
    return Boolean.TRUE.equals(allRegions);
  }

  @Override
  public boolean isVpc() {
    return Boolean.TRUE.equals(vpc);
  }

  @Override
  public String region() {
    return region;
  }

  @Override
  public String endpoint() {
    return endpoint;
  }

  @Override
  public String profile() {
    return profile;
  }

  @Override
  public Duration connectTimeout() {
    return connectTimeout;
  }

  @Override
  public Duration readTimeout() {
    return readTimeout;
  }

  @Override
  public Duration timeout() {
    return timeout;
  }

  @Override
  public Integer retries() {
    return retries;
  }

  @Override
  public java.nio.file.Path caBundle() {
    return caBundle;
  }
}
