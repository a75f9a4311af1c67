package dev.dsw.listing;

import java.util.List;

/**
 * Whose instances a listing selects: the caller's own (--mine, resolved through STS
 * GetCallerIdentity when the listing runs), or the owners named by --owner (UIDs, which are digits,
 * and user names); {@link #ANY} for everyone's.
 */
public record Owners(boolean mine, List<String> uids, List<String> names) {
  public static final Owners ANY = new Owners(false, List.of(), List.of());

  public Owners {
    uids = List.copyOf(uids);
    names = List.copyOf(names);
  }

  /** --owner's values, each a UID (digits only) or a user name. */
  public static Owners named(List<String> owners) {
    List<String> uids = owners.stream().filter(o -> o.matches("[0-9]{1,32}")).toList();
    List<String> names = owners.stream().filter(o -> !o.matches("[0-9]{1,32}")).toList();
    return new Owners(false, uids, names);
  }

  public boolean any() {
    return !mine && uids.isEmpty() && names.isEmpty();
  }

  /** One UID and no name: the server can select it (CreateUserId). */
  public boolean oneUid() {
    return !mine && uids.size() == 1 && names.isEmpty();
  }
}
