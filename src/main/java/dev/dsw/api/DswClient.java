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

  /**
   * One metric of one instance over [start, end] asked for every {@code step} (GetInstanceMetrics,
   * in calls of at most a day): each pod's points, joined.
   */
  default InstanceMetrics.Series instanceMetrics(
      String instanceId,
      dev.dsw.model.MetricType type,
      java.time.Instant start,
      java.time.Instant end,
      java.time.Duration step) {
    throw new UnsupportedOperationException("this client does not call GetInstanceMetrics");
  }

  /** The GPU types the region offers, as the API spells them (ListEcsSpecs, every page). */
  default java.util.SortedSet<String> gpuTypes() {
    throw new UnsupportedOperationException("this client does not call ListEcsSpecs");
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
