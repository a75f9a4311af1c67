package dev.dsw.cli.options;

import dev.dsw.api.ListInstancesQuery;
import dev.dsw.model.AcceleratorType;
import dev.dsw.model.Accessibility;
import dev.dsw.model.PaymentType;
import dev.dsw.model.SortField;
import dev.dsw.model.SortOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The filters of list, summary and idle: one flag per ListInstances parameter (sent to the API),
 * plus --where expressions the API cannot express (applied to each instance on the client).
 * --status is a mixin of its own ({@link StatusOptions}): idle lists Running instances only.
 */
public final class FilterOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--workspace",
      paramLabel = "<id|name|ALL>",
      description =
          "Workspace ID, name (looked up once a day) or ALL. Default: your default workspace.")
  String workspace;

  @Option(
      names = {"-A", "--all-workspaces"},
      description = "Every workspace, as kubectl's -A: the same as --workspace ALL.")
  boolean allWorkspaces;

  @Option(
      names = "--name",
      paramLabel = "<text>",
      description = "Instance name contains this text.")
  String name;

  @Option(
      names = "--resource-id",
      paramLabel = "<id|ALL>",
      description = "Resource group (quota) ID, or ALL. Default: pay-as-you-go instances only.")
  String resourceId;

  @Option(
      names = "--payment-type",
      paramLabel = "<type>",
      description = "Billing: ${COMPLETION-CANDIDATES}.")
  PaymentType paymentType;

  @Option(
      names = "--accessibility",
      paramLabel = "<scope>",
      description = "Visibility: ${COMPLETION-CANDIDATES}.")
  Accessibility accessibility;

  @Option(
      names = "--accelerator-type",
      paramLabel = "<type>",
      description = "Compute type: ${COMPLETION-CANDIDATES}.")
  AcceleratorType acceleratorType;

  @Option(
      names = "--instance-id",
      split = ",",
      paramLabel = "<id>",
      description = "Instance IDs, comma list or repeated.")
  List<String> instanceIds = new ArrayList<>();

  @Option(
      names = {"-l", "--label"},
      paramLabel = "<key=value>",
      mapFallbackValue = "\u0000",
      description = "Label that must be present; repeatable, at most 4.")
  Map<String, String> labels = new LinkedHashMap<>();

  @Option(
      names = "--tag",
      paramLabel = "<key=value>",
      mapFallbackValue = "\u0000",
      description = "Resource tag that must be present; repeatable.")
  Map<String, String> tags = new LinkedHashMap<>();

  @Option(names = "--create-user-id", paramLabel = "<uid>", description = "UID of the creator.")
  String createUserId;

  @Option(
      names = "--view",
      paramLabel = "<name>",
      completionCandidates = ViewNames.class,
      description =
          "Apply a saved view, a named set of flags (mine, gpu, triage, idle, or yours: dsw view"
              + " list); flags given here win.")
  String view;

  /** Completion candidates for --view: the built-in names (the scripts add the user's). */
  static final class ViewNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return List.of("mine", "gpu", "triage", "idle").iterator();
    }
  }

  @Option(
      names = "--mine",
      description =
          "Only your own instances: the UID STS GetCallerIdentity gives your credentials, sent as"
              + " CreateUserId (cached an hour).")
  boolean mine;

  @Option(
      names = "--owner",
      split = ",",
      paramLabel = "<uid|name>",
      description =
          "Only instances of these owners: UIDs (digits) or user names (UserName), comma list or"
              + " repeated.")
  List<String> owners = new ArrayList<>();

  @Option(
      names = "--gpu-type",
      paramLabel = "<model>",
      description =
          "GPU model as you say it: A10, a10, \"nvidia a10\"; A100 is every A100 variant. Checked"
              + " against the region's types (ListEcsSpecs, kept a day).")
  String gpuType;

  @Option(
      names = "--min-cpu",
      paramLabel = "<cores>",
      converter = DecimalConverter.class,
      description = "At least this many vCPUs, e.g. 0.5.")
  BigDecimal minCpu;

  @Option(
      names = "--max-cpu",
      paramLabel = "<cores>",
      converter = DecimalConverter.class,
      description = "At most this many vCPUs.")
  BigDecimal maxCpu;

  @Option(
      names = "--min-gpu",
      paramLabel = "<gpus>",
      converter = DecimalConverter.class,
      description = "At least this many GPUs, e.g. 0.5.")
  BigDecimal minGpu;

  @Option(
      names = "--max-gpu",
      paramLabel = "<gpus>",
      converter = DecimalConverter.class,
      description = "At most this many GPUs.")
  BigDecimal maxGpu;

  @Option(
      names = "--min-memory",
      paramLabel = "<GB>",
      converter = SizeConverter.class,
      description = "At least this much memory: 32, 32G or 32Gi.")
  Long minMemory;

  @Option(
      names = "--max-memory",
      paramLabel = "<GB>",
      converter = SizeConverter.class,
      description = "At most this much memory.")
  Long maxMemory;

  @Option(
      names = "--min-gpu-memory",
      paramLabel = "<GB>",
      converter = SizeConverter.class,
      description = "At least this much memory per GPU card.")
  Long minGpuMemory;

  @Option(
      names = "--max-gpu-memory",
      paramLabel = "<GB>",
      converter = SizeConverter.class,
      description = "At most this much memory per GPU card.")
  Long maxGpuMemory;

  @Option(
      names = "--image-name",
      paramLabel = "<text>",
      description = "Image name contains this text.")
  String imageName;

  @Option(
      names = "--oversold-info",
      paramLabel = "<value>",
      completionCandidates = OversoldInfos.class,
      description =
          "Idle-resource type actually used, e.g. ${COMPLETION-CANDIDATES} (not enforced).")
  String oversoldInfo;

  @Option(
      names = "--oversold-type",
      paramLabel = "<value>",
      completionCandidates = OversoldTypes.class,
      description = "Idle-resource type requested, e.g. ${COMPLETION-CANDIDATES} (not enforced).")
  String oversoldType;

  @Option(
      names = "--created-after",
      paramLabel = "<time>",
      converter = TimeConverter.class,
      description =
          "Created at or after: 2024-01-12T14:36:01Z, 2024-01-12, or an age like 90m, 36h, 7d, 2w.")
  Instant createdAfter;

  @Option(
      names = "--created-before",
      paramLabel = "<time>",
      converter = TimeConverter.class,
      description = "Created at or before; same forms as --created-after.")
  Instant createdBefore;

  @Option(
      names = "--sort-by",
      paramLabel = "<field>",
      description = "Server-side sort: ${COMPLETION-CANDIDATES}. Default: GmtCreateTime.")
  SortField sortBy;

  @Option(
      names = "--order",
      paramLabel = "<dir>",
      description = "Sort direction: ${COMPLETION-CANDIDATES}. Default: DESC.")
  SortOrder order;

  @Option(
      names = "--where",
      paramLabel = "<expr>",
      description = {
        "Client-side filter FIELD OP VALUE; repeatable, all must hold. FIELD: a column or field"
            + " path; OP: = != < <= > >= ~ (regex) !~. Numbers, times (2024-01-12; >7d: newer) and"
            + " durations (2h) compare by value, e.g. 'IDLE_FOR>=2h', 'InstanceName~^train',"
            + " 'Labels.team=nlp', 'RequestedResource.GPUType=A10' (GPU types as --gpu-type"
            + " reads them)."
      })
  List<String> where = new ArrayList<>();

  /**
   * Longest value a text flag takes; the API's own names are far shorter, and the gateway caps the
   * query.
   */
  static final int MAX_TEXT = 1024;

  /** The query these flags ask; refuses bad combinations before anything is sent. */
  public ListInstancesQuery.Builder query() {
    if (allWorkspaces) {
      if (workspace != null && !workspace.equals("ALL")) {
        throw new ParameterException(
            spec.commandLine(), "-A (every workspace) and --workspace " + workspace + " conflict");
      }
      workspace = "ALL";
    }
    checkPairs("--label", labels);
    checkPairs("--tag", tags);
    checkText("--workspace", workspace);
    checkText("--name", name);
    checkText("--resource-id", resourceId);
    checkText("--create-user-id", createUserId);
    checkText("--gpu-type", gpuType);
    checkText("--image-name", imageName);
    checkText("--oversold-info", oversoldInfo);
    checkText("--oversold-type", oversoldType);
    instanceIds.forEach(id -> checkText("--instance-id", id));
    return ListInstancesQuery.builder()
        .workspaceId(workspace)
        .instanceName(name)
        .resourceId(resourceId)
        .paymentType(paymentType)
        .accessibility(accessibility)
        .acceleratorType(acceleratorType)
        .instanceIds(
            instanceIds.stream()
                .map(id -> IdOptions.checkId(spec.commandLine(), id.strip()))
                .toList())
        .labels(labels)
        .tags(List.copyOf(tags.entrySet()))
        .createUserId(createUserId)
        .gpuType(gpuType)
        .cpu(minCpu, maxCpu)
        .gpu(minGpu, maxGpu)
        .memory(minMemory, maxMemory)
        .gpuMemory(minGpuMemory, maxGpuMemory)
        .imageName(imageName)
        .oversoldInfo(oversoldInfo)
        .oversoldType(oversoldType)
        .created(createdAfter, createdBefore)
        .sort(sortBy, order);
  }

  /**
   * The query for these instance IDs: every workspace and resource group unless --workspace or
   * --resource-id narrow it, as dsw get looks (no IDs: the query as the filters say).
   */
  public ListInstancesQuery.Builder query(List<String> ids) {
    ListInstancesQuery.Builder b = query();
    if (!ids.isEmpty()) {
      b.instanceIds(ids);
      if (workspace == null) {
        b.workspaceId("ALL");
      }
      if (resourceId == null) {
        b.resourceId("ALL");
      }
    }
    return b;
  }

  /**
   * Whose instances: --mine, --owner or anyone's. An empty --owner, or --mine, --owner and
   * --create-user-id together, is a usage error.
   */
  public dev.dsw.listing.Owners owners() {
    owners.forEach(o -> checkText("--owner", o));
    if (owners.stream().anyMatch(String::isBlank)) {
      throw new ParameterException(
          spec.commandLine(), "--owner needs a UID or a user name (got an empty one)");
    }
    int given = (mine ? 1 : 0) + (owners.isEmpty() ? 0 : 1) + (createUserId == null ? 0 : 1);
    if (given > 1) {
      throw new ParameterException(
          spec.commandLine(),
          "--mine, --owner and --create-user-id each say whose instances; give one of them");
    }
    return mine
        ? new dev.dsw.listing.Owners(true, List.of(), List.of())
        : dev.dsw.listing.Owners.named(owners.stream().map(String::strip).distinct().toList());
  }

  /** The --where expressions, each checked for control characters; parsed by the listing. */
  public List<String> where() {
    where.forEach(w -> checkText("--where", w));
    return List.copyOf(where);
  }

  /**
   * Refuses control characters (a pasted newline or escape is never meant) and values past {@link
   * #MAX_TEXT}.
   */
  void checkText(String flag, String value) {
    checkText(spec.commandLine(), flag, value);
  }

  public static void checkText(picocli.CommandLine cl, String flag, String value) {
    if (value == null) {
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        throw new ParameterException(
            cl,
            flag
                + ": control character U+"
                + String.format("%04X", (int) c)
                + " at position "
                + (i + 1)
                + " is not allowed");
      }
    }
    if (value.length() > MAX_TEXT) {
      throw new ParameterException(
          cl,
          flag
              + ": value of "
              + value.length()
              + " characters is longer than the "
              + MAX_TEXT
              + " allowed");
    }
  }

  private void checkPairs(String flag, Map<String, String> pairs) {
    checkRepeatedKeys(flag);
    for (Map.Entry<String, String> e : pairs.entrySet()) {
      checkText(flag, e.getKey());
      checkText(flag, e.getValue().equals("\u0000") ? "" : e.getValue());
      if ("\u0000".equals(e.getValue())) {
        throw new ParameterException(
            spec.commandLine(), flag + " " + e.getKey() + ": expected KEY=VALUE");
      }
      if (e.getKey().isEmpty()) {
        throw new ParameterException(
            spec.commandLine(), flag + ": the key before '=' must not be empty");
      }
    }
  }

  /**
   * A key given twice ({@code --label a=1 --label a=2}) is refused: a map keeps only the last, and
   * the API matches one value per key, so one of the two would be dropped without a word.
   */
  private void checkRepeatedKeys(String flag) {
    picocli.CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
    picocli.CommandLine.Model.OptionSpec option = spec.findOption(flag);
    if (parsed == null || option == null) {
      return;
    }
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (picocli.CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.commandSpec() != spec) {
        continue;
      }
      picocli.CommandLine.Model.OptionSpec matched = p.matchedOption(flag);
      for (String raw : matched == null ? List.<String>of() : matched.stringValues()) {
        String key = raw.contains("=") ? raw.substring(0, raw.indexOf('=')) : raw;
        if (!keys.add(key)) {
          throw new ParameterException(
              spec.commandLine(),
              flag
                  + " "
                  + key
                  + " is given twice; an instance has one value per key, so give each key once");
        }
      }
    }
  }

  /** Suggested OversoldType values (list-instances.md §3.1; unconfirmed, so not enforced). */
  static final class OversoldTypes implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return dev.dsw.model.Oversold.TYPES.iterator();
    }
  }

  /** Suggested OversoldInfo values. */
  static final class OversoldInfos implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return dev.dsw.model.Oversold.INFOS.iterator();
    }
  }
}
