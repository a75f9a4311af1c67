package dev.dsw.cli.terminal;

import dev.dsw.output.Style;
import java.io.PrintStream;

/**
 * The one holder of stdout and stderr. It decides once whether stdout is a terminal, whether colour
 * is on and how wide the terminal is, and writes diagnostics as single lines on stderr.
 */
public final class Console {
  private final Environment env;
  private final boolean isTty;
  private final boolean colour;
  private final boolean errIsTty;
  private final boolean errColour;
  private final boolean debug;
  private final boolean quiet;
  private int width = -1;

  public Console(Environment env, ColorMode mode, boolean debug, boolean quiet) {
    this.env = env;
    this.isTty = env.stdoutIsTerminal();
    this.colour = decideColour(mode, isTty, env);
    this.errIsTty = env.stderrIsTerminal();
    this.errColour = decideColour(mode, errIsTty, env);
    this.debug = debug;
    this.quiet = quiet;
    if (colour) {
      env.enableAnsi();
    }
  }

  /**
   * Colour is on with --color=always or CLICOLOR_FORCE, off with --color=never, NO_COLOR or
   * TERM=dumb, else on a TTY.
   */
  static boolean decideColour(ColorMode mode, boolean isTty, Environment env) {
    if (mode == ColorMode.always) {
      return true;
    }
    if (mode == ColorMode.never || env.firstVariable("NO_COLOR") != null) {
      return false;
    }
    String force = env.firstVariable("CLICOLOR_FORCE");
    if (force != null && !force.equals("0")) {
      return true;
    }
    return isTty && !"dumb".equals(env.firstVariable("TERM"));
  }

  public PrintStream out() {
    return env.out();
  }

  public PrintStream err() {
    return env.err();
  }

  public boolean isTty() {
    return isTty;
  }

  public boolean colour() {
    return colour;
  }

  /**
   * Whether a line rewritten in place (the progress line) may go to stderr: it is a terminal that
   * understands cursor moves (not TERM=dumb), and --quiet was not given.
   */
  public boolean progressOnStderr() {
    return errIsTty && !quiet && !dumb();
  }

  /** Whether stdout is a terminal that clears and moves its cursor (list --watch redraws). */
  public boolean movesCursor() {
    return isTty && !dumb();
  }

  private boolean dumb() {
    return "dumb".equals(env.firstVariable("TERM"));
  }

  public boolean debug() {
    return debug;
  }

  public boolean quiet() {
    return quiet;
  }

  /** Returns the terminal width in columns; 0 means "not a terminal: do not fit". */
  public int width() {
    if (width < 0) {
      int w = 0;
      String columns = env.firstVariable("COLUMNS");
      if (columns != null && columns.matches("\\d{1,4}")) {
        w = Integer.parseInt(columns);
      } else if (isTty) {
        w = env.terminalWidth();
        if (w <= 0) {
          w = 80;
        }
      }
      width = isTty ? w : 0;
    }
    return width;
  }

  /** Writes "dsw: MESSAGE" to stderr, red when colour is on. */
  public void error(String message) {
    line(Style::error, "dsw: " + message);
  }

  /** Writes "hint: TEXT" to stderr. */
  public void hint(String text) {
    line(Style::dim, "hint: " + text);
  }

  /** Writes "dsw: warning: MESSAGE" to stderr, unless --quiet. */
  public void warn(String message) {
    if (!quiet) {
      line(Style::warning, "dsw: warning: " + message);
    }
  }

  /**
   * Writes a line of information to stderr as it is, unless --quiet (the emulator's request log).
   */
  public void info(String message) {
    if (!quiet) {
      env.err().println(safe(message));
      env.err().flush();
    }
  }

  /** Writes a --debug line to stderr when --debug is on. */
  public void debugLine(String message) {
    if (debug) {
      line(Style::dim, "debug: " + message);
    }
  }

  private void line(java.util.function.UnaryOperator<String> style, String text) {
    String safe = safe(text);
    PrintStream err = env.err();
    err.println(errColour ? style.apply(safe) : safe);
    err.flush();
  }

  /** The longest line dsw writes to stderr; a longer one (a server's 1 MB message) is cut. */
  public static final int MAX_LINE = 1000;

  /**
   * A stderr line as it may reach a terminal: control characters from any source (a server's Code,
   * Message or RequestId) made visible, so it is one line and cannot drive the terminal, and cut at
   * {@link #MAX_LINE} characters, saying how many more there were.
   */
  static String safe(String text) {
    String s = dev.dsw.model.Inert.printable(text);
    if (s.length() <= MAX_LINE) {
      return s;
    }
    int cut = Character.isHighSurrogate(s.charAt(MAX_LINE - 1)) ? MAX_LINE - 1 : MAX_LINE;
    return s.substring(0, cut) + "… (" + (s.length() - cut) + " more characters)";
  }
}
