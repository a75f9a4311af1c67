package dev.dsw.api;

import dev.dsw.model.InstancePage;

/** The DSW API as dsw uses it. */
public interface DswClient extends AutoCloseable {
  /** Returns one page of ListInstances for the query (its PageNumber/PageSize). */
  InstancePage listInstances(ListInstancesQuery query);

  /** Returns the signed request for the query, redacted, without sending it. */
  String dryRun(ListInstancesQuery query);

  @Override
  default void close() {}
}
