package dev.dsw.cli;

import dev.dsw.api.ListInstancesQuery;
import dev.dsw.api.Pages;
import dev.dsw.model.Instance;
import dev.dsw.output.Format;
import dev.dsw.output.Formatter;
import dev.dsw.output.InstanceColumns;
import dev.dsw.output.OutputSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** dsw get: instances by ID, in full. Looks in every workspace and resource group unless told otherwise. */
@Command(name = "get", aliases = "describe", sortOptions = false,
    description = {"Show instances in full: resources, image, network, storage, timers, idle culler, snapshots, "
        + "labels and tags, environment (masked) and URLs. Any -o format of list works too.",
        "An ID that is not found is reported on stderr and the exit code is 5; the others are still shown."},
    footerHeading = "%nExamples:%n",
    footer = {
      "  dsw get dsw-7a3c91e0b2f4d561",
      "  dsw get dsw-aaa dsw-bbb -o json",
    })
final class GetCommand implements Callable<Integer> {
  @Mixin(name = GlobalOptions.MIXIN_NAME)
  GlobalOptions global;

  @Mixin
  OutputOptions output;

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "<instance-id>", description = "Instance IDs (dsw-…), also comma-separated.")
  List<String> ids = new ArrayList<>();

  @Option(names = "--workspace", paramLabel = "<id|ALL>", description = "Look only in this workspace. Default: ALL.")
  String workspace = "ALL";

  @Option(names = "--resource-id", paramLabel = "<id|ALL>", description = "Look only in this resource group. Default: ALL.")
  String resourceId = "ALL";

  private final Services services;

  GetCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    Set<String> wanted = new LinkedHashSet<>();
    FilterOptions.checkText(spec.commandLine(), "--workspace", workspace);
    FilterOptions.checkText(spec.commandLine(), "--resource-id", resourceId);
    for (String arg : ids) {
      FilterOptions.checkText(spec.commandLine(), "instance ID", arg);
      for (String id : arg.split(",")) {
        if (!id.isBlank()) {
          wanted.add(id.trim());
        }
      }
    }
    if (wanted.isEmpty()) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no instance ID given");
    }
    ListInstancesQuery query = ListInstancesQuery.builder().instanceIds(List.copyOf(wanted)).workspaceId(workspace)
        .resourceId(resourceId).build();
    Console console = services.console();
    Format format = output.format(Format.detail);
    InstanceColumns known = new InstanceColumns(services.clock());
    Fetch fetch = new Fetch(services);
    OutputSpec outSpec = output.spec(console, known, format, services.multiRegion());
    if (services.dryRun(query.page(1, PagingOptions.MAX_PAGE_SIZE))) {
      return ExitCodes.OK;
    }
    Map<String, Instance> found = new LinkedHashMap<>();
    fetch.all(query, new Pages.Options(PagingOptions.MAX_PAGE_SIZE, 4, 0), i -> wanted.contains(i.id()),
        i -> found.putIfAbsent(i.id(), i));
    Formatter formatter = format.formatter(outSpec);
    formatter.begin();
    List<String> missing = new ArrayList<>();
    for (String id : wanted) {
      Instance i = found.get(id);
      if (i != null) {
        formatter.row(i);
      } else {
        missing.add(id);
      }
    }
    formatter.end();
    fetch.complete();
    if (!missing.isEmpty()) {
      String where = (workspace.equals("ALL") ? "any workspace" : "workspace " + workspace)
          + (resourceId.equals("ALL") ? "" : ", resource group " + resourceId);
      throw new NotFoundException("instance" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
          + " not found in " + where + (services.multiRegion() ? " of the regions asked" : " of this region"),
          "check the ID with 'dsw list --workspace ALL --resource-id ALL', or pass --region");
    }
    return ExitCodes.OK;
  }
}
