package dev.dsw.cli;

import dev.dsw.cli.options.GlobalOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * How every help page is laid out, after gh's: usage, description, the arguments, the subcommands,
 * the command's own options, then the options every command takes under "Global options:", the exit
 * codes (on dsw --help only) and the examples. Examples are printed as written, never wrapped: a
 * command line broken inside a path cannot be pasted.
 */
final class HelpLayout {
  private static final String GLOBAL_HEADING = "globalOptionListHeading";
  private static final String GLOBAL_LIST = "globalOptionList";
  private static final List<String> ORDER =
      List.of(
          UsageMessageSpec.SECTION_KEY_HEADER_HEADING,
          UsageMessageSpec.SECTION_KEY_HEADER,
          UsageMessageSpec.SECTION_KEY_SYNOPSIS_HEADING,
          UsageMessageSpec.SECTION_KEY_SYNOPSIS,
          UsageMessageSpec.SECTION_KEY_DESCRIPTION_HEADING,
          UsageMessageSpec.SECTION_KEY_DESCRIPTION,
          UsageMessageSpec.SECTION_KEY_PARAMETER_LIST_HEADING,
          UsageMessageSpec.SECTION_KEY_PARAMETER_LIST,
          UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING,
          UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
          UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING,
          UsageMessageSpec.SECTION_KEY_OPTION_LIST,
          GLOBAL_HEADING,
          GLOBAL_LIST,
          UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING,
          UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST,
          UsageMessageSpec.SECTION_KEY_FOOTER_HEADING,
          UsageMessageSpec.SECTION_KEY_FOOTER);

  private HelpLayout() {}

  /**
   * Lays out the help of one command, when its help is about to be printed (from the help factory):
   * a run that prints no help builds none of this.
   */
  static void apply(UsageMessageSpec usage) {
    Map<String, IHelpSectionRenderer> sections = new HashMap<>(usage.sectionMap());
    sections.put(
        UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING,
        help -> own(help).isEmpty() ? "" : String.format("%nOptions:%n"));
    sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, help -> list(help, own(help)));
    sections.put(
        UsageMessageSpec.SECTION_KEY_PARAMETER_LIST_HEADING,
        help ->
            help.commandSpec().positionalParameters().isEmpty()
                ? ""
                : String.format("%nArguments:%n"));
    sections.put(
        UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING,
        help -> help.commandSpec().subcommands().isEmpty() ? "" : String.format("%nCommands:%n"));
    sections.put(GLOBAL_HEADING, help -> String.format("%nGlobal options:%n"));
    sections.put(GLOBAL_LIST, help -> list(help, global(help)));
    sections.put(
        UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING,
        help -> isRoot(help) ? help.exitCodeListHeading() : "");
    sections.put(
        UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST,
        help -> isRoot(help) ? help.exitCodeList() : "");
    sections.put(UsageMessageSpec.SECTION_KEY_FOOTER, HelpLayout::footer);
    sections.put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, WordWrapTable::commands);
    sections.put(
        UsageMessageSpec.SECTION_KEY_DESCRIPTION,
        help -> WordWrapTable.text(help, help.commandSpec().usageMessage().description()));
    usage.sectionMap(sections);
    usage.sectionKeys(ORDER);
  }

  private static boolean isRoot(Help help) {
    return help.commandSpec().parent() == null;
  }

  /** The options of the global mixin, and -h/--help and -V/--version, which every command takes. */
  private static Set<OptionSpec> globals(CommandSpec spec) {
    Set<OptionSpec> globals = new HashSet<>();
    CommandSpec mixin = spec.mixins().get(GlobalOptions.MIXIN_NAME);
    if (mixin != null) {
      globals.addAll(mixin.options());
    }
    for (OptionSpec o : spec.options()) {
      if (o.usageHelp() || o.versionHelp()) {
        globals.add(o);
      }
    }
    return globals;
  }

  private static List<OptionSpec> own(Help help) {
    return shown(help, false);
  }

  private static List<OptionSpec> global(Help help) {
    return shown(help, true);
  }

  /** The visible options of the command that are global, or that are its own. */
  private static List<OptionSpec> shown(Help help, boolean global) {
    Set<OptionSpec> globals = globals(help.commandSpec());
    List<OptionSpec> shown = new ArrayList<>();
    for (OptionSpec o : help.commandSpec().options()) {
      if (!o.hidden() && globals.contains(o) == global) {
        shown.add(o);
      }
    }
    return shown;
  }

  private static String list(Help help, List<OptionSpec> options) {
    return options.isEmpty()
        ? ""
        : help.optionListExcludingGroups(
            options, WordWrapTable.layout(help), null, help.parameterLabelRenderer());
  }

  /**
   * The footer lines as written, never wrapped (they are examples), but formatted as picocli and
   * its man page generator format them: {@code %%} is a percent sign.
   */
  private static String footer(Help help) {
    StringBuilder b = new StringBuilder();
    for (String line : help.commandSpec().usageMessage().footer()) {
      b.append(String.format(line)).append(System.lineSeparator());
    }
    return b.toString();
  }
}
