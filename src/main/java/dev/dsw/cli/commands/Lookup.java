package dev.dsw.cli.commands;

import dev.dsw.cli.run.NotFoundException;
import dev.dsw.listing.Report;
import dev.dsw.model.Instance;
import dev.dsw.output.Formatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * dsw get's report: the instances asked for, in the order asked, and a not-found verdict for the
 * rest.
 */
final class Lookup implements Report {
  private final Set<String> wanted;
  private final String where;
  private final boolean severalRegions;
  private final Map<String, Instance> found = new LinkedHashMap<>();

  Lookup(Set<String> wanted, String where, boolean severalRegions) {
    this.wanted = wanted;
    this.where = where;
    this.severalRegions = severalRegions;
  }

  @Override
  public void add(Instance instance, Formatter out) {
    if (wanted.contains(instance.id())) {
      found.putIfAbsent(instance.id(), instance);
    }
  }

  @Override
  public void finish(Formatter out) {
    for (String id : wanted) {
      Instance i = found.get(id);
      if (i != null) {
        out.row(i);
      }
    }
  }

  @Override
  public void check() {
    List<String> missing = new ArrayList<>();
    for (String id : wanted) {
      if (!found.containsKey(id)) {
        missing.add(id);
      }
    }
    if (!missing.isEmpty()) {
      throw new NotFoundException(
          "instance"
              + (missing.size() > 1 ? "s " : " ")
              + String.join(", ", missing)
              + " not found in "
              + where
              + (severalRegions ? " of the regions asked" : " of this region"),
          "check the ID with 'dsw list --workspace ALL --resource-id ALL', or pass --region");
    }
  }

  @Override
  public String emptyAnswer(java.util.function.Supplier<String> nothingMatched) {
    return null; // it names the IDs not found (exit 5)
  }
}
