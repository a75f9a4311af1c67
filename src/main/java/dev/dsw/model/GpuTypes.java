package dev.dsw.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * GPU types as people say them. The API spells them "NVIDIA A10", "Tesla-V100-16G", "NVIDIA
 * A100-80G"; people say A10, a10, "nvidia a10", V100-16G, A100. A name matches a type when it is
 * the type without its vendor (NVIDIA, Tesla), in any case and with spaces or dashes alike, or the
 * start of it up to a dash: A100 is every A100 variant (A100, A100-80G), never A10's.
 */
public final class GpuTypes {
  private static final Pattern VENDOR = Pattern.compile("(?i)^(nvidia|tesla)[ -]+");

  private GpuTypes() {}

  /** The type without its vendor, lower case, spaces as dashes: "NVIDIA A100-80G" → a100-80g. */
  static String key(String type) {
    String s = type.strip();
    for (int k = 0; k < 2; k++) {
      s = VENDOR.matcher(s).replaceFirst("");
    }
    return s.toLowerCase(Locale.ROOT).replaceAll("[ _]+", "-");
  }

  /** The known type nearest to a name that matches none, for a did-you-mean, if one is close. */
  public static java.util.Optional<String> nearest(String name, Collection<String> known) {
    java.util.Map<String, String> byKey = new java.util.LinkedHashMap<>();
    known.forEach(t -> byKey.putIfAbsent(key(t), t));
    return Spelling.nearest(key(name), byKey.keySet()).map(byKey::get);
  }

  /** The known types (the API's spellings) this name selects, in the order given. */
  public static List<String> matching(String name, Collection<String> known) {
    String asked = key(name);
    List<String> out = new ArrayList<>();
    if (asked.isEmpty()) {
      return out;
    }
    for (String type : known) {
      String k = key(type);
      if (k.equals(asked) || k.startsWith(asked + "-")) {
        out.add(type);
      }
    }
    return out;
  }
}
