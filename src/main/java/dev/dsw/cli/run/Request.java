package dev.dsw.cli.run;

import dev.dsw.api.ListInstancesQuery;
import dev.dsw.api.Pages;
import dev.dsw.output.Query;
import java.util.List;

/**
 * One listing as a command's mixins describe it: the question for the API, the --where expressions
 * for the client, how to page (and, with --page, the one page), what to print, and the --query or
 * --jq to apply to it (null: none). list, get, summary, idle and watch all build one and hand it to
 * {@link Listing}.
 */
public record Request(
    ListInstancesQuery query,
    List<String> where,
    Pages.Options paging,
    Integer page,
    Output output,
    Query transform) {
  public Request {
    where = List.copyOf(where);
  }

  /** The same request printed another way. */
  public Request withOutput(Output o) {
    return new Request(query, where, paging, page, o, transform);
  }
}
