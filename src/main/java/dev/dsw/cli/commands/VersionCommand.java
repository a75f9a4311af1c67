package dev.dsw.cli.commands;

import dev.dsw.cli.options.GlobalOptions;
import dev.dsw.cli.run.ExitCodes;
import dev.dsw.cli.run.Services;
import dev.dsw.cli.run.VersionProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** dsw version: what --version prints, as kubectl and gh have it. */
@Command(
    name = "version",
    description = "Print dsw's version, commit and runtime (the same as --version).")
public final class VersionCommand implements Callable<Integer> {
  @Mixin(name = GlobalOptions.MIXIN_NAME)
  GlobalOptions global;

  private final Services services;

  VersionCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    for (String line : new VersionProvider().getVersion()) {
      services.console().out().println(line);
    }
    services.console().out().flush();
    return ExitCodes.OK;
  }
}
