package dev.dsw.cli.run;

import dev.dsw.api.ListInstancesQuery;
import dev.dsw.model.GpuTypes;
import dev.dsw.model.Instance;
import java.util.List;
import java.util.SortedSet;
import java.util.function.Predicate;

/**
 * --gpu-type as people say it (A10, "nvidia a10", A100, V100-16G), resolved against the GPU types
 * the region offers (ListEcsSpecs, kept a day; {@link GpuTypes} says what matches). One match is
 * sent in the API's spelling; several (A100: A100 and A100-80G) are matched on each instance's
 * RequestedResource.GPUType; none is a usage error naming the known types. When the catalogue
 * cannot be read, the name is sent as typed and stderr says so.
 */
final class GpuTypeChoice implements Predicate<Instance> {
  private final String asked;
  private final List<String> matches;

  private GpuTypeChoice(String asked, List<String> matches) {
    this.asked = asked;
    this.matches = matches;
  }

  static final GpuTypeChoice NONE = new GpuTypeChoice(null, List.of());

  static GpuTypeChoice of(ListInstancesQuery q, Services services) {
    String asked = q.toParameters().get("GpuType");
    if (asked == null || asked.isEmpty()) {
      return NONE;
    }
    SortedSet<String> known;
    try {
      // a dry run sends nothing: it resolves from the cache, or shows the name as typed
      known = known(services, services.global().isDryRun());
      if (known == null) {
        return new GpuTypeChoice(asked, List.of(asked));
      }
    } catch (RuntimeException unreadable) {
      services
          .console()
          .warn(
              "could not read the region's GPU types ("
                  + Failure.describe(unreadable).message()
                  + "); --gpu-type "
                  + dev.dsw.model.Inert.printableShort(asked)
                  + " is sent as typed");
      return new GpuTypeChoice(asked, List.of(asked));
    }
    List<String> matches = GpuTypes.matching(asked, known);
    if (matches.isEmpty()) {
      String near = GpuTypes.nearest(asked, known).orElse(null);
      throw new UsageException(
          "--gpu-type "
              + dev.dsw.model.Inert.printableShort(asked)
              + ": no such GPU type here"
              + (near == null ? "" : "; did you mean " + near + "?"),
          known.isEmpty() ? "the region offers no GPU type" : "known: " + String.join(", ", known));
    }
    services.console().debugLine("--gpu-type " + asked + ": " + String.join(", ", matches));
    return new GpuTypeChoice(asked, List.copyOf(matches));
  }

  /**
   * The GPU types the region (or regions) offer, as the API spells them: ListEcsSpecs, kept a day
   * per endpoint, so a repeated --gpu-type sends no extra request; with {@code cachedOnly}, null
   * rather than a request.
   */
  static SortedSet<String> known(Services services, boolean cachedOnly) {
    KeptFile kept = services.kept("gpu-types", java.time.Duration.ofDays(1));
    List<String> lines = kept.read();
    if (lines != null || cachedOnly) {
      return lines == null ? null : new java.util.TreeSet<>(lines);
    }
    SortedSet<String> all = new java.util.TreeSet<>();
    List<String> scopes = services.scopes();
    if (scopes.isEmpty()) {
      all.addAll(services.client().gpuTypes());
    } else {
      scopes.forEach(scope -> all.addAll(services.client(scope).gpuTypes()));
    }
    kept.write(List.copyOf(all));
    return all;
  }

  /** The query with the one type in the API's spelling, or without a type when several match. */
  ListInstancesQuery query(ListInstancesQuery q) {
    if (asked == null) {
      return q;
    }
    return q.toBuilder().gpuType(matches.size() == 1 ? matches.get(0) : null).build();
  }

  /** What dsw selects itself, for the empty-answer line; null when the server selects it. */
  String clientSide() {
    return matches.size() < 2
        ? null
        : "--gpu-type " + asked + " (" + String.join(", ", matches) + ")";
  }

  @Override
  public boolean test(Instance i) {
    return matches.size() < 2 || matches.contains(i.text("RequestedResource.GPUType"));
  }
}
