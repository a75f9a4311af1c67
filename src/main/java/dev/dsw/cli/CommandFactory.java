package dev.dsw.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.RunLast;

/** Builds the command line: commands get their Services through their constructor; errors go to the one handler. */
public final class CommandFactory implements IFactory {
  private final Services services;

  private CommandFactory(Services services) {
    this.services = services;
  }

  public static CommandLine commandLine(Services services) {
    CommandLine cl = new CommandLine(DswCommand.class, new CommandFactory(services));
    ErrorHandler errors = new ErrorHandler(services);
    cl.registerConverter(dev.dsw.model.InstanceStatus.class, new WireEnumConverter<>(dev.dsw.model.InstanceStatus.class))
        .registerConverter(dev.dsw.model.PaymentType.class, new WireEnumConverter<>(dev.dsw.model.PaymentType.class))
        .registerConverter(dev.dsw.model.Accessibility.class, new WireEnumConverter<>(dev.dsw.model.Accessibility.class))
        .registerConverter(dev.dsw.model.AcceleratorType.class, new WireEnumConverter<>(dev.dsw.model.AcceleratorType.class))
        .registerConverter(dev.dsw.model.SortField.class, new WireEnumConverter<>(dev.dsw.model.SortField.class))
        .registerConverter(dev.dsw.model.SortOrder.class, new WireEnumConverter<>(dev.dsw.model.SortOrder.class))
        .registerConverter(dev.dsw.output.Format.class, new WireEnumConverter<>(dev.dsw.output.Format.class))
        .registerConverter(ColorMode.class, new WireEnumConverter<>(ColorMode.class))
        .registerConverter(CompletionCommand.Shell.class, new WireEnumConverter<>(CompletionCommand.Shell.class));
    cl.setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors)
        .setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(services.env().out(),
            java.nio.charset.StandardCharsets.UTF_8), true))
        .setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(services.env().err(),
            java.nio.charset.StandardCharsets.UTF_8), true))
        .setUsageHelpLongOptionsMaxWidth(28)
        .setExecutionStrategy(parseResult -> {
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
}
