package dev.dsw.cli;

import dev.dsw.cli.run.SavedViews;
import dev.dsw.cli.run.UsageException;
import dev.dsw.cli.terminal.Environment;
import dev.dsw.config.ViewFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * --view NAME: a named set of flags put on the command line before the user's own, which win: a
 * flag the user gave replaces the view's. The built-in views, then the user's file ({@link
 * ViewFile}), which may redefine them. The file is read only when a command line names a view (or
 * dsw view asks), so a broken file breaks nothing else.
 */
public final class Views {
  /**
   * The command line with the view of its --view spelled out, or null when it names none: the
   * view's flags right after the command's name, less those the user gave, and --view itself gone.
   * A flag the command does not take, or a word that is no flag's value, is a usage error naming
   * the view's file and line.
   */
  static String[] expand(ParseResult parsed, String[] args, Environment env) {
    ParseResult sub = parsed.subcommand();
    if (sub == null || !sub.hasMatchedOption("--view")) {
      return null;
    }
    ViewFile.View view = SavedViews.named(sub.matchedOptionValue("--view", ""), env);
    Set<String> given = new HashSet<>();
    for (ParseResult p : List.of(parsed, sub)) {
      p.matchedOptions().forEach(o -> given.addAll(Arrays.asList(o.names())));
    }
    List<String> flags = new ArrayList<>();
    List<String> words = view.args();
    String command = sub.commandSpec().qualifiedName();
    for (int k = 0; k < words.size(); k++) {
      String word = words.get(k);
      String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
      OptionSpec o = word.startsWith("-") ? sub.commandSpec().findOption(name) : null;
      if (o == null || name.equals("--view")) {
        throw new UsageException(
            "view "
                + view.name()
                + " ("
                + view.source()
                + "): "
                + (word.startsWith("-")
                    ? command + " has no flag " + dev.dsw.model.Inert.printableShort(name)
                    : "'" + dev.dsw.model.Inert.printableShort(word) + "' is not a flag"),
            "see '" + command + " --help'");
      }
      boolean takesValue = o.arity().max() > 0 && !word.contains("=");
      if (takesValue && k + 1 >= words.size()) {
        throw new UsageException(
            "view " + view.name() + " (" + view.source() + "): " + name + " needs a value", null);
      }
      boolean overridden = Arrays.stream(o.names()).anyMatch(given::contains);
      if (!overridden) {
        flags.add(word);
        if (takesValue) {
          flags.add(words.get(k + 1));
        }
      }
      k += takesValue ? 1 : 0;
    }
    return spliced(args, sub, flags);
  }

  /** The arguments without --view, the flags inserted after the command's name. */
  private static String[] spliced(String[] args, ParseResult sub, List<String> flags) {
    Set<String> names = new HashSet<>(Arrays.asList(sub.commandSpec().aliases()));
    names.add(sub.commandSpec().name());
    List<String> out = new ArrayList<>();
    boolean inserted = false;
    for (int k = 0; k < args.length; k++) {
      if (args[k].equals("--view")) {
        k++; // and its value
        continue;
      }
      if (args[k].startsWith("--view=")) {
        continue;
      }
      out.add(args[k]);
      if (!inserted && names.contains(args[k])) {
        out.addAll(flags);
        inserted = true;
      }
    }
    return out.toArray(String[]::new);
  }
}
