package dev.dsw.cli;

import dev.dsw.cli.run.ExitCodes;
import dev.dsw.cli.run.Failure;
import dev.dsw.cli.run.Services;
import dev.dsw.cli.terminal.Console;
import dev.dsw.cli.terminal.OutputClosedException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one exit door: every exception becomes one stderr line, an optional hint, and a documented
 * exit code.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
  private final Services services;

  ErrorHandler(Services services) {
    this.services = services;
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    Console console = services.console();
    console.error(oneLine(e.getMessage()));
    if (e instanceof UnmatchedArgumentException u) {
      List<String> suggestions = u.getSuggestions();
      if (!suggestions.isEmpty()) {
        console.hint(
            "did you mean "
                + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size())))
                + "?");
      }
    }
    CommandLine cmd = e.getCommandLine();
    console.hint("see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
    trace(console, e);
    return ExitCodes.USAGE;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    if (e instanceof ParameterException p) {
      return handleParseException(p, parsed.originalArgs().toArray(new String[0]));
    }
    Console console = services.console();
    if (e instanceof OutputClosedException closed && closed.readerGone()) {
      // The reader of stdout went away (`dsw list | head`): it has what it wanted; not an error.
      console.debugLine("stdout was closed by its reader (" + closed.getMessage() + "); stopped");
      return ExitCodes.OK;
    }
    Failure f = Failure.describe(e);
    console.error(f.message());
    f.hint().ifPresent(console::hint);
    trace(console, e);
    return f.exitCode();
  }

  /**
   * With --debug, the stack trace, each line made inert: an exception's message may quote the
   * server's text, escape sequences included.
   */
  static void trace(Console console, Throwable e) {
    if (console.debug()) {
      java.io.StringWriter text = new java.io.StringWriter();
      e.printStackTrace(new java.io.PrintWriter(text));
      text.toString()
          .lines()
          .forEach(
              l -> console.err().println(dev.dsw.model.Inert.printable(l.replace("\t", "    "))));
      console.err().flush();
    }
  }

  private static String oneLine(String s) {
    return s == null ? "invalid command line" : s.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
