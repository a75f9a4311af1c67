package dev.dsw.cli.commands;

import dev.dsw.cli.options.GlobalOptions;
import dev.dsw.cli.options.GroupFormatOptions;
import dev.dsw.cli.run.ExitCodes;
import dev.dsw.cli.run.SavedViews;
import dev.dsw.cli.run.Services;
import dev.dsw.config.ViewFile;
import dev.dsw.listing.Listing;
import dev.dsw.listing.Output;
import dev.dsw.output.Column;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** dsw view list | show NAME: the saved views --view applies, and what each stands for. */
@Command(
    name = "view",
    description =
        "List the saved views (--view NAME on list, summary, idle, top, audit, wait) or show one:"
            + " its flags as a dsw list command line, and where it is defined.",
    subcommands = {ViewCommand.ListViews.class, ViewCommand.Show.class},
    footerHeading = "%nExamples:%n",
    footer = {"  dsw view list", "  dsw view show triage"})
public final class ViewCommand {
  static final List<Column> COLUMNS =
      List.of(
          Column.field("NAME", "Name", false),
          Column.field("COMMAND LINE", "CommandLine", true),
          Column.field("SOURCE", "Source", true));

  @Command(name = "list", description = "List the built-in views and those of your views file.")
  static final class ListViews implements Callable<Integer> {
    @Mixin(name = GlobalOptions.MIXIN_NAME)
    GlobalOptions global;

    @Mixin GroupFormatOptions format;

    private final Services services;

    ListViews(Services services) {
      this.services = services;
    }

    @Override
    public Integer call() {
      Map<String, ViewFile.View> all = SavedViews.all(services.env());
      Output o = new Output(format.format(), null, List.of(), format.headers(), null, false);
      return ExitCodes.of(new Listing(services).print(SavedViews.rows(all), COLUMNS, o));
    }
  }

  @Command(name = "show", description = "Show one view: what it stands for and where it is.")
  static final class Show implements Callable<Integer> {
    @Mixin(name = GlobalOptions.MIXIN_NAME)
    GlobalOptions global;

    @Parameters(paramLabel = "<name>", description = "The view's name.")
    String name;

    @Mixin GroupFormatOptions format;

    private final Services services;

    Show(Services services) {
      this.services = services;
    }

    @Override
    public Integer call() {
      ViewFile.View v = SavedViews.named(name, services.env());
      Output o = new Output(format.format(), null, List.of(), format.headers(), null, false);
      return ExitCodes.of(
          new Listing(services).print(SavedViews.rows(Map.of(v.name(), v)), COLUMNS, o));
    }
  }
}
