package dev.dsw.cli.terminal;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.fusesource.jansi.AnsiConsole;

/** The real process environment. Jansi is used here only, and only when it is needed. */
public final class SystemEnvironment implements Environment {
  private final WatchedOutput stdout = new WatchedOutput(new FileOutputStream(FileDescriptor.out));
  private final PrintStream out;
  private final PrintStream err;

  private SystemEnvironment() {
    // UTF-8 over the raw descriptors (output is data, not the platform charset). PrintStream does
    // not buffer bytes itself, so stdout gets a 64 KiB buffer: one write per row would be one
    // syscall per row.
    this.out =
        new PrintStream(new BufferedOutputStream(stdout, 1 << 16), false, StandardCharsets.UTF_8);
    this.err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    // Ctrl-C (SIGINT) and SIGTERM end the JVM through its shutdown hooks, with exit 130 and 143:
    // the rows already in stdout's buffer are written then, so a csv or jsonl listing keeps what
    // it fetched. (PrintStream is synchronized: the flush waits for a row being written.)
    Runtime.getRuntime().addShutdownHook(new Thread(out::flush, "dsw-flush"));
  }

  public static SystemEnvironment current() {
    return new SystemEnvironment();
  }

  @Override
  public java.io.IOException outFailure() {
    return stdout.failure();
  }

  @Override
  public Map<String, String> variables() {
    return System.getenv();
  }

  @Override
  public Path home() {
    // $HOME first, as the aliyun CLI and every shell tool read it: the JVM's user.home comes from
    // the password database, so HOME=/tmp/x dsw … would still read /root/.aliyun/config.json.
    String home = System.getenv("HOME");
    return home != null && home.startsWith("/")
        ? Path.of(home)
        : Path.of(System.getProperty("user.home"));
  }

  @Override
  public Clock clock() {
    return Clock.systemUTC();
  }

  @Override
  public PrintStream out() {
    return out;
  }

  @Override
  public PrintStream err() {
    return err;
  }

  @Override
  public boolean stdoutIsTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    // JDK 22+ returns a Console even when redirected; isTerminal() tells the truth there.
    try {
      Method isTerminal = java.io.Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /**
   * Java has no isatty for stderr; on Linux its descriptor links to the terminal device it writes
   * to (/dev/pts/N, /dev/ttyN). Elsewhere, or when it cannot tell: not a terminal, so nothing but
   * plain lines reaches stderr.
   */
  @Override
  public boolean stderrIsTerminal() {
    try {
      String target = java.nio.file.Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  /**
   * The size and modification time of dsw.jar when the JVM runs it alone (java -jar, a launcher);
   * else null.
   */
  @Override
  public String buildId() {
    // the archive's launcher puts the jar on the class path as /dev/fd/9 and names it here
    String path = System.getProperty("dsw.jar", System.getProperty("java.class.path", ""));
    if (!path.endsWith(".jar") || path.indexOf(java.io.File.pathSeparatorChar) >= 0) {
      return null;
    }
    try {
      java.nio.file.attribute.BasicFileAttributes jar =
          java.nio.file.Files.readAttributes(
              Path.of(path), java.nio.file.attribute.BasicFileAttributes.class);
      return jar.size()
          + "@"
          + jar.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  @Override
  public int terminalWidth() {
    try {
      return AnsiConsole.out().getTerminalWidth();
    } catch (RuntimeException | LinkageError e) {
      return 0;
    }
  }

  private java.util.concurrent.CountDownLatch interrupted;

  /**
   * The first call installs SIGINT and SIGTERM handlers, so Ctrl-C (or a polite kill) ends the
   * wait, and with it the command, instead of the process.
   */
  @Override
  public synchronized void catchInterrupts() {
    if (interrupted == null) {
      java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(1);
      for (String name : new String[] {"INT", "TERM"}) {
        try {
          Signals.handle(name, latch::countDown);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
          // no such signal here (Windows has no TERM): it ends the process as usual
        }
      }
      interrupted = latch;
    }
  }

  @Override
  public boolean pause(java.time.Duration d) {
    catchInterrupts();
    try {
      return interrupted.await(d.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  @Override
  public void enableAnsi() {
    if (System.getProperty("os.name", "").startsWith("Windows")) {
      AnsiConsole.systemInstall();
    }
  }
}
