package dev.dsw.cli;

import dev.dsw.cli.commands.CompletionCommand;
import dev.dsw.cli.options.GlobalOptions;
import dev.dsw.cli.options.WireEnumConverter;
import dev.dsw.cli.run.ExitCodes;
import dev.dsw.cli.run.Failure;
import dev.dsw.cli.run.Services;
import dev.dsw.cli.terminal.ColorMode;
import dev.dsw.cli.terminal.Environment;
import dev.dsw.cli.terminal.WatchedOutput;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.RunLast;

/**
 * Builds the command line: commands get their Services through their constructor; errors go to the
 * one handler.
 */
public final class CommandFactory implements IFactory {
  private final Services services;

  private CommandFactory(Services services) {
    this.services = services;
  }

  /**
   * One run of dsw in this environment, returning its exit code: a kept help page when one fits
   * ({@link HelpPages}), else the command line these arguments need.
   */
  public static int run(Environment env, String... args) {
    // picocli's own diagnostics ("[picocli WARN] ...") are not dsw's one-line errors
    CommandLine.tracer().setLevel(CommandLine.TraceLevel.OFF);
    try (Services services = new Services(env)) {
      HelpPages help = HelpPages.request(services, args);
      int code;
      if (help != null && help.printKept()) {
        code = 0;
      } else {
        CommandLine cl = commandLine(services, args);
        try {
          code = help == null ? cl.execute(args) : help.executeAndKeep(cl, args);
        } catch (StackOverflowError e) {
          // input nested deeper than any bound dsw checks explicitly: one line, not 1,000
          services.console().error("the input is nested too deeply to process");
          ErrorHandler.trace(services.console(), e);
          code = ExitCodes.API;
        }
      }
      env.out().flush(); // only now is every failure to write stdout known
      java.io.IOException failure = env.outFailure();
      if (failure != null && code == ExitCodes.OK && !WatchedOutput.readerGone(failure)) {
        services.console().error(Failure.stdoutFailure(failure.getMessage()));
        return ExitCodes.API;
      }
      return code;
    }
  }

  /** The whole command tree (completion scripts and tests need it all). */
  public static CommandLine commandLine(Services services) {
    CommandFactory factory = new CommandFactory(services);
    CommandLine cl = new CommandLine(DswCommand.class, factory);
    for (Class<?> sub : DswCommand.SUBCOMMANDS) {
      cl.addSubcommand(new CommandLine(sub, factory));
    }
    cl.addSubcommand(new CommandLine(CommandLine.HelpCommand.class, factory));
    return configure(cl, services);
  }

  /**
   * Only what these arguments need, since building picocli's model of a command costs time at every
   * start: the root and the one subcommand named, or, when none is (dsw --help, a typo), the root
   * with name-and-description stand-ins for every subcommand. If a stand-in is ever chosen by the
   * parser after all, or the line has a usage error, the whole tree is built and the line parsed
   * again.
   */
  public static CommandLine commandLine(Services services, String[] args) {
    Class<?> target = Lazy.target(args);
    if (target == CompletionCommand.class || target == CommandLine.HelpCommand.class) {
      return commandLine(services); // the scripts describe every command; help shows any of them
    }
    CommandFactory factory = new CommandFactory(services);
    CommandLine cl = new CommandLine(DswCommand.class, factory);
    if (target != null) {
      // the named command alone: every CommandLine picocli builds, a stand-in too, registers its
      // ~30 built-in converters, partly by reflection (about 20 ms for the eight others)
      cl.addSubcommand(new CommandLine(target, factory));
    } else {
      for (Class<?> sub : DswCommand.SUBCOMMANDS) {
        cl.addSubcommand(Lazy.standIn(sub));
      }
      cl.addSubcommand(Lazy.standIn(CommandLine.HelpCommand.class));
    }
    configure(cl, services);
    picocli.CommandLine.IParameterExceptionHandler errors = cl.getParameterExceptionHandler();
    cl.setParameterExceptionHandler(
        (e, a) ->
            target != null || e.getCommandLine().getCommandSpec().userObject() == null
                // a usage error is reported by the whole tree, so that it reads the same however
                // the line was parsed
                ? commandLine(services).execute(args)
                : errors.handleParseException(e, a));
    cl.setExecutionStrategy(
        parseResult -> {
          if (Lazy.isStandIn(parseResult)) {
            return commandLine(services).execute(args);
          }
          String[] viewed;
          try {
            viewed = Views.expand(parseResult, args, services.env());
          } catch (dev.dsw.cli.run.UsageException e) {
            // to the execution handler, as a command's own usage error goes: one line, exit 2
            throw new picocli.CommandLine.ExecutionException(
                parseResult.commandSpec().commandLine(), e.getMessage(), e);
          }
          if (viewed != null) {
            return commandLine(services, viewed).execute(viewed);
          }
          Invocation.check(parseResult);
          services.configure(GlobalOptions.effective(parseResult));
          return new RunLast().execute(parseResult);
        });
    return cl;
  }

  private static CommandLine configure(CommandLine cl, Services services) {
    ErrorHandler errors = new ErrorHandler(services);
    cl.registerConverter(
            dev.dsw.model.InstanceStatus.class,
            new WireEnumConverter<>(dev.dsw.model.InstanceStatus.class))
        .registerConverter(
            dev.dsw.model.PaymentType.class,
            new WireEnumConverter<>(dev.dsw.model.PaymentType.class))
        .registerConverter(
            dev.dsw.model.Accessibility.class,
            new WireEnumConverter<>(dev.dsw.model.Accessibility.class))
        .registerConverter(
            dev.dsw.model.AcceleratorType.class,
            new WireEnumConverter<>(dev.dsw.model.AcceleratorType.class))
        .registerConverter(
            dev.dsw.model.SortField.class, new WireEnumConverter<>(dev.dsw.model.SortField.class))
        .registerConverter(
            dev.dsw.model.SortOrder.class, new WireEnumConverter<>(dev.dsw.model.SortOrder.class))
        .registerConverter(
            dev.dsw.output.Format.class, new WireEnumConverter<>(dev.dsw.output.Format.class))
        .registerConverter(ColorMode.class, new WireEnumConverter<>(ColorMode.class))
        .registerConverter(Integer.class, dev.dsw.cli.options.WholeNumberConverter.INT)
        .registerConverter(int.class, dev.dsw.cli.options.WholeNumberConverter.INT)
        .registerConverter(Long.class, dev.dsw.cli.options.WholeNumberConverter.LONG)
        .registerConverter(long.class, dev.dsw.cli.options.WholeNumberConverter.LONG)
        .registerConverter(
            CompletionCommand.Shell.class, new WireEnumConverter<>(CompletionCommand.Shell.class));
    cl.setCaseInsensitiveEnumValuesAllowed(true)
        // no @argument files: "@/proc/self/environ" is a value like any other, never a file read
        .setExpandAtFiles(false)
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors)
        .setOut(
            new java.io.PrintWriter(
                new java.io.OutputStreamWriter(
                    services.env().out(), java.nio.charset.StandardCharsets.UTF_8),
                true))
        .setErr(
            new java.io.PrintWriter(
                new java.io.OutputStreamWriter(
                    services.env().err(), java.nio.charset.StandardCharsets.UTF_8),
                true))
        .setUsageHelpLongOptionsMaxWidth(28)
        .setHelpFactory(
            (spec, scheme) -> {
              spec.usageMessage().width(HelpPages.helpWidth(services.console().width()));
              spec.usageMessage()
                  .abbreviateSynopsis(true); // "Usage: dsw list [OPTIONS]", as gh prints [flags]
              HelpLayout.apply(spec.usageMessage());
              return new CommandLine.Help(spec, scheme);
            })
        .setExecutionStrategy(
            parseResult -> {
              Invocation.check(parseResult);
              services.configure(GlobalOptions.effective(parseResult));
              return new RunLast().execute(parseResult);
            });
    return cl;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    try {
      Constructor<K> withServices = type.getDeclaredConstructor(Services.class);
      withServices.setAccessible(true);
      return withServices.newInstance(services);
    } catch (NoSuchMethodException e) {
      return CommandLine.defaultFactory().create(type);
    }
  }

  /** Finding the subcommand in raw arguments, and stand-ins that cost nothing to build. */
  static final class Lazy {
    private Lazy() {}

    /**
     * The subcommand class the first positional argument names, skipping global options and their
     * values.
     */
    static Class<?> target(String[] args) {
      Set<String> takesValue = new HashSet<>();
      for (Field f : GlobalOptions.class.getDeclaredFields()) {
        Option o = f.getAnnotation(Option.class);
        if (o != null && f.getType() != Boolean.class && f.getType() != boolean.class) {
          takesValue.addAll(java.util.List.of(o.names()));
        }
      }
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--")) {
          return null;
        }
        if (a.startsWith("-")) {
          if (takesValue.contains(a)) {
            i++;
          }
          continue;
        }
        if (a.equals("help")) {
          return CommandLine.HelpCommand.class;
        }
        for (Class<?> sub : DswCommand.SUBCOMMANDS) {
          Command c = sub.getAnnotation(Command.class);
          if (c.name().equals(a) || java.util.Arrays.asList(c.aliases()).contains(a)) {
            return sub;
          }
        }
        return null;
      }
      return null;
    }

    /**
     * A subcommand with only its name, aliases and description: enough for the root's help and typo
     * hints.
     */
    static CommandLine standIn(Class<?> sub) {
      Command c = sub.getAnnotation(Command.class);
      CommandSpec spec = CommandSpec.create().name(c.name()).aliases(c.aliases());
      spec.usageMessage().header(c.header()).description(c.description());
      return new CommandLine(spec);
    }

    static boolean isStandIn(CommandLine.ParseResult parseResult) {
      for (CommandLine line : parseResult.asCommandLineList()) {
        if (line.getCommandSpec().userObject() == null) {
          return true;
        }
      }
      return false;
    }
  }
}
