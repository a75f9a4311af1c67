package dev.dsw;

import dev.dsw.cli.CommandFactory;
import dev.dsw.cli.Services;
import dev.dsw.cli.SystemEnvironment;

/** Composition root: builds the services and the command line, runs it, and is the only place that exits. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code;
    try (Services services = new Services(SystemEnvironment.current())) {
      code = CommandFactory.commandLine(services, args).execute(args);
    }
    System.exit(code);
  }
}
