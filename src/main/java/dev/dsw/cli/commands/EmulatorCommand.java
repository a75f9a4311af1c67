package dev.dsw.cli.commands;

import dev.dsw.cli.options.EmulatorOptions;
import dev.dsw.cli.options.GlobalOptions;
import dev.dsw.cli.run.ExitCodes;
import dev.dsw.cli.run.Services;
import dev.dsw.cli.terminal.Console;
import dev.dsw.emulator.EmulatorConfig;
import dev.dsw.emulator.EmulatorServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** dsw emulator: a local PAI-DSW API for trying dsw and testing scripts offline. */
@Command(
    name = "emulator",
    sortOptions = false,
    description = {
      "Serve a local PAI-DSW ListInstances API (signature checks, paging, faults) until Ctrl-C.",
      "The first line on stdout is the base URL; one line per request goes to stderr.",
      "The AccessKey secret it accepts is DSW_EMULATOR_ACCESS_KEY_SECRET (default: the demo"
          + " secret)."
    },
    footerHeading = "%nExample (a shell session; the emulator serves until killed):%n",
    footer = {
      "  dsw emulator &",
      "  export ALIBABA_CLOUD_ACCESS_KEY_ID=" + EmulatorServer.DEMO_KEY_ID,
      "  export ALIBABA_CLOUD_ACCESS_KEY_SECRET=" + EmulatorServer.DEMO_KEY_SECRET,
      "  dsw list --endpoint http://127.0.0.1:8080 --workspace ALL",
      "  kill %%1",
    })
public final class EmulatorCommand implements Callable<Integer> {
  @Mixin(name = GlobalOptions.MIXIN_NAME)
  GlobalOptions global;

  @Mixin EmulatorOptions options;

  private final Services services;

  EmulatorCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() throws Exception {
    Console console = services.console();
    EmulatorConfig o =
        options
            .builder(services.clock(), services.env().variables())
            .log(line -> console.info(line))
            .build();
    if (!options.loopback()) {
      console.warn("listening on " + o.host() + ": other hosts can reach this emulator");
    }
    try (EmulatorServer server = EmulatorServer.start(o)) {
      console.out().println(server.baseUrl());
      console.out().flush();
      if (services.env().outFailure() != null) { // > /dev/full: no one can learn where it is
        throw new java.io.UncheckedIOException(
            new java.io.IOException(
                "cannot write the emulator's URL to stdout: "
                    + services.env().outFailure().getMessage()));
      }
      server.awaitShutdown();
    }
    return ExitCodes.OK;
  }
}
