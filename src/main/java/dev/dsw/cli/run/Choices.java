package dev.dsw.cli.run;

import dev.dsw.listing.Narrowing;
import dev.dsw.listing.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The listing's {@link Narrowing}, as this run decides it: whose instances ({@link Ownership}), the
 * GPU type and the workspace as people name them ({@link GpuTypeChoice}, {@link WorkspaceChoice}).
 * Each may ask a service (STS, ListEcsSpecs, a listing) or its kept answer.
 */
final class Choices {
  private Choices() {}

  static Narrowing of(Request r, Services services) {
    Ownership owned = Ownership.of(r.owners(), services);
    GpuTypeChoice gpus = GpuTypeChoice.of(r.query(), services);
    List<String> client = new ArrayList<>();
    Stream.of(gpus.clientSide(), owned.clientSide()).filter(Objects::nonNull).forEach(client::add);
    return new Narrowing(
        r.withQuery(WorkspaceChoice.resolve(gpus.query(owned.query(r.query())), services)),
        owned.and(gpus),
        owned.fields(),
        client,
        rows -> owned.check(rows, services));
  }
}
