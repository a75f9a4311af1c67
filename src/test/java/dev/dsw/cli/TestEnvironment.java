package dev.dsw.cli;

import dev.dsw.cli.terminal.Environment;
import dev.dsw.cli.terminal.WatchedOutput;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** A fake process environment: variables, a temp home, a fixed clock, captured stdout/stderr. */
public final class TestEnvironment implements Environment {
  public static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
  private final Map<String, String> vars = new HashMap<>();
  private final Path home;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Closing closing = new Closing(out);
  private final WatchedOutput watched = new WatchedOutput(closing);
  private final PrintStream outStream = new PrintStream(watched, true, StandardCharsets.UTF_8);
  private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
  private boolean tty;
  private boolean errTty;
  private int width = 0;
  private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  /**
   * Emulator options on this environment's fixed clock: dsw signs with the fake clock, and the
   * emulator refuses signatures more than 15 minutes off its own.
   */
  public static dev.dsw.emulator.EmulatorConfig emulator() {
    return dev.dsw.emulator.EmulatorConfig.defaults().toBuilder()
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build();
  }

  /**
   * Emulator options serving these instances (a JSON array, written to dir/fleet.json), on this
   * environment's fixed clock.
   */
  public static dev.dsw.emulator.EmulatorConfig fleet(Path dir, String instances) {
    Path data = dir.resolve("fleet.json");
    try {
      java.nio.file.Files.writeString(data, instances);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return emulator().toBuilder().data(data).build();
  }

  public TestEnvironment(Path home) {
    this.home = home;
  }

  /**
   * An environment for talking to an emulator started with the demo keys: those keys in the
   * environment, and dsw's caches under {@code dir}.
   */
  public static TestEnvironment withDemoKeys(Path dir) {
    return new TestEnvironment(dir)
        .set("ALIBABA_CLOUD_ACCESS_KEY_ID", dev.dsw.emulator.EmulatorServer.DEMO_KEY_ID)
        .set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", dev.dsw.emulator.EmulatorServer.DEMO_KEY_SECRET)
        .set("XDG_CACHE_HOME", dir.resolve("cache").toString());
  }

  /**
   * Runs 'dsw list' against the emulator over every workspace and resource group, with the demo
   * keys and caches under {@code dir}, asserts the exit code and returns the environment.
   */
  public static TestEnvironment list(
      Path dir, dev.dsw.emulator.EmulatorServer server, int exit, String... args) {
    TestEnvironment env = withDemoKeys(dir);
    java.util.List<String> full =
        new java.util.ArrayList<>(
            java.util.List.of(
                "list",
                "--endpoint",
                server.baseUrl(),
                "--workspace",
                "ALL",
                "--resource-id",
                "ALL"));
    full.addAll(java.util.List.of(args));
    org.assertj.core.api.Assertions.assertThat(env.run(full.toArray(String[]::new)))
        .as(env.stderr())
        .isEqualTo(exit);
    return env;
  }

  public TestEnvironment set(String name, String value) {
    vars.put(name, value);
    return this;
  }

  /** Stderr is a terminal (stdout is as set by {@link #terminal}). */
  public TestEnvironment stderrTerminal() {
    this.errTty = true;
    return this;
  }

  @Override
  public boolean stderrIsTerminal() {
    return errTty;
  }

  public TestEnvironment terminal(int columns) {
    this.tty = true;
    this.width = columns;
    return this;
  }

  public TestEnvironment clock(Clock c) {
    this.clock = c;
    return this;
  }

  /**
   * Stdout takes this many bytes, then fails every write with an IOException of this message:
   * "Broken pipe" for a reader that went away, "No space left on device" for a full disk.
   */
  public TestEnvironment stdoutFailsAfter(int bytes, String message) {
    closing.limit = bytes;
    closing.message = message;
    return this;
  }

  @Override
  public java.io.IOException outFailure() {
    return watched.failure();
  }

  /** How many times a polling command paused. */
  public int pauses() {
    return paused;
  }

  /** An output that fails once it has taken its limit, as a closed pipe or a full disk does. */
  private static final class Closing extends java.io.OutputStream {
    private final java.io.OutputStream out;
    long limit = Long.MAX_VALUE;
    String message;
    private long written;

    Closing(java.io.OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws java.io.IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws java.io.IOException {
      int room = (int) Math.max(0, Math.min(len, limit - written));
      out.write(b, off, room);
      written += room;
      if (room < len) {
        throw new java.io.IOException(message);
      }
    }
  }

  public String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  public String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Override
  public Map<String, String> variables() {
    return vars;
  }

  @Override
  public Path home() {
    return home;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public PrintStream out() {
    return outStream;
  }

  @Override
  public PrintStream err() {
    return errStream;
  }

  @Override
  public boolean stdoutIsTerminal() {
    return tty;
  }

  @Override
  public int terminalWidth() {
    return width;
  }

  private java.util.function.IntPredicate pauses = n -> true;
  private int paused;

  /** What each pause does: the function gets the pause number (1, 2…) and says whether to stop. */
  public TestEnvironment onPause(java.util.function.IntPredicate stopAfter) {
    this.pauses = stopAfter;
    return this;
  }

  @Override
  public boolean pause(java.time.Duration d) {
    if (sleeping != null) {
      sleeping.advance(d);
    }
    return pauses.test(++paused);
  }

  private ManualClock sleeping;

  /** A clock that moves only when told: a pause moves it on by the pause's length. */
  public static final class ManualClock extends Clock {
    private volatile Instant now;

    public ManualClock(Instant start) {
      this.now = start;
    }

    public synchronized void advance(java.time.Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /**
   * dsw's clock is this one, and each pause moves it on instead of sleeping, so a polling command
   * (wait, --watch) sees time pass at once; share it with an emulator to move its timelines too.
   */
  public TestEnvironment sleepingOn(ManualClock c) {
    this.sleeping = c;
    this.clock = c;
    return this;
  }

  private String buildId;

  /**
   * Gives this environment a build identity, under which dsw keeps help pages in the cache
   * directory.
   */
  public TestEnvironment build(String id) {
    this.buildId = id;
    return this;
  }

  @Override
  public String buildId() {
    return buildId;
  }

  /** Runs dsw with these arguments, as Main does, and returns the exit code. */
  public int run(String... args) {
    return CommandFactory.run(this, args);
  }
}
