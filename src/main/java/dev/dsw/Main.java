package dev.dsw;

import dev.dsw.cli.CommandFactory;
import dev.dsw.cli.terminal.SystemEnvironment;

/** Entry point: runs dsw in the real environment, and is the only place that exits. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(CommandFactory.run(SystemEnvironment.current(), args));
  }
}
