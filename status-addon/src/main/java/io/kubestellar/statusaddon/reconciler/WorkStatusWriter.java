/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubestellar.api.control.v1alpha1.WorkStatus;
import io.kubestellar.runtime.TokenBucket;
import io.kubestellar.statusaddon.model.DesiredWorkStatus;
import io.kubestellar.statusaddon.model.WorkStatusChanges;
import io.kubestellar.statusaddon.reconciler.AgentMetrics.Write;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Makes the agent's writes to WorkStatuses in the ITS: create, JSON Patch of metadata/spec, JSON
 * Patch of the status subresource (replacing {@code .status} whole), delete. Every write passes the
 * rate limiter and is counted.
 */
public final class WorkStatusWriter {

  private static final PatchContext JSON_PATCH = PatchContext.of(PatchType.JSON);

  private final MixedOperation<WorkStatus, ?, Resource<WorkStatus>> workStatuses;
  private final String clusterNamespace;
  private final KubernetesClient its;
  private final TokenBucket limiter;
  private final AgentMetrics metrics;
  private final WorkStatuses cache;

  public WorkStatusWriter(
      KubernetesClient its,
      String clusterNamespace,
      TokenBucket limiter,
      AgentMetrics metrics,
      WorkStatuses cache) {
    this.its = its;
    this.workStatuses = its.resources(WorkStatus.class);
    this.clusterNamespace = clusterNamespace;
    this.limiter = limiter;
    this.metrics = metrics;
    this.cache = cache;
  }

  /** The WEC's namespace in the ITS, where this writes. */
  String clusterNamespace() {
    return clusterNamespace;
  }

  /** Creates the WorkStatus (without status: the API server ignores it on create). */
  void create(DesiredWorkStatus desired) throws InterruptedException {
    var json = new java.util.LinkedHashMap<>(desired.toJson());
    json.remove("status");
    var object = its.getKubernetesSerialization().convertValue(json, WorkStatus.class);
    var created =
        write(
            Write.CREATE,
            () -> workStatuses.inNamespace(clusterNamespace).resource(object).create());
    cache.recordWrite(created);
  }

  /** Patches labels, owner, spec and statusDetails as the changes say. */
  void patchMain(DesiredWorkStatus desired, WorkStatusChanges changes) throws InterruptedException {
    var patch = json(changes.mainPatch(desired));
    var patched = write(Write.UPDATE, () -> named(desired.name()).patch(JSON_PATCH, patch));
    cache.recordWrite(patched);
  }

  /** Replaces {@code .status} through the status subresource. */
  void patchStatus(DesiredWorkStatus desired) throws InterruptedException {
    var patch = json(WorkStatusChanges.statusPatch(desired));
    var patched =
        write(
            Write.UPDATE_STATUS,
            () -> named(desired.name()).subresource("status").patch(JSON_PATCH, patch));
    cache.recordWrite(patched);
  }

  /** Deletes a WorkStatus; one already gone counts as deleted. */
  void delete(WorkStatus existing) throws InterruptedException {
    var name = existing.getMetadata().getName();
    write(Write.DELETE, () -> named(name).delete());
    cache.recordDelete(name, existing.getMetadata().getUid());
  }

  /** The WorkStatus of this name in the WEC's namespace. */
  private Resource<WorkStatus> named(String name) {
    return workStatuses.inNamespace(clusterNamespace).withName(name);
  }

  private String json(List<Map<String, Object>> ops) {
    return its.getKubernetesSerialization().asJson(ops);
  }

  private <T> T write(Write kind, Supplier<T> call) throws InterruptedException {
    limiter.acquire();
    try {
      var result = call.get();
      metrics.written(kind);
      return result;
    } catch (KubernetesClientException e) {
      metrics.writeFailed(kind);
      throw e;
    }
  }
}
