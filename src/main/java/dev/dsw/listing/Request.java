package dev.dsw.listing;

import dev.dsw.api.ListInstancesQuery;
import dev.dsw.api.Pages;
import dev.dsw.output.Query;
import java.util.List;

/**
 * One listing as a command's mixins describe it: the question for the API, the --where expressions
 * for the client, how to page (and, with --page, the one page), what to print, and the --query or
 * --jq to apply to it (null: none), and whose instances (--mine, --owner). list, get, summary, idle
 * and watch all build one and hand it to {@link Listing}.
 */
public record Request(
    ListInstancesQuery query,
    List<String> where,
    Pages.Options paging,
    Integer page,
    Output output,
    Query transform,
    Owners owners) {
  public Request {
    where = List.copyOf(where);
    owners = owners == null ? Owners.ANY : owners;
  }

  /** The same request with another question for the API. */
  public Request withQuery(ListInstancesQuery q) {
    return new Request(q, where, paging, page, output, transform, owners);
  }
}
