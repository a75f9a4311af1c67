package dev.dsw.emulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

/**
 * How the emulator runs, built only through {@link Builder}. {@code data} null means a generated
 * fleet of {@code instances} from {@code seed}; {@code faultSeed} drives the fault rolls, so faults
 * can vary over the same fleet.
 */
public final class EmulatorConfig {
  private final Builder b;

  private EmulatorConfig(Builder checked) {
    this.b = checked.copy();
  }

  /** Loopback, ephemeral port, 200 generated instances, the demo keys, no faults, no log. */
  public static EmulatorConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to change some of them. */
  public Builder toBuilder() {
    return b.copy();
  }

  public String host() {
    return b.host;
  }

  public int port() {
    return b.port;
  }

  public Path data() {
    return b.data;
  }

  public int instances() {
    return b.instances;
  }

  public long seed() {
    return b.seed;
  }

  public Instant anchor() {
    return b.anchor;
  }

  public String defaultWorkspace() {
    return b.defaultWorkspace;
  }

  public String accessKeyId() {
    return b.accessKeyId;
  }

  public String accessKeySecret() {
    return b.accessKeySecret;
  }

  public int maxPageSize() {
    return b.maxPageSize;
  }

  /** How long each step of an instance's EmulatorTimeline lasts (docs/emulator.md). */
  public Duration transitionStep() {
    return b.transitionStep;
  }

  public Duration latency() {
    return b.latency;
  }

  /** The --metrics file GetInstanceMetrics serves, or null for the instances' profiles. */
  public Path metrics() {
    return b.metrics;
  }

  public double faultRate() {
    return b.faultRate;
  }

  public double throttleRate() {
    return b.throttleRate;
  }

  public double truncateRate() {
    return b.truncateRate;
  }

  public Clock clock() {
    return b.clock;
  }

  public Consumer<String> log() {
    return b.log;
  }

  public long faultSeed() {
    return b.faultSeed;
  }

  public List<String> regions() {
    return b.regions;
  }

  public double dropRate() {
    return b.dropRate;
  }

  public double spikeRate() {
    return b.spikeRate;
  }

  public Duration spike() {
    return b.spike;
  }

  /** Who GetCallerIdentity says the caller is (--caller, --caller-id, --caller-name). */
  StsRoute.Caller caller() {
    return b.caller;
  }

  /** Whether the instances the examples name are added to the fleet (--demo). */
  public boolean showcase() {
    return b.showcase;
  }

  /**
   * The emulator's settings, with the defaults of {@link EmulatorConfig#defaults()}; {@link
   * #build()} checks each bound once.
   */
  public static final class Builder implements Cloneable {
    String host;
    int port;
    Path data;
    int instances;
    long seed;
    Instant anchor;
    String defaultWorkspace;
    String accessKeyId;
    String accessKeySecret;
    int maxPageSize;
    Duration latency;
    Duration transitionStep;
    double faultRate;
    double throttleRate;
    double truncateRate;
    Clock clock;
    Consumer<String> log;
    long faultSeed;
    List<String> regions;
    double dropRate;
    double spikeRate;
    Duration spike;

    boolean showcase;
    Path metrics;
    StsRoute.Caller caller = StsRoute.Caller.DEMO;

    /**
     * Who GetCallerIdentity says the configured key is: {@code kind} account, ram-user or
     * assumed-role; the account ID; the UserId (RoleId for a role); the user or role name.
     */
    public Builder caller(String kind, String accountId, String id, String name) {
      String type = StsRoute.Caller.KINDS.get(kind);
      if (type == null) {
        throw new EmulatorConfig.Invalid(
            "--caller must be account, ram-user or assumed-role (got " + kind + ")");
      }
      caller = new StsRoute.Caller(type, accountId, type.equals("Account") ? accountId : id, name);
      return this;
    }

    /** Serve GetInstanceMetrics from this file (see MetricsRoute) instead of the profiles. */
    public Builder metrics(Path v) {
      metrics = v;
      return this;
    }

    /**
     * Adds the instances the README and --help examples name, created relative to the clock
     * (--demo).
     */
    public Builder showcase(boolean v) {
      showcase = v;
      return this;
    }

    private Builder() {
      host = "127.0.0.1";
      instances = 200;
      seed = 42;
      anchor = Instant.now().truncatedTo(ChronoUnit.DAYS);
      defaultWorkspace = FleetGenerator.DEFAULT_WORKSPACE;
      accessKeyId = EmulatorServer.DEMO_KEY_ID;
      accessKeySecret = EmulatorServer.DEMO_KEY_SECRET;
      maxPageSize = 100;
      latency = Duration.ZERO;
      transitionStep = Duration.ofSeconds(20);
      clock = Clock.systemUTC();
      log = line -> {};
      faultSeed = 42;
      regions = List.of();
      spike = Duration.ofMillis(300);
    }

    public Builder host(String v) {
      host = v;
      return this;
    }

    public Builder port(int v) {
      port = v;
      return this;
    }

    public Builder data(Path v) {
      data = v;
      return this;
    }

    public Builder instances(int v) {
      instances = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder anchor(Instant v) {
      anchor = v;
      return this;
    }

    public Builder defaultWorkspace(String v) {
      defaultWorkspace = v;
      return this;
    }

    public Builder accessKeyId(String v) {
      accessKeyId = v;
      return this;
    }

    public Builder accessKeySecret(String v) {
      accessKeySecret = v;
      return this;
    }

    public Builder maxPageSize(int v) {
      maxPageSize = v;
      return this;
    }

    public Builder transitionStep(Duration v) {
      transitionStep = v;
      return this;
    }

    public Builder latency(Duration v) {
      latency = v;
      return this;
    }

    public Builder faultRate(double v) {
      faultRate = v;
      return this;
    }

    public Builder throttleRate(double v) {
      throttleRate = v;
      return this;
    }

    public Builder truncateRate(double v) {
      truncateRate = v;
      return this;
    }

    public Builder clock(Clock v) {
      clock = v;
      return this;
    }

    public Builder log(Consumer<String> v) {
      log = v;
      return this;
    }

    public Builder faultSeed(long v) {
      faultSeed = v;
      return this;
    }

    public Builder dropRate(double v) {
      dropRate = v;
      return this;
    }

    public Builder spikeRate(double v) {
      spikeRate = v;
      return this;
    }

    public Builder spike(Duration v) {
      spike = v;
      return this;
    }

    public Builder regions(List<String> v) {
      regions = List.copyOf(v);
      return this;
    }

    /** The options, or {@link EmulatorConfig.Invalid} naming the first setting out of its range. */
    public EmulatorConfig build() {
      OptionBounds.check(this);
      return new EmulatorConfig(this);
    }

    /** A field-by-field copy: every setting, whatever is added later (no list to keep up). */
    private Builder copy() {
      try {
        return (Builder) clone();
      } catch (CloneNotSupportedException e) {
        throw new IllegalStateException(e); // Builder is Cloneable
      }
    }
  }

  /** An emulator setting out of its range; the message names the flag. */
  public static final class Invalid extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }
}
