package dev.dsw.model;

/** The 15 instance statuses of list-instances.md §3.1, spelled as on the wire. */
public enum InstanceStatus {
  Creating,
  SaveFailed,
  Stopped,
  Failed,
  ResourceAllocating,
  Stopping,
  Updating,
  Saving,
  Queuing,
  Recovering,
  Starting,
  Running,
  Saved,
  Deleting,
  EnvPreparing
}
