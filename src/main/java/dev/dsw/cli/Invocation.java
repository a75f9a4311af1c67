package dev.dsw.cli;

import dev.dsw.cli.options.GlobalOptions;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Rules every command line obeys, checked once after parsing and before anything runs (red team,
 * issue #23): no empty value and no empty item in a comma-separated list (`--workspace ''` and
 * `dsw-1,,dsw-2` used to mean "no filter"), nothing after --version, and no two flags that
 * contradict each other. A breach is a usage error (exit 2) that names the flag.
 */
final class Invocation {
  private Invocation() {}

  static void check(ParseResult parseResult) {
    for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
      CommandLine cl = pr.commandSpec().commandLine();
      for (ArgSpec arg : pr.matchedArgs()) {
        String name = arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
        String split = arg.splitRegex();
        for (String value : arg.originalStringValues()) {
          if (value.isEmpty()) {
            throw new ParameterException(cl, name + " needs a value; an empty one is not allowed");
          }
          if (!split.isEmpty()) {
            for (String item : value.split(split, -1)) {
              if (item.isEmpty()) {
                throw new ParameterException(
                    cl, name + " '" + value + "' has an empty item; list values as a,b,c");
              }
            }
          }
        }
      }
      if (pr.isVersionHelpRequested() && parseResult.originalArgs().size() > 1) {
        throw new ParameterException(cl, "--version takes no arguments and no other options");
      }
    }
    GlobalOptions g = GlobalOptions.effective(parseResult);
    CommandLine top = parseResult.commandSpec().commandLine();
    if (g.isVpc() && g.endpoint() != null) {
      throw new ParameterException(
          top,
          "--vpc and --endpoint contradict each other: --vpc picks the VPC endpoint of the"
              + " region, --endpoint names one");
    }
    if (g.isDemo() && (g.endpoint() != null || g.isVpc())) {
      throw new ParameterException(
          top,
          "--demo runs against a built-in emulator; it takes no "
              + (g.isVpc() ? "--vpc" : "--endpoint"));
    }
  }
}
