package dev.dsw.cli.run;

import dev.dsw.model.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a listing narrows by besides --where, decided once when it starts: whose instances (--mine,
 * --owner: {@link Ownership}), the GPU type and the workspace as people name them ({@link
 * GpuTypeChoice}, {@link WorkspaceChoice}). Each goes to the server when it can; {@code filter}
 * holds what only dsw can test.
 *
 * @param request the request with the server's share in its query
 * @param filter what is tested on each instance read
 * @param owners checked once the listing is written (a name nobody had)
 * @param clientSide the flags that {@code filter} tests, as the empty-answer line names them
 */
record Narrowing(
    Request request, Predicate<Instance> filter, Ownership owners, List<String> clientSide) {
  static Narrowing of(Request r, Services services) {
    Ownership owned = Ownership.of(r.owners(), services);
    GpuTypeChoice gpus = GpuTypeChoice.of(r.query(), services);
    List<String> client = new ArrayList<>();
    java.util.stream.Stream.of(gpus.clientSide(), owned.clientSide())
        .filter(java.util.Objects::nonNull)
        .forEach(client::add);
    return new Narrowing(
        r.withQuery(WorkspaceChoice.resolve(gpus.query(owned.query(r.query())), services)),
        owned.and(gpus),
        owned,
        List.copyOf(client));
  }
}
