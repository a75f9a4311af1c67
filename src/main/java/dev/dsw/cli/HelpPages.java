package dev.dsw.cli;

import dev.dsw.cli.run.Services;
import dev.dsw.cli.terminal.CacheFiles;
import dev.dsw.cli.terminal.Environment;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * Help pages as picocli printed them, kept in dsw's cache directory (help/). Building picocli's
 * model of a command is most of what {@code dsw ... --help} costs (docs/benchmarks.md), so the
 * first such run at a given width and colour keeps the page it printed, and later ones print the
 * kept page without building any model.
 *
 * <p>Only a line of command words followed by {@code -h} or {@code --help} is served, and a page is
 * kept only when picocli printed it with exit code 0 and every word named a command (so {@code dsw
 * get i-123 --help} keeps nothing). A page's file is named by the words, the width and whether it
 * has colour, and starts with a line naming the build that printed it: pages of any other build are
 * printed afresh and replaced. Failing to read or write a page is never an error.
 */
final class HelpPages {
  private static final int MAX_WORDS = 2; // dsw config show
  private final Environment env;
  private final List<String> words;
  private final byte[] header;
  private final Path file;

  private HelpPages(Environment env, List<String> words, String build, int width, boolean ansi) {
    this.env = env;
    this.words = words;
    this.header = ("dsw help page, build " + build + "\n").getBytes(StandardCharsets.UTF_8);
    String name = words.isEmpty() ? "dsw" : "dsw-" + String.join("-", words);
    this.file =
        env.cacheDir().resolve("help").resolve(name + "." + width + (ansi ? ".ansi" : ".txt"));
  }

  /**
   * The page these arguments ask for, or null when they are not command words then -h/--help, or
   * when this build is unknown (no page can be told from another build's then).
   */
  static HelpPages request(Services services, String[] args) {
    if (args.length == 0 || args.length > MAX_WORDS + 1) {
      return null;
    }
    String last = args[args.length - 1];
    if (!last.equals("--help") && !last.equals("-h")) {
      return null;
    }
    List<String> words = Arrays.asList(args).subList(0, args.length - 1);
    for (String w : words) {
      if (!w.matches("[a-z][a-z0-9-]{0,30}")) {
        return null;
      }
    }
    String build = services.env().buildId();
    if (build == null || build.indexOf('\n') >= 0) {
      return null;
    }
    int width = helpWidth(services.console().width());
    return new HelpPages(services.env(), words, build, width, CommandLine.Help.Ansi.AUTO.enabled());
  }

  /**
   * Help fits the terminal, read only when help is printed. (picocli's own usageHelpAutoWidth runs
   * {@code stty} in a child process and polls it every 25 ms: about 0.2 s on every run at a
   * terminal, even for --version. Console asks the terminal directly.) Not a terminal: 80.
   */
  static final int MINIMUM_HELP_WIDTH = 55; // picocli refuses less (its constant is private)

  static int helpWidth(int terminalColumns) {
    return terminalColumns <= 0
        ? CommandLine.Model.UsageMessageSpec.DEFAULT_USAGE_WIDTH
        : Math.max(MINIMUM_HELP_WIDTH, terminalColumns);
  }

  /** Prints the kept page and returns true; false when there is none from this build. */
  boolean printKept() {
    byte[] page;
    try {
      page = Files.readAllBytes(file);
    } catch (IOException | RuntimeException e) {
      return false;
    }
    if (page.length <= header.length || !CacheFiles.startsWith(page, header)) {
      return false;
    }
    PrintStream out = env.out();
    out.write(page, header.length, page.length - header.length);
    out.flush();
    return true;
  }

  /** Runs the command line, and keeps the page it printed when it was this help page. */
  int executeAndKeep(CommandLine cl, String[] args) {
    StringWriter printed = new StringWriter();
    cl.setOut(new PrintWriter(new Tee(cl.getOut(), printed)));
    int code = cl.execute(args);
    if (code == 0 && printed.getBuffer().length() > 0 && namesCommands(cl)) {
      byte[] text = printed.toString().getBytes(StandardCharsets.UTF_8);
      byte[] page = Arrays.copyOf(header, header.length + text.length);
      System.arraycopy(text, 0, page, header.length, text.length);
      try {
        CacheFiles.replace(file, page);
      } catch (IOException | RuntimeException e) {
        // not kept: the next run prints it afresh
      }
    }
    return code;
  }

  private boolean namesCommands(CommandLine root) {
    CommandLine c = root;
    for (String w : words) {
      c = c.getSubcommands().get(w);
      if (c == null) {
        return false;
      }
    }
    return true;
  }

  /** Writes to the console's writer and keeps a copy. */
  private static final class Tee extends Writer {
    private final Writer shown;
    private final StringWriter kept;

    Tee(Writer shown, StringWriter kept) {
      this.shown = shown;
      this.kept = kept;
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
      shown.write(chars, off, len);
      kept.write(chars, off, len);
    }

    @Override
    public void flush() throws IOException {
      shown.flush();
    }

    @Override
    public void close() throws IOException {
      shown.flush();
    }
  }
}
