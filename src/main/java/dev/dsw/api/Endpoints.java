package dev.dsw.api;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/** Where the DSW API lives: pai-dsw[-vpc].REGION.aliyuncs.com over HTTPS (list-instances.md §2). */
public final class Endpoints {
  /**
   * The regions with a DSW endpoint: those of list-instances.md §2.2 and those the endpoint
   * metadata names besides. Another region is refused (with a did-you-mean) unless --endpoint says
   * where it is.
   */
  public static final List<String> KNOWN_REGIONS =
      List.of(
          "cn-beijing",
          "cn-wulanchabu",
          "cn-hangzhou",
          "cn-shanghai",
          "cn-shenzhen",
          "cn-guangzhou",
          "cn-chengdu",
          "cn-hongkong",
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-southeast-1",
          "ap-southeast-3",
          "ap-southeast-5",
          "eu-central-1",
          "us-east-1",
          "us-west-1",
          "me-central-1",
          "cn-shanghai-finance-1");

  private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** user:password@ or user@ after the scheme. */
  private static final Pattern USER_INFO = Pattern.compile("//[^/?#]*@");

  private Endpoints() {}

  public static boolean isValidRegion(String region) {
    // a DNS label is at most 63 characters, and the region is one in pai-dsw.REGION.aliyuncs.com
    return region != null && region.length() <= 63 && REGION.matcher(region).matches();
  }

  /**
   * Refuses a region dsw does not know (a typo such as cn-hangzhuo would otherwise be sent and come
   * back as InvalidApi.NotFound), with the nearest known one and how to reach a new region.
   */
  public static void checkKnown(String region) {
    if (!KNOWN_REGIONS.contains(region)) {
      throw new InvalidQueryException(
          "unknown region '"
              + dev.dsw.model.Inert.printableShort(region)
              + "'"
              + dev.dsw.model.Spelling.nearest(region, KNOWN_REGIONS)
                  .map(n -> "; did you mean " + n + "?")
                  .orElse(""),
          "dsw knows "
              + String.join(", ", KNOWN_REGIONS)
              + "; for a region it does not know yet, give its endpoint: --endpoint"
              + " https://pai-dsw."
              + dev.dsw.model.Inert.printableShort(region)
              + ".aliyuncs.com");
    }
  }

  /** Returns https://pai-dsw[-vpc].REGION.aliyuncs.com. */
  public static String forRegion(String region, boolean vpc) {
    if (!isValidRegion(region)) {
      throw new InvalidQueryException(
          "'" + region + "' is not a region ID (expected e.g. cn-hangzhou)");
    }
    return "https://pai-dsw" + (vpc ? "-vpc" : "") + "." + region + ".aliyuncs.com";
  }

  /**
   * Checks an --endpoint URL: https anywhere, plain http only on loopback (a token must not cross a
   * network in clear).
   */
  public static void checkOverride(String url) {
    checkOverride(url, dev.dsw.http.Loopback.SYSTEM);
  }

  /** As above, resolving host names with this resolver (tests). */
  static void checkOverride(String url, dev.dsw.http.Loopback.Resolver resolver) {
    if (USER_INFO.matcher(url).find()) { // refused before anything echoes the URL and a password
      throw new InvalidQueryException(
          "--endpoint must not hold a user name or password (user:password@); dsw signs its"
              + " requests");
    }
    URI u;
    try {
      u = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException("--endpoint '" + url + "' is not a URL");
    }
    if (u.getHost() == null || u.getScheme() == null) {
      throw new InvalidQueryException(
          "--endpoint '"
              + url
              + "' needs a scheme and host, e.g. https://pai-dsw.cn-hangzhou.aliyuncs.com");
    }
    if (u.getRawQuery() != null || u.getRawFragment() != null) {
      throw new InvalidQueryException(
          "--endpoint '" + url + "' must not have a query (?...) or a fragment (#...)");
    }
    if (u.getPort() != -1 && (u.getPort() < 1 || u.getPort() > 65535)) {
      throw new InvalidQueryException(
          "--endpoint '" + url + "' has port " + u.getPort() + "; a port is 1 to 65535");
    }
    if (u.getScheme().equals("https")) {
      return;
    }
    if (!u.getScheme().equals("http")) {
      throw new InvalidQueryException("--endpoint must be an https:// (or loopback http://) URL");
    }
    if (!dev.dsw.http.Loopback.is(u.getHost(), resolver)) {
      throw new InvalidQueryException(
          "--endpoint "
              + url
              + " uses plain http to a host that does not resolve to loopback only; use https");
    }
  }
}
