package dev.dsw.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.model.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ListInstances (list-instances.md): {@code GET /api/v2/instances}, also under {@code /REGION/}
 * with --regions. The query is read and checked by {@link Selection} (filters, sort, paging); the
 * fleet is served as it stands now ({@link Timelines}); a truncating fault cuts the body in half.
 */
final class ListInstancesRoute {
  static final String PATH = "/api/v2/instances";

  private final Gateway gateway;
  private final Timelines timelines;
  private final String defaultWorkspace;
  private final int maxPageSize;

  ListInstancesRoute(
      Gateway gateway, Timelines timelines, String defaultWorkspace, int maxPageSize) {
    this.gateway = gateway;
    this.timelines = timelines;
    this.defaultWorkspace = defaultWorkspace;
    this.maxPageSize = maxPageSize;
  }

  int answer(Gateway.Call call, String path, InstanceStore fleet) throws IOException {
    Gateway.Fault faulted = gateway.admit(call, "GET", path, "ListInstances");
    if (faulted.status() != null) {
      return faulted.status();
    }
    Selection selection;
    try {
      selection = new Selection(call.query(), defaultWorkspace, maxPageSize);
    } catch (ValidationError e) {
      return Gateway.invalid(call, e);
    }
    List<ObjectNode> matches = matches(timelines.now(fleet.snapshot()), call.query(), selection);
    byte[] bytes = page(call.requestId(), matches, selection);
    return Gateway.send(
        call.ex(), 200, bytes, call.requestId(), faulted.kind() == Faults.Kind.TRUNCATE);
  }

  /**
   * The same object ObjectMapper would write, with each instance serialised once and kept, and the
   * page put together in one array of its exact size: serving a 100,000-instance fleet page by page
   * then costs the emulator next to nothing beside the client it serves.
   */
  private byte[] page(String requestId, List<ObjectNode> matches, Selection selection) {
    long from = (long) (selection.pageNumber - 1) * selection.pageSize;
    byte[] head =
        ("{\"RequestId\":\""
                + requestId
                + "\",\"Success\":true,\"Code\":\"200\",\"Message\":\"\","
                + "\"HttpStatusCode\":200,\"TotalCount\":"
                + matches.size()
                + ",\"Instances\":[")
            .getBytes(StandardCharsets.UTF_8);
    int end = (int) Math.min(matches.size(), from + selection.pageSize);
    int first = (int) Math.min(from, end);
    byte[][] items = new byte[end - first][];
    int length = head.length + 2 + Math.max(0, items.length - 1);
    for (int i = 0; i < items.length; i++) {
      items[i] = serialized(matches.get(first + i));
      length += items[i].length;
    }
    byte[] bytes = new byte[length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    int at = head.length;
    for (int i = 0; i < items.length; i++) {
      if (i > 0) {
        bytes[at++] = ',';
      }
      System.arraycopy(items[i], 0, bytes, at, items[i].length);
      at += items[i].length;
    }
    bytes[at++] = ']';
    bytes[at] = '}';
    return bytes;
  }

  /**
   * Instances as JSON bytes, by identity: a fleet's nodes are never changed in place (updates
   * replace them).
   */
  private final Map<ObjectNode, byte[]> serialized =
      java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

  private byte[] serialized(ObjectNode instance) {
    byte[] b = serialized.get(instance);
    if (b == null) {
      try {
        b = Json.MAPPER.writeValueAsBytes(Timelines.served(instance));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      serialized.put(instance, b);
    }
    return b;
  }

  /**
   * A selection and the fleet list it was made from (compared by identity: updates replace the
   * list).
   */
  private record Selected(List<ObjectNode> fleet, List<ObjectNode> matches) {}

  /**
   * The last selections, by fleet and filters (not paging): paging a big fleet filters and sorts it
   * once.
   */
  private final Map<String, Selected> selections =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Selected> eldest) {
          return size() > 16;
        }
      };

  private List<ObjectNode> matches(
      List<ObjectNode> fleet, Map<String, String> query, Selection selection) {
    Map<String, String> filters = new java.util.TreeMap<>(query);
    filters.remove("PageNumber");
    filters.remove("PageSize");
    String key = System.identityHashCode(fleet) + "/" + filters; // one entry per region's fleet
    synchronized (selections) {
      Selected cached = selections.get(key);
      if (cached != null && cached.fleet() == fleet) {
        return cached.matches();
      }
    }
    List<ObjectNode> fresh = selection.select(fleet);
    synchronized (selections) {
      selections.put(key, new Selected(fleet, fresh));
    }
    return fresh;
  }
}
