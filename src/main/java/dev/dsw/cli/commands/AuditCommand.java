package dev.dsw.cli.commands;

import dev.dsw.cli.options.AuditOptions;
import dev.dsw.cli.options.FilterOptions;
import dev.dsw.cli.options.GlobalOptions;
import dev.dsw.cli.options.GroupFormatOptions;
import dev.dsw.cli.options.PagingOptions;
import dev.dsw.cli.options.QueryOptions;
import dev.dsw.cli.options.StatusOptions;
import dev.dsw.cli.run.ExitCodes;
import dev.dsw.cli.run.Services;
import dev.dsw.listing.Listing;
import dev.dsw.listing.Output;
import dev.dsw.listing.Request;
import dev.dsw.output.Audit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** dsw audit: exposure checks over the matching instances, one finding per instance and check. */
@Command(
    name = "audit",
    sortOptions = false,
    description = {
      "Check the matching instances for exposure (Internet ports, secret-looking variables,"
          + " injected or stored credentials, weak notebook auth, read-write shared mounts, custom"
          + " images, unguarded GPUs, workspace-wide visibility): one finding per instance and"
          + " check, most severe first, secrets named, never shown. --fail-on makes it exit 6."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  dsw audit",
      "  dsw audit --checks",
      "  dsw audit --min-severity medium --skip DSW-IMG-01",
      "  dsw audit --fail-on high -o json",
    })
public final class AuditCommand implements Callable<Integer> {
  @Mixin(name = GlobalOptions.MIXIN_NAME)
  GlobalOptions global;

  @Mixin AuditOptions audit;

  @Mixin QueryOptions query;

  @Mixin StatusOptions status;

  @Mixin FilterOptions filters;

  @Mixin PagingOptions paging;

  @Mixin GroupFormatOptions format;

  private final Services services;

  AuditCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    Output output = new Output(format.format(), null, List.of(), format.headers(), null, false);
    if (audit.listChecks) {
      return ExitCodes.of(
          new Listing(services).print(Audit.checkRows(), Audit.checkColumns(), output));
    }
    Findings findings = Findings.of(services, audit);
    Request request =
        new Request(
            filters.query().statuses(status.statuses()).build(),
            filters.where(),
            paging.options(0),
            null,
            output,
            query.query(),
            filters.owners());
    return ExitCodes.of(new Listing(services).run(request, findings));
  }
}
