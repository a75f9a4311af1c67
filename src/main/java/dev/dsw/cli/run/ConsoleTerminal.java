package dev.dsw.cli.run;

import dev.dsw.cli.completion.CompletionCache;
import dev.dsw.cli.terminal.Console;
import dev.dsw.cli.terminal.Environment;
import dev.dsw.cli.terminal.OutputClosedException;
import dev.dsw.listing.Terminal;
import dev.dsw.model.Instance;
import dev.dsw.model.Times;
import dev.dsw.output.Progress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The listing's {@link Terminal} on this process's console and environment: the page line, the
 * warnings and failures as {@link Failure} words them, the completion cache, a closed stdout,
 * Ctrl-C.
 */
final class ConsoleTerminal implements Terminal {
  private final Console console;
  private final Environment env;
  private final Supplier<String> completionContext;

  ConsoleTerminal(Console console, Environment env, Supplier<String> completionContext) {
    this.console = console;
    this.env = env;
    this.completionContext = completionContext;
  }

  @Override
  public PrintStream out() {
    return console.out();
  }

  @Override
  public int width() {
    return console.width();
  }

  @Override
  public boolean isTty() {
    return console.isTty();
  }

  @Override
  public boolean colour() {
    return console.colour();
  }

  @Override
  public boolean movesCursor() {
    return console.movesCursor();
  }

  /** On stderr when it is a terminal, whatever stdout is (dsw list -o csv > out.csv shows it). */
  @Override
  public Progress progress(boolean rowsHeld) {
    return console.progressOnStderr() && (rowsHeld || !console.isTty())
        ? Progress.on(console.err())
        : Progress.OFF;
  }

  @Override
  public void warn(String message) {
    console.warn(message);
  }

  @Override
  public void info(String message) {
    console.info(message);
  }

  @Override
  public void debug(String message) {
    console.debugLine(message);
  }

  @Override
  public void scopeFailed(String scope, RuntimeException cause) {
    console.error(Services.describe(scope) + ": " + Failure.describe(cause).message());
  }

  @Override
  public void retrying(String what, Duration every, RuntimeException cause) {
    console.warn(
        what
            + " failed, trying again"
            + (every == null ? "" : " in " + Times.interval(every))
            + ": "
            + Failure.describe(cause).message());
  }

  /** Only what `get` on the same flags finds: the profile's, region's and endpoint's own IDs. */
  @Override
  public Seen seen() {
    CompletionCache cache = new CompletionCache(env, completionContext.get());
    return new Seen() {
      @Override
      public void record(Instance i) {
        cache.record(i);
      }

      @Override
      public void save() {
        if (!cache.save()) {
          console.debugLine("could not update the completion cache in " + cache.dir());
        }
      }
    };
  }

  @Override
  public void checkOpen() {
    OutputClosedException.check(env);
  }

  @Override
  public void catchInterrupts() {
    env.catchInterrupts();
  }

  @Override
  public boolean pause(Duration d) {
    return env.pause(d);
  }
}
