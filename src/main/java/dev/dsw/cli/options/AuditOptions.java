package dev.dsw.cli.options;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsw.model.Json;
import dev.dsw.output.Audit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** dsw audit's own flags: which checks, how severe, what fails the run, what is accepted. */
public final class AuditOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--checks",
      description = "List every check with its ID, severity and rule, and send nothing.")
  public boolean listChecks;

  @Option(
      names = "--check",
      split = ",",
      paramLabel = "<id>",
      completionCandidates = CheckIds.class,
      description = "Run only these checks, e.g. DSW-NET-01,DSW-SEC-01.")
  List<String> only = new ArrayList<>();

  @Option(
      names = "--skip",
      split = ",",
      paramLabel = "<id>",
      completionCandidates = CheckIds.class,
      description = "Leave these checks out.")
  List<String> skip = new ArrayList<>();

  @Option(
      names = "--min-severity",
      paramLabel = "<severity>",
      description = "Show findings at least this severe: ${COMPLETION-CANDIDATES}. Default: info.")
  public Audit.Severity minSeverity = Audit.Severity.info;

  @Option(
      names = "--fail-on",
      paramLabel = "<severity>",
      description =
          "Exit 6 when a finding is at least this severe (after the baseline): a CI gate.")
  public Audit.Severity failOn;

  @Option(
      names = "--baseline",
      paramLabel = "<file>",
      description =
          "Accepted findings, not shown or counted: a JSON array of {CheckId, InstanceId}, as"
              + " 'dsw audit -o json' prints.")
  Path baseline;

  /** The checks to run, in --checks order; an unknown ID is exit 2 with a did-you-mean. */
  public List<Audit.Check> checks() {
    Set<String> skipped = new HashSet<>();
    for (String id : skip) {
      skipped.add(known("--skip", id).id());
    }
    List<Audit.Check> out = new ArrayList<>();
    if (only.isEmpty()) {
      Audit.CHECKS.stream().filter(c -> !skipped.contains(c.id())).forEach(out::add);
    } else {
      for (String id : only) {
        Audit.Check c = known("--check", id);
        if (!skipped.contains(c.id()) && !out.contains(c)) {
          out.add(c);
        }
      }
    }
    return out;
  }

  private Audit.Check known(String flag, String id) {
    return Audit.check(id)
        .orElseThrow(
            () ->
                new ParameterException(
                    spec.commandLine(),
                    flag
                        + ": unknown check '"
                        + dev.dsw.model.Inert.printableShort(id)
                        + "'"
                        + dev.dsw.model.Spelling.nearest(
                                id.toUpperCase(java.util.Locale.ROOT), Audit.ids())
                            .map(n -> "; did you mean " + n + "?")
                            .orElse(" (see dsw audit --checks)")));
  }

  /**
   * The accepted findings as "CHECK-ID instance-id" keys; a file that is not what the README
   * documents is exit 2 naming it (and where, for JSON that does not parse).
   */
  public Set<String> baseline() {
    Set<String> accepted = new HashSet<>();
    if (baseline == null) {
      return accepted;
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(Files.readAllBytes(baseline));
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw bad("not JSON" + Json.where(e));
    } catch (IOException e) {
      throw bad(dev.dsw.model.Inert.unreadable(e));
    }
    if (root == null || !root.isArray()) {
      throw bad("expected a JSON array of {\"CheckId\", \"InstanceId\"} objects");
    }
    int n = 0;
    for (JsonNode f : root) {
      String check = f.path("CheckId").asText("");
      String id = f.path("InstanceId").asText("");
      if (!f.isObject() || check.isEmpty() || id.isEmpty()) {
        throw bad("item " + n + " has no CheckId and InstanceId");
      }
      accepted.add(known("--baseline " + baseline + ": item " + n, check).id() + " " + id);
      n++;
    }
    return accepted;
  }

  private ParameterException bad(String why) {
    return new ParameterException(spec.commandLine(), "--baseline " + baseline + ": " + why);
  }

  /** The check IDs, for completion. */
  static final class CheckIds implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Audit.ids().iterator();
    }
  }
}
