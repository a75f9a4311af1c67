package dev.dsw.cli.commands;

import dev.dsw.api.AutoShutdownPolicies;
import dev.dsw.api.DswClient;
import dev.dsw.cli.run.Failure;
import dev.dsw.cli.run.Services;
import dev.dsw.listing.Report;
import dev.dsw.listing.Verdict;
import dev.dsw.model.Instance;
import dev.dsw.output.Audit;
import dev.dsw.output.Column;
import dev.dsw.output.Formatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * dsw audit's report: every matching instance through the selected checks, after one batch of
 * QueryAutoShutdownPolicies for the Running GPU instances without a guard of their own (only when
 * DSW-COST-01 runs and there are such instances); findings most severe first, less than
 * --min-severity or in the baseline left out; --fail-on decides the exit code.
 */
final class Findings implements Report {
  private final Services services;
  private final List<Audit.Check> checks;
  private final Audit.Severity min;
  private final Audit.Severity failOn;
  private final Set<String> baseline;
  private final String region;
  private final List<Instance> instances = new ArrayList<>();
  private int gating;

  Findings(
      Services services,
      List<Audit.Check> checks,
      Audit.Severity min,
      Audit.Severity failOn,
      Set<String> baseline,
      String region) {
    this.services = services;
    this.checks = checks;
    this.min = min;
    this.failOn = failOn;
    this.baseline = baseline;
    this.region = region;
  }

  /** The report these flags ask for; the region tags findings of a single-region run. */
  static Findings of(Services services, dev.dsw.cli.options.AuditOptions audit) {
    return new Findings(
        services,
        audit.checks(),
        audit.minSeverity,
        audit.failOn,
        audit.baseline(),
        services.multiScope() ? null : services.target().regionOrEmpty());
  }

  @Override
  public void add(Instance i, Formatter out) {
    instances.add(i);
  }

  @Override
  public void finish(Formatter out) {
    Map<String, List<String>> policies = policies();
    List<Instance> rows = new ArrayList<>();
    for (Instance i : instances) {
      for (Instance f : Audit.findings(i, region, checks, policies)) {
        Audit.Severity s = Audit.Severity.valueOf(f.text("Severity"));
        if (s.compareTo(min) >= 0
            && !baseline.contains(f.text("CheckId") + " " + f.text("InstanceId"))) {
          rows.add(f);
          if (failOn != null && s.compareTo(failOn) >= 0) {
            gating++;
          }
        }
      }
    }
    rows.sort(Audit.ORDER);
    rows.forEach(out::row);
    if (rows.isEmpty()) {
      services
          .console()
          .info(
              "no findings in "
                  + instances.size()
                  + " instances ("
                  + checks.size()
                  + " checks, at least "
                  + min
                  + (baseline.isEmpty() ? "" : ", baseline applied")
                  + ")");
    }
  }

  @Override
  public void check() {
    if (gating > 0) {
      throw new Verdict(
          gating + " findings at or above " + failOn + " (--fail-on " + failOn + ")",
          "fix them, or accept them in a --baseline file",
          Verdict.Kind.FINDINGS);
    }
  }

  @Override
  public List<Column> columns() {
    return Audit.columns();
  }

  /**
   * The workspace auto-shutdown policies of the instances DSW-COST-01 would flag, by region, one
   * batch call each. When the call fails the check still runs, and stderr says what could not be
   * read.
   */
  private Map<String, List<String>> policies() {
    Map<String, List<String>> byRegion = new LinkedHashMap<>();
    if (checks.stream().noneMatch(c -> c.id().equals("DSW-COST-01"))) {
      return Map.of();
    }
    for (Instance i : instances) {
      if (Audit.unguardedGpu(i)) {
        byRegion.computeIfAbsent(services.scopeOf(i), r -> new ArrayList<>()).add(i.id());
      }
    }
    Map<String, List<String>> policies = new HashMap<>();
    for (Map.Entry<String, List<String>> e : byRegion.entrySet()) {
      DswClient client = e.getKey().isEmpty() ? services.client() : services.client(e.getKey());
      try {
        client
            .autoShutdownPolicies(e.getValue())
            .forEach(
                (id, conditions) ->
                    policies.put(
                        id,
                        conditions.stream()
                            .map(AutoShutdownPolicies.Condition::toString)
                            .toList()));
      } catch (RuntimeException failed) {
        services
            .console()
            .warn(
                "could not read workspace auto-shutdown policies ("
                    + Failure.describe(failed).message()
                    + "); DSW-COST-01 counts the "
                    + e.getValue().size()
                    + " Running GPU instances without a culler or timer as unguarded");
      }
    }
    return policies;
  }

  @Override
  public String emptyAnswer(java.util.function.Supplier<String> nothingMatched) {
    return null; // it says "no findings in N instances"
  }
}
