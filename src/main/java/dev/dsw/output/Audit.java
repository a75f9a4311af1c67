package dev.dsw.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.model.Instance;
import dev.dsw.model.Json;
import dev.dsw.model.Metrics;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * dsw audit: the exposure checks of exposure-audit.md §2 over ListInstances data, one finding per
 * instance and check. Each check reads only the instance (and, for DSW-COST-01, whether its
 * workspace has an auto-shutdown policy); evidence names things (an environment variable, a port, a
 * role) and never shows a secret's value. Findings come most severe first, then by check and
 * instance, so that -o json is stable from week to week. Each row is a JSON object, so every output
 * format prints it.
 */
public final class Audit {
  /** How bad a finding is, least first. */
  public enum Severity {
    info,
    low,
    medium,
    high,
    critical
  }

  /** What a check found on one instance: the severity (may be raised) and the evidence. */
  record Hit(Severity severity, String evidence) {}

  /** What a check sees besides the instance: the workspace policies, and the other hits. */
  record Context(Map<String, List<String>> policies, Set<String> hitIds) {}

  /**
   * One check: its ID, severity, what it finds, its rule in words, the remedy, and the test.
   *
   * @param id e.g. DSW-NET-01
   */
  public record Check(
      String id,
      Severity severity,
      String title,
      String rule,
      String remedy,
      BiFunction<Instance, Context, Optional<Hit>> test) {}

  /** exposure-audit.md §2's rule for DSW-SEC-01, as written there (searched, not matched). */
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i)(secret|token|passw|key|credential|ak$|sk$)");

  private static final Pattern SECRET_VALUE =
      Pattern.compile("LTAI[0-9A-Za-z]{12,}|eyJ[0-9A-Za-z_-]+\\.[0-9A-Za-z_-]+\\..*");
  private static final Set<String> WEAK_AUTH =
      Set.of("false", "none", "disabled", "disable", "off", "0", "no", "noauth");
  private static final Pattern BUCKET_ROOT = Pattern.compile("(?i)^oss://[^/]+/?$");

  /** An official PAI image: a host under aliyuncs.com, a first path segment starting with pai. */
  private static final Pattern OFFICIAL_IMAGE =
      Pattern.compile("(?i)^[a-z0-9.-]+\\.aliyuncs\\.com/pai[^/]*/.*");

  /** Every check, in the order --checks lists them. */
  public static final List<Check> CHECKS =
      List.of(
          new Check(
              "DSW-NET-01",
              Severity.high,
              "A port is reachable from the Internet",
              "an enabled UserVpc.ForwardInfos[] entry with AccessType internet, a public"
                  + " ConnectInfo.Internet.Endpoint or an EipAllocationId",
              "Use intranet access (VPN or a bastion), or remove the forward",
              (i, c) -> internet(i).map(e -> new Hit(Severity.high, e))),
          new Check(
              "DSW-NET-02",
              Severity.high,
              "An Internet port has no ingress allow-list",
              "DSW-NET-01, and UserVpc.BandwidthLimit.IngressWhitelists is empty or holds"
                  + " 0.0.0.0/0",
              "Restrict UserVpc.BandwidthLimit.IngressWhitelists to known source ranges",
              (i, c) ->
                  internet(i)
                      .filter(e -> openToAll(i))
                      .map(e -> new Hit(Severity.high, e + ", from any address"))),
          new Check(
              "DSW-NET-03",
              Severity.medium,
              "A port other than SSH is forwarded",
              "an enabled ForwardInfos[] entry whose ForwardPort is not 22 (8888 exposes Jupyter)",
              "Forward SSH only and tunnel other ports through it",
              (i, c) -> otherPorts(i).map(e -> new Hit(Severity.medium, e))),
          new Check(
              "DSW-VIS-01",
              Severity.low,
              "The instance is visible to the whole workspace",
              "Accessibility is PUBLIC; medium beside DSW-SEC-01 or DSW-SEC-02",
              "Set Accessibility to PRIVATE unless the workspace must share it",
              (i, c) ->
                  "PUBLIC".equals(i.text("Accessibility"))
                      ? Optional.of(
                          c.hitIds().contains("DSW-SEC-01") || c.hitIds().contains("DSW-SEC-02")
                              ? new Hit(
                                  Severity.medium,
                                  "Accessibility PUBLIC, beside secrets every member can read")
                              : new Hit(Severity.low, "Accessibility PUBLIC"))
                      : Optional.empty()),
          new Check(
              "DSW-SEC-01",
              Severity.medium,
              "Environment variables look like secrets",
              "an EnvironmentVariables name containing secret, token, passw, key or credential,"
                  + " or ending in ak or sk, or a value shaped like an AccessKey ID or a JWT"
                  + " (values are never shown)",
              "Move secrets to a RAM role (CredentialConfig) or a secrets manager",
              (i, c) -> secretEnv(i).map(e -> new Hit(Severity.medium, e))),
          new Check(
              "DSW-SEC-02",
              Severity.medium,
              "Cloud credentials are injected into the instance",
              "CredentialConfig.Enable is true or CredentialConfig.Configs is not empty; the"
                  + " granted RoleArn is named",
              "Grant the narrowest role, or turn credential injection off",
              (i, c) -> credentialInjection(i).map(e -> new Hit(Severity.medium, e))),
          new Check(
              "DSW-SEC-03",
              Severity.low,
              "Private-registry credentials are stored",
              "ImageAuth is not empty",
              "Use a registry the workspace can pull from without stored credentials",
              (i, c) ->
                  i.text("ImageAuth").isEmpty() && !i.raw().path("ImageAuth").isContainerNode()
                      ? Optional.empty()
                      : Optional.of(
                          new Hit(
                              Severity.low, "ImageAuth set for " + registry(i.text("ImageUrl"))))),
          new Check(
              "DSW-SEC-04",
              Severity.medium,
              "Jupyter or code-server access is weakened",
              "ServiceConfig.JupyterServerAuth or CodeServerAuth set to a disabling value (false,"
                  + " none, disabled, off, 0, no), or a static *Password set",
              "Use the console's token authentication; remove static passwords",
              (i, c) -> weakAuth(i).map(e -> new Hit(Severity.medium, e))),
          new Check(
              "DSW-DATA-01",
              Severity.low,
              "Shared data is mounted read-write",
              "a Datasets[] entry with MountAccess RW; medium when its Uri is a bucket's root"
                  + " (oss://bucket/)",
              "Mount shared data read-only (RO), or a narrower path",
              (i, c) -> readWrite(i)),
          new Check(
              "DSW-IMG-01",
              Severity.info,
              "The image comes from outside the official PAI registries",
              "ImageUrl is set and is not HOST.aliyuncs.com/pai*",
              "Use an official image, or scan custom images before use",
              (i, c) -> {
                String url = i.text("ImageUrl");
                return url.isEmpty() || OFFICIAL_IMAGE.matcher(url).matches()
                    ? Optional.empty()
                    : Optional.of(new Hit(Severity.info, "image from " + registry(url)));
              }),
          new Check(
              "DSW-COST-01",
              Severity.medium,
              "A Running GPU instance has no guard",
              "Status Running with a GPU, no IdleInstanceCuller, no InstanceShutdownTimer and no"
                  + " workspace auto-shutdown policy (QueryAutoShutdownPolicies)",
              "Set an idle culler or a shutdown timer, or a workspace auto-shutdown policy",
              (i, c) ->
                  unguardedGpu(i) && !c.policies().containsKey(i.id())
                      ? Optional.of(
                          new Hit(
                              Severity.medium,
                              InstanceColumns.gpu(i)
                                  + " Running with no idle culler, no shutdown timer and no"
                                  + " workspace auto-shutdown policy"))
                      : Optional.empty()));

  private Audit() {}

  /** The check with this ID (case-insensitive). */
  public static Optional<Check> check(String id) {
    for (Check c : CHECKS) {
      if (c.id().equalsIgnoreCase(id.trim())) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The IDs of every check. */
  public static List<String> ids() {
    return CHECKS.stream().map(Check::id).toList();
  }

  /**
   * Whether DSW-COST-01 needs the workspace policy of this instance: Running, with a GPU, and no
   * guard of its own. Only these are asked about (one batch call).
   */
  public static boolean unguardedGpu(Instance i) {
    boolean gpu =
        Metrics.gpus(i).compareTo(BigDecimal.ZERO) > 0 || "GPU".equals(i.text("AcceleratorType"));
    return "Running".equals(i.text("Status")) && gpu && Metrics.guard(i).equals("none");
  }

  /**
   * The findings of these checks on one instance, as rows: CheckId, Severity, InstanceId,
   * InstanceName, Owner, Workspace, Region, Evidence, Remediation.
   */
  public static List<Instance> findings(
      Instance i, String region, List<Check> checks, Map<String, List<String>> policies) {
    Set<String> secrets = new LinkedHashSet<>();
    Context ctx = new Context(policies, secrets);
    // each check runs once; DSW-VIS-01 reads whether a secret check hit, selected or not
    Map<String, Optional<Hit>> hits = new java.util.HashMap<>();
    java.util.function.Function<Check, Optional<Hit>> run =
        c -> hits.computeIfAbsent(c.id(), id -> c.test().apply(i, ctx));
    for (String id : List.of("DSW-SEC-01", "DSW-SEC-02")) {
      if (run.apply(check(id).orElseThrow()).isPresent()) {
        secrets.add(id);
      }
    }
    List<Instance> rows = new ArrayList<>();
    for (Check c : checks) {
      run.apply(c).ifPresent(hit -> rows.add(row(i, region, c, hit)));
    }
    return rows;
  }

  /** Most severe first, then by check ID and instance ID: a stable order to diff. */
  public static final Comparator<Instance> ORDER =
      Comparator.comparing((Instance r) -> Severity.valueOf(r.text("Severity")))
          .reversed()
          .thenComparing(r -> r.text("CheckId"))
          .thenComparing(r -> r.text("InstanceId"))
          .thenComparing(r -> r.text("Region"));

  private static Instance row(Instance i, String region, Check c, Hit h) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("CheckId", c.id());
    n.put("Severity", h.severity().name());
    n.put("InstanceId", i.id());
    n.put("InstanceName", i.text("InstanceName"));
    n.put("Owner", either(i.text("UserName"), i.text("UserId")));
    n.put("Workspace", either(i.text("WorkspaceName"), i.text("WorkspaceId")));
    n.put("Region", either(i.text("RegionId"), region == null ? "" : region));
    n.put("Evidence", h.evidence());
    n.put("Remediation", c.remedy());
    return new Instance(n);
  }

  /** The table and csv columns of a finding. */
  public static List<Column> columns() {
    return List.of(
        column("SEVERITY", "Severity", false),
        column("CHECK", "CheckId", false),
        column("INSTANCE", "InstanceId", false),
        column("NAME", "InstanceName", true),
        column("OWNER", "Owner", true),
        column("WORKSPACE", "Workspace", true),
        column("REGION", "Region", true),
        column("EVIDENCE", "Evidence", true),
        column("REMEDIATION", "Remediation", true));
  }

  /** The columns of dsw audit --checks. */
  public static List<Column> checkColumns() {
    return List.of(
        column("ID", "CheckId", false),
        column("SEVERITY", "Severity", false),
        column("FINDS", "Title", true),
        column("RULE", "Rule", true));
  }

  /** dsw audit --checks: one row per check. */
  public static List<Instance> checkRows() {
    List<Instance> rows = new ArrayList<>();
    for (Check c : CHECKS) {
      ObjectNode n = Json.MAPPER.createObjectNode();
      n.put("CheckId", c.id());
      n.put("Severity", c.severity().name());
      n.put("Title", c.title());
      n.put("Rule", c.rule());
      n.put("Remediation", c.remedy());
      rows.add(new Instance(n));
    }
    return rows;
  }

  private static Column column(String header, String field, boolean shrinkable) {
    return Column.field(header, field, shrinkable);
  }

  private static String either(String a, String b) {
    return a.isEmpty() ? b : a;
  }

  // ---- the rules ----

  private static List<JsonNode> forwards(Instance i) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode f : i.raw().path("UserVpc").path("ForwardInfos")) {
      if (f.isObject() && f.path("Enable").asBoolean(true)) {
        out.add(f);
      }
    }
    return out;
  }

  private static Optional<String> internet(Instance i) {
    List<String> open = new ArrayList<>();
    for (JsonNode f : forwards(i)) {
      boolean access = false;
      for (JsonNode a : f.path("AccessType")) {
        access |= a.asText().equalsIgnoreCase("internet");
      }
      access |= f.path("AccessType").asText("").equalsIgnoreCase("internet");
      String endpoint = f.path("ConnectInfo").path("Internet").path("Endpoint").asText("");
      String eip = f.path("EipAllocationId").asText("");
      if (access || !endpoint.isEmpty() || !eip.isEmpty()) {
        String where =
            !endpoint.isEmpty()
                ? " at "
                    + endpoint
                    + portSuffix(f.path("ConnectInfo").path("Internet").path("Port").asText(""))
                : !eip.isEmpty() ? " through " + eip : "";
        open.add("port " + port(f) + where);
      }
    }
    return open.isEmpty()
        ? Optional.empty()
        : Optional.of(String.join("; ", open) + " reachable from the Internet");
  }

  private static String port(JsonNode f) {
    String p = f.path("ForwardPort").asText("?");
    String name = f.path("Name").asText("");
    return p + (name.isEmpty() ? "" : " (" + name + ")");
  }

  private static String portSuffix(String p) {
    return p.isEmpty() ? "" : ":" + p;
  }

  private static boolean openToAll(Instance i) {
    JsonNode list = i.raw().path("UserVpc").path("BandwidthLimit").path("IngressWhitelists");
    if (!list.isArray() || list.isEmpty()) {
      return true;
    }
    for (JsonNode cidr : list) {
      String c = cidr.asText().trim();
      if (c.equals("0.0.0.0/0") || c.equals("::/0") || c.equals("*")) {
        return true;
      }
    }
    return false;
  }

  private static Optional<String> otherPorts(Instance i) {
    List<String> ports = new ArrayList<>();
    for (JsonNode f : forwards(i)) {
      if (!f.path("ForwardPort").asText("22").equals("22")) {
        ports.add(port(f));
      }
    }
    return ports.isEmpty()
        ? Optional.empty()
        : Optional.of("port " + String.join(", ", ports) + " forwarded");
  }

  private static Optional<String> secretEnv(Instance i) {
    JsonNode env = i.raw().path("EnvironmentVariables");
    Set<String> names = new LinkedHashSet<>();
    if (env.isObject()) {
      env.properties()
          .forEach(
              e -> {
                if (secretLike(e.getKey(), e.getValue().asText(""))) {
                  names.add(e.getKey());
                }
              });
    } else if (env.isArray()) {
      for (JsonNode kv : env) {
        String key = kv.path("Key").asText(kv.path("Name").asText(""));
        if (!key.isEmpty() && secretLike(key, kv.path("Value").asText(""))) {
          names.add(key);
        }
      }
    }
    return names.isEmpty()
        ? Optional.empty()
        : Optional.of(
            "environment variable"
                + (names.size() > 1 ? "s " : " ")
                + String.join(", ", names)
                + " (value not shown)");
  }

  private static boolean secretLike(String name, String value) {
    return SECRET_NAME.matcher(name).find() || SECRET_VALUE.matcher(value).lookingAt();
  }

  private static Optional<String> credentialInjection(Instance i) {
    JsonNode cc = i.raw().path("CredentialConfig");
    boolean on =
        cc.path("Enable").asBoolean(false)
            || (cc.path("Configs").isArray() && !cc.path("Configs").isEmpty());
    if (!on) {
      return Optional.empty();
    }
    Set<String> roles = new LinkedHashSet<>();
    for (JsonNode config : cc.path("Configs")) {
      for (JsonNode role : config.path("Roles")) {
        String arn = role.path("RoleArn").asText("");
        if (!arn.isEmpty()) {
          roles.add(arn);
        }
      }
    }
    return Optional.of(
        "credential injection on"
            + (roles.isEmpty() ? "" : ", granting " + String.join(", ", roles)));
  }

  private static Optional<String> weakAuth(Instance i) {
    JsonNode sc = i.raw().path("ServiceConfig");
    List<String> weak = new ArrayList<>();
    for (String auth : List.of("JupyterServerAuth", "CodeServerAuth")) {
      JsonNode v = sc.get(auth);
      if (v != null
          && !v.isNull()
          && WEAK_AUTH.contains(v.asText().trim().toLowerCase(Locale.ROOT))) {
        weak.add(auth + "=" + v.asText().trim());
      }
    }
    for (String password : List.of("JupyterServerPassword", "CodeServerPassword")) {
      JsonNode v = sc.get(password);
      if (v != null && !v.isNull() && !v.asText("x").isEmpty()) {
        weak.add(password + " set (value not shown)");
      }
    }
    return weak.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", weak));
  }

  private static Optional<Hit> readWrite(Instance i) {
    List<String> rw = new ArrayList<>();
    boolean root = false;
    for (JsonNode d : i.raw().path("Datasets")) {
      String access = d.path("MountAccess").asText("");
      if (access.equalsIgnoreCase("RW")) {
        String uri = d.path("Uri").asText(d.path("DatasetId").asText("?"));
        boolean atRoot = BUCKET_ROOT.matcher(uri).matches();
        root |= atRoot;
        rw.add(
            uri + (atRoot ? " (a bucket's root)" : "") + " at " + d.path("MountPath").asText("?"));
      }
    }
    return rw.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new Hit(
                root ? Severity.medium : Severity.low,
                "mounted read-write: " + String.join("; ", rw)));
  }

  private static String registry(String imageUrl) {
    if (imageUrl.isEmpty()) {
      return "a private registry";
    }
    int slash = imageUrl.indexOf('/');
    return slash < 0 ? imageUrl : imageUrl.substring(0, slash);
  }
}
