package dev.dsw.listing;

import dev.dsw.model.Instance;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

/**
 * What a listing narrows by besides --where, decided once when it starts (by the {@link Session}):
 * whose instances (--mine, --owner), the GPU type and the workspace as people name them. Each goes
 * to the server when it can; {@code filter} holds what only dsw can test.
 *
 * @param request the request with the server's share in its query
 * @param filter what is tested on each instance read
 * @param fields the top-level fields {@code filter} reads
 * @param clientSide the flags that {@code filter} tests, as the empty-answer line names them
 * @param written told how many rows were written (to name an owner nobody had)
 */
public record Narrowing(
    Request request,
    Predicate<Instance> filter,
    Set<String> fields,
    List<String> clientSide,
    IntConsumer written) {
  public Narrowing {
    fields = Set.copyOf(fields);
    clientSide = List.copyOf(clientSide);
  }
}
