package dev.dsw.model;

import java.util.List;

/**
 * One page of ListInstances: the instances on it, the total across all pages, and the RequestId.
 */
public record InstancePage(String requestId, long totalCount, List<Instance> instances) {}
