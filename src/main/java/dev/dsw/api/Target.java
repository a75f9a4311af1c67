package dev.dsw.api;

import dev.dsw.config.Profile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where requests go: the region (or the regions, with {@code --region a,b} or {@code
 * --all-regions}) and the base URL of each. Decided from the flags first, then the environment,
 * then the selected profile of ~/.aliyun/config.json; a question that cannot be answered is an
 * {@link InvalidQueryException} naming every place that was looked at.
 */
public final class Target {
  /** The flags that say where to go; any may be null or false. */
  public record Flags(String region, boolean allRegions, String endpoint, boolean vpc) {}

  /**
   * Where a region comes from when no flag names one: a fixed default (the demo), the region
   * variable of the environment, and the selected profile, read only if needed.
   */
  public record Fallbacks(
      String defaultRegion,
      String envRegion,
      Supplier<Optional<Profile>> profile,
      Path configFile) {}

  private final Flags flags;
  private final Fallbacks fallbacks;
  private List<String> regions; // read from the flags once

  public Target(Flags flags, Fallbacks fallbacks) {
    this.flags = flags;
    this.fallbacks = fallbacks;
  }

  /**
   * The regions of --region a,b,c or --all-regions, each checked; empty for the usual single region
   * (resolved by {@link #region()}).
   */
  public List<String> regions() {
    if (regions == null) {
      regions = readRegions();
    }
    return regions;
  }

  private List<String> readRegions() {
    if (flags.allRegions()) {
      if (flags.region() != null) {
        throw new InvalidQueryException(
            "--all-regions and --region cannot be combined", "drop one of them");
      }
      return Endpoints.KNOWN_REGIONS;
    }
    if (flags.region() == null || flags.region().indexOf(',') < 0) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String r : flags.region().split(",", -1)) {
      String id = r.trim();
      if (!Endpoints.isValidRegion(id)) {
        throw new InvalidQueryException(
            "--region " + flags.region() + ": '" + id + "' is not a region ID",
            "separate region IDs with commas, e.g. --region cn-hangzhou,cn-shanghai");
      }
      if (flags.endpoint() == null) {
        Endpoints.checkKnown(id); // every region of the list, before any is asked
      }
      if (!out.contains(id)) {
        out.add(id);
      }
    }
    return List.copyOf(out);
  }

  /** Whether several regions are asked for (each instance then carries its RegionId). */
  public boolean multiRegion() {
    return !regions().isEmpty();
  }

  /** The API base URL of the single region: --endpoint, else built from the region. */
  public String endpoint() {
    if (flags.region() != null) {
      requireRegion(flags.region()); // checked even when a fixed --endpoint makes it unused
    }
    if (flags.endpoint() != null && !flags.endpoint().contains("{region}")) {
      return checkedEndpoint(flags.endpoint());
    }
    return endpoint(region());
  }

  /**
   * The base URL for one region: --endpoint with {region} replaced, else
   * pai-dsw[-vpc].REGION.aliyuncs.com.
   */
  public String endpoint(String region) {
    requireRegion(region); // from any source (a flag, the environment, a profile) before a URL
    String endpoint = flags.endpoint();
    if (endpoint != null) {
      if (!endpoint.contains("{region}")) {
        throw new InvalidQueryException(
            "--endpoint "
                + endpoint
                + " names one endpoint, but several regions were "
                + "asked for",
            "put {region} in the URL where the region goes, e.g. --endpoint "
                + "'http://127.0.0.1:8080/{region}'");
      }
      return checkedEndpoint(endpoint.replace("{region}", region));
    }
    Endpoints.checkKnown(region); // without --endpoint, only where dsw knows the endpoint
    boolean vpc =
        flags.vpc()
            || "vpc"
                .equalsIgnoreCase(
                    fallbacks.profile().get().map(Profile::endpointType).orElse(null));
    return Endpoints.forRegion(region, vpc);
  }

  /** The region: --region, the default, the environment, then the selected profile's region_id. */
  public String region() {
    if (flags.region() != null) {
      return flags.region();
    }
    if (fallbacks.defaultRegion() != null) {
      return fallbacks.defaultRegion();
    }
    if (fallbacks.envRegion() != null) {
      return fallbacks.envRegion();
    }
    Optional<Profile> p = fallbacks.profile().get();
    if (p.isPresent() && p.get().regionId() != null) {
      return p.get().regionId();
    }
    throw new InvalidQueryException.MissingRegion(
        "no region: --region not given, ALIBABA_CLOUD_REGION_ID not set, and "
            + (p.isPresent()
                ? "profile '" + p.get().name() + "' has no region_id"
                : fallbacks.configFile() + " has no matching profile"),
        "pass --region, e.g. --region cn-hangzhou (regions: "
            + String.join(", ", Endpoints.KNOWN_REGIONS)
            + ")");
  }

  /** Where {@link #region()} found the region, in words, for dsw config show. */
  public String regionSource() {
    if (flags.region() != null) {
      return "--region";
    }
    if (fallbacks.defaultRegion() != null) {
      return "--demo";
    }
    if (fallbacks.envRegion() != null) {
      return "the environment (ALIBABA_CLOUD_REGION_ID)";
    }
    return fallbacks
        .profile()
        .get()
        .map(p -> "region_id of profile '" + p.name() + "' in " + fallbacks.configFile())
        .orElse("nowhere");
  }

  /** How {@link #endpoint()} was decided, in words, for dsw config show. */
  public String endpointSource() {
    if (flags.endpoint() != null) {
      return "--endpoint";
    }
    if (flags.vpc()) {
      return "built from the region, VPC endpoint (--vpc)";
    }
    boolean profileVpc =
        "vpc".equalsIgnoreCase(fallbacks.profile().get().map(Profile::endpointType).orElse(null));
    return profileVpc
        ? "built from the region, VPC endpoint (endpoint_type of the profile)"
        : "built from the region";
  }

  /** The region of a single-region run, or "" when only an --endpoint names where to go. */
  public String regionOrEmpty() {
    try {
      return region();
    } catch (InvalidQueryException e) {
      return "";
    }
  }

  static void requireRegion(String id) {
    if (!Endpoints.isValidRegion(id)) {
      throw new InvalidQueryException(
          "'" + dev.dsw.model.Inert.printableShort(String.valueOf(id)) + "' is not a region ID",
          "e.g. --region cn-hangzhou");
    }
  }

  private static String checkedEndpoint(String url) {
    try {
      Endpoints.checkOverride(url);
    } catch (InvalidQueryException e) {
      throw new InvalidQueryException(
          e.getMessage(), "e.g. --endpoint https://pai-dsw.cn-hangzhou.aliyuncs.com");
    }
    return url;
  }
}
