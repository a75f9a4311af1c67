package dev.dsw.cli.commands;

import dev.dsw.api.Target;
import dev.dsw.auth.CredentialProvider;
import dev.dsw.auth.Credentials;
import dev.dsw.cli.options.GlobalOptions;
import dev.dsw.cli.run.ExitCodes;
import dev.dsw.cli.run.Services;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * dsw config show: which region, endpoint, profile and credentials dsw would use, with no secret
 * shown.
 */
@Command(
    name = "config",
    description = "Show the configuration dsw would use.",
    subcommands = ConfigCommand.Show.class)
public final class ConfigCommand implements Runnable {
  @Mixin(name = GlobalOptions.MIXIN_NAME)
  GlobalOptions global;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "missing subcommand (try: dsw config show)");
  }

  @Command(
      name = "show",
      description = "Print the region, endpoint, profile, credentials and whose they are.")
  static final class Show implements Callable<Integer> {
    @Mixin(name = GlobalOptions.MIXIN_NAME)
    GlobalOptions global;

    private final Services services;

    Show(Services services) {
      this.services = services;
    }

    @Override
    public Integer call() {
      PrintStream out = services.console().out();
      Target target = services.target();
      out.println(
          "profile:     "
              + services
                  .selectedProfile()
                  .map(p -> p.name() + " (" + p.mode() + ") in " + services.configFile())
                  .orElse("(none)"));
      String region = target.regionOrEmpty();
      out.println(
          "region:      "
              + (region.isEmpty()
                  ? "(none: --endpoint gives the URL)"
                  : region + " (from " + target.regionSource() + ")"));
      out.println(
          "endpoint:    "
              + (services.global().isDemo()
                  ? "the built-in emulator (--demo)"
                  : target.endpoint() + " (" + target.endpointSource() + ")"));
      if (!services.global().isDemo()) {
        CredentialProvider provider = services.credentials();
        out.println("credentials: " + provider.describe());
        Credentials c = provider.get();
        out.println(
            "key id:      " + c.maskedKeyId() + (c.isSts() ? " (temporary, with STS token)" : ""));
      }
      out.println("identity:    " + services.identityOrWhyNot());
      out.flush();
      return ExitCodes.OK;
    }
  }
}
