/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Whether a Binding with some content fits into one etcd object. etcd refuses a request larger than
 * its {@code --max-request-bytes} (1.5 MiB by default) with a bare "request is too large"; checking
 * first lets the policy say how large the Binding would be and what to do.
 */
public final class BindingSize {

  /** etcd's default {@code --max-request-bytes}: 1.5 MiB. */
  public static final long ETCD_LIMIT_BYTES = 1_572_864;

  /** Room kept for the Binding's metadata (managed fields, owner) and its status. */
  static final long RESERVE_BYTES = 32_768;

  private BindingSize() {}

  /** The length of the Binding spec's JSON, as the API server stores it (escapes aside). */
  public static long specBytes(BindingContent content) {
    long objects = 0;
    for (var entry : content.objects().entrySet()) {
      objects += entryBytes(entry.getKey(), entry.getValue()) + 1;
    }
    long destinations = 0;
    for (var cluster : content.destinations()) {
      destinations += JsonLength.of(java.util.Map.of("clusterId", cluster)) + 1;
    }
    // {"workload":{"clusterScope":[...],"namespaceScope":[...]},"destinations":[...]}
    return 70 + objects + destinations;
  }

  private static long entryBytes(ObjectRef ref, BoundObject bound) {
    var entry = new LinkedHashMap<String, Object>();
    entry.put("group", ref.group());
    entry.put("version", bound.version());
    entry.put("resource", ref.resource());
    if (!ref.clusterScoped()) {
      entry.put("namespace", ref.namespace());
    }
    entry.put("name", ref.name());
    entry.put("resourceVersion", bound.resourceVersion());
    var m = bound.modulation();
    if (m.createOnly()) {
      entry.put("createOnly", true);
    }
    if (!m.statusCollectors().isEmpty()) {
      entry.put("statusCollectors", List.copyOf(m.statusCollectors()));
    }
    if (m.wantSingletonReportedState()) {
      entry.put("wantSingletonReportedState", true);
    }
    if (m.wantMultiWecReportedState()) {
      entry.put("wantMultiWECReportedState", true);
    }
    return JsonLength.of(entry);
  }

  /**
   * The outcome to report instead of writing, when the Binding would not fit under {@code
   * limitBytes}; empty when it fits.
   */
  public static Optional<SyncOutcome> check(BindingContent content, long limitBytes) {
    long bytes = specBytes(content) + RESERVE_BYTES;
    if (bytes <= limitBytes) {
      return Optional.empty();
    }
    return Optional.of(
        SyncOutcome.bindingTooLarge(
            "The Binding would be about "
                + bytes
                + " bytes, over the "
                + limitBytes
                + "-byte limit etcd puts on one object: it lists "
                + content.objects().size()
                + " objects for "
                + content.destinations().size()
                + " clusters. It was not written, so the clusters keep what the Binding"
                + " delivered before. Split the policy into several policies that each select"
                + " fewer objects (for example by namespace or label)"));
  }
}
