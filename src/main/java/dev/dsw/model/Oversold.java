package dev.dsw.model;

import java.util.List;

/**
 * Values suggested for OversoldType/OversoldInfo. Unconfirmed by DSW sources (§3.1), so never
 * enforced.
 */
public final class Oversold {
  public static final List<String> TYPES =
      List.of("ForbiddenQuotaOverSold", "ForceQuotaOverSold", "AcceptQuotaOverSold");
  public static final List<String> INFOS =
      List.of(
          "ForbiddenQuotaOverSold",
          "ForceQuotaOverSold",
          "AcceptQuotaOverSold-true",
          "AcceptQuotaOverSold-false");

  private Oversold() {}
}
