package dev.dsw.model;

import java.util.List;

/**
 * The field paths of an instance as the API names them (list-instances.md §4.2 and §4.3): what
 * --columns, --sort-column and --where take besides the built-in columns, and what shell completion
 * offers for them. Arrays of key/value items (Labels, Tags) take a key as the last part
 * (Labels.team), which no fixed list can hold.
 */
public final class Fields {
  public static final List<String> PATHS =
      List.of(
          "WorkspaceId",
          "WorkspaceName",
          "InstanceId",
          "InstanceName",
          "TenantId",
          "Status",
          "ReasonCode",
          "ReasonMessage",
          "EcsSpec",
          "AcceleratorType",
          "Accessibility",
          "PaymentType",
          "ResourceId",
          "ResourceName",
          "Priority",
          "RequestedResource.CPU",
          "RequestedResource.Memory",
          "RequestedResource.SharedMemory",
          "RequestedResource.GPU",
          "RequestedResource.GPUType",
          "ImageId",
          "ImageName",
          "ImageUrl",
          "InstanceUrl",
          "JupyterlabUrl",
          "WebIDEUrl",
          "TerminalUrl",
          "AccumulatedRunningTimeInMs",
          "GmtCreateTime",
          "GmtModifiedTime",
          "UserId",
          "UserName",
          "Labels",
          "Tags",
          "Datasets",
          "CloudDisks",
          "Driver",
          "WorkspaceSource",
          "OversoldType",
          "OversoldInfo",
          "UserVpc.VpcId",
          "UserVpc.VSwitchId",
          "UserVpc.SecurityGroupId",
          "UserVpc.Ip",
          "InstanceShutdownTimer.DueTime",
          "InstanceShutdownTimer.RemainingTimeInMs",
          "IdleInstanceCuller.IdleTimeInMinutes",
          "IdleInstanceCuller.MaxIdleTimeInMinutes",
          "IdleInstanceCuller.CpuPercentThreshold",
          "IdleInstanceCuller.GpuPercentThreshold",
          "LatestSnapshot.ImageName",
          "LatestSnapshot.Status",
          "LatestSnapshot.GmtCreateTime");

  /**
   * Every top-level field of an instance (§4.2): the first part of each of {@link #PATHS}, and the
   * fields completion does not offer (sensitive ones, masked when shown, and nested lists). A
   * column or --where path must begin with one of these.
   */
  public static final java.util.Set<String> TOP =
      java.util.stream.Stream.concat(
              PATHS.stream().map(p -> p.split("\\.", 2)[0]),
              java.util.stream.Stream.of(
                  "ImageAuth",
                  "EnvironmentVariables",
                  "InstanceSnapshotList",
                  "CredentialConfig",
                  "Affinity",
                  "DynamicMount",
                  "ServiceConfig",
                  "RegionId"))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private Fields() {}
}
