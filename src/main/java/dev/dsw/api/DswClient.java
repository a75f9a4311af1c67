package dev.dsw.api;

import dev.dsw.model.InstancePage;

/** The DSW API as dsw uses it. */
public interface DswClient extends AutoCloseable {
  /** Returns one page of ListInstances for the query (its PageNumber/PageSize). */
  InstancePage listInstances(ListInstancesQuery query);

  /**
   * The workspace-level auto-shutdown conditions of these instances (QueryAutoShutdownPolicies,
   * batched): instance ID → conditions; an instance without a policy is absent.
   */
  default java.util.Map<String, java.util.List<AutoShutdownPolicies.Condition>>
      autoShutdownPolicies(java.util.List<String> instanceIds) {
    throw new UnsupportedOperationException("this client does not call QueryAutoShutdownPolicies");
  }

  /** Returns the signed request for the query, redacted, without sending it. */
  String dryRun(ListInstancesQuery query);

  /**
   * A client whose pages keep only these top-level instance fields (null: all), for listings that
   * print a few columns. Others may ignore it and return themselves.
   */
  default DswClient projecting(java.util.Set<String> instanceFields) {
    return projecting(instanceFields, dev.dsw.model.JsonText.Render.NONE);
  }

  /**
   * As {@link #projecting(java.util.Set)}, and unless {@code render} is NONE each instance also
   * carries its whole JSON ({@link dev.dsw.model.Instance#json()}), for listings that print whole
   * instances. Others may ignore it and return themselves.
   */
  default DswClient projecting(
      java.util.Set<String> instanceFields, dev.dsw.model.JsonText.Render render) {
    return this;
  }

  @Override
  default void close() {}
}
