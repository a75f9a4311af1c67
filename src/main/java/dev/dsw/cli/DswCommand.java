package dev.dsw.cli;

import dev.dsw.cli.commands.AuditCommand;
import dev.dsw.cli.commands.CompletionCommand;
import dev.dsw.cli.commands.ConfigCommand;
import dev.dsw.cli.commands.EmulatorCommand;
import dev.dsw.cli.commands.GetCommand;
import dev.dsw.cli.commands.IdleCommand;
import dev.dsw.cli.commands.ListInstancesCommand;
import dev.dsw.cli.commands.SummaryCommand;
import dev.dsw.cli.commands.TopCommand;
import dev.dsw.cli.commands.VersionCommand;
import dev.dsw.cli.commands.ViewCommand;
import dev.dsw.cli.commands.WaitCommand;
import dev.dsw.cli.options.GlobalOptions;
import dev.dsw.cli.run.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: global options and the subcommand tree; it runs nothing itself. */
@Command(
    name = "dsw",
    scope = picocli.CommandLine.ScopeType.INHERIT, // -h/--help (and -V) on every subcommand too
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Find, filter and report on Alibaba Cloud PAI-DSW notebook instances.",
      "",
      "Credentials come from the environment (ALIBABA_CLOUD_ACCESS_KEY_ID and",
      "ALIBABA_CLOUD_ACCESS_KEY_SECRET), ~/.aliyun/config.json or",
      "~/.alibabacloud/credentials, as for the aliyun CLI.",
      "No account? Every example works with --demo: dsw --demo list"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Success; also when the reader of the output went away (| head), which stops dsw at once.",
      "1:The API or the network failed, the response was malformed, or stdout could not be"
          + " written.",
      "2:Usage error: unknown flag or bad value; nothing was sent.",
      "3:Output is incomplete: part of the result failed after retries (or, for top and idle,"
          + " some instances could not be measured).",
      "4:Credentials are missing, unusable or were rejected.",
      "5:An instance asked for by ID was not found (dsw get).",
      "6:dsw audit --fail-on: a finding at least that severe.",
      "7:dsw wait: the timeout passed before the condition was met.",
      "8:dsw wait: an instance reached a terminal failure.",
      "130:Interrupted by Ctrl-C (also how list --watch ends); csv and jsonl keep the rows"
          + " fetched.",
    },
    footerHeading = "%n",
    footer = "Docs: README.md and docs/ in the dsw repository.")
final class DswCommand implements Runnable {
  /** The subcommands, in help order; CommandFactory adds only the one a command line needs. */
  static final java.util.List<Class<?>> SUBCOMMANDS =
      java.util.List.of(
          ListInstancesCommand.class,
          GetCommand.class,
          SummaryCommand.class,
          IdleCommand.class,
          TopCommand.class,
          AuditCommand.class,
          WaitCommand.class,
          ViewCommand.class,
          VersionCommand.class,
          EmulatorCommand.class,
          CompletionCommand.class,
          ConfigCommand.class);

  @Mixin(name = GlobalOptions.MIXIN_NAME)
  GlobalOptions global;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "missing command (try: dsw --demo list)");
  }
}
