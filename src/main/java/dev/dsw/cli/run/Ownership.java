package dev.dsw.cli.run;

import dev.dsw.api.ListInstancesQuery;
import dev.dsw.auth.CallerIdentity;
import dev.dsw.listing.Owners;
import dev.dsw.model.Instance;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * --mine and --owner as a listing applies them. The server selects one owner (CreateUserId): the
 * caller's UID from STS GetCallerIdentity for --mine, or the one UID --owner names. Several owners,
 * or user names, are matched on each instance's UserId and UserName. After the listing, a name no
 * instance had is a usage error with a did-you-mean from the names seen; --mine as a role that
 * matched nothing says how to name the owner instead.
 */
final class Ownership implements Predicate<Instance> {
  private final Owners owners;
  private final CallerIdentity caller;
  private final Set<String> seenNames = ConcurrentHashMap.newKeySet();
  private final Set<String> matchedNames = ConcurrentHashMap.newKeySet();

  private Ownership(Owners owners, CallerIdentity caller) {
    this.owners = owners;
    this.caller = caller;
  }

  /** The ownership these owners ask for; --mine asks STS who the caller is (or the cache). */
  static Ownership of(Owners owners, Services services) {
    if (owners.mine() && !services.profiles().isEmpty()) {
      throw new UsageException(
          "--mine with several profiles: each profile is a caller of its own",
          "name the owners with --owner UID,UID or --owner NAME,NAME");
    }
    CallerIdentity caller = owners.mine() ? services.identity() : null;
    if (caller != null) {
      String line = "--mine: CreateUserId=" + caller.ownerId() + ", " + caller.describe();
      if (services.global().isDryRun()) {
        services.console().info(line);
      } else {
        services.console().debugLine(line);
      }
    }
    return new Ownership(owners, caller);
  }

  /** The query with the owner the server can select, if there is one. */
  ListInstancesQuery query(ListInstancesQuery q) {
    String uid = caller != null ? caller.ownerId() : owners.oneUid() ? owners.uids().get(0) : null;
    return uid == null ? q : q.toBuilder().createUserId(uid).build();
  }

  /** The instance fields {@link #test} reads (none when the server selects the owner). */
  Set<String> fields() {
    return owners.any() || owners.mine() || owners.oneUid()
        ? Set.of()
        : Set.of("UserId", "UserName");
  }

  /** What dsw selects itself, for the empty-answer line; null when the server selects it. */
  String clientSide() {
    if (owners.any() || owners.mine() || owners.oneUid()) {
      return null;
    }
    List<String> all = new java.util.ArrayList<>(owners.uids());
    all.addAll(owners.names());
    return "--owner " + String.join(",", all);
  }

  /** Whether the instance is one of the owners' (always, when the server selected them). */
  @Override
  public boolean test(Instance i) {
    if (owners.any() || owners.mine() || owners.oneUid()) {
      return true;
    }
    String name = i.text("UserName");
    if (!name.isEmpty()) {
      seenNames.add(name);
    }
    boolean named = owners.names().contains(name);
    if (named) {
      matchedNames.add(name);
    }
    return named || owners.uids().contains(i.text("UserId"));
  }

  /**
   * After the listing: a name that no instance had is exit 2 (with a did-you-mean when the names
   * seen allow one); --mine as a role with no match gets a hint on stderr.
   */
  void check(int rows, Services services) {
    for (String name : owners.names()) {
      if (!matchedNames.contains(name)) {
        String near = dev.dsw.model.Spelling.nearest(name, seenNames).orElse(null);
        throw new UsageException(
            "--owner "
                + dev.dsw.model.Inert.printableShort(name)
                + ": no instance here has that owner"
                + (near == null ? "" : "; did you mean " + near + "?"),
            seenNames.isEmpty()
                ? null
                : "owners seen: " + String.join(", ", first(new TreeSet<>(seenNames))));
      }
    }
    if (rows == 0 && caller != null && caller.isRole()) {
      services
          .console()
          .info(
              "--mine sent the RoleId of "
                  + caller.name()
                  + " ("
                  + caller.ownerId()
                  + "): instances created through a role may be recorded under the user behind"
                  + " it; name the owner with --owner UID or --owner NAME");
    }
  }

  private static List<String> first(Set<String> names) {
    return names.stream().limit(10).toList();
  }
}
