/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubestellar.controller.model.status.JsonEquality;
import io.kubestellar.controller.model.status.reported.ReportedStatePlan;
import java.util.Map;
import java.util.Set;

/**
 * Carries out a {@link ReportedStatePlan} on one WDS object, in the order that keeps restarts safe
 * (§6.6): marker labels added before the status is written, removed only after it was cleared.
 * Labels go through a JSON merge patch of {@code metadata.labels} only; the status through a JSON
 * patch that replaces {@code /status} as a whole, on the status subresource when the kind has one,
 * else on the object (so keys that disappeared are removed, unlike upstream's merge patch, L15).
 * Neither carries a resourceVersion: both are complete statements of what we want.
 */
final class ReportedStateWriter {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final KubernetesClient wds;
  private final ObjectMapper json;
  private final StatusMetrics metrics;

  ReportedStateWriter(KubernetesClient wds, ObjectMapper json, StatusMetrics metrics) {
    this.wds = wds;
    this.json = json;
    this.metrics = metrics;
  }

  /**
   * Applies the plan.
   *
   * @return whether anything was written
   */
  boolean apply(
      WorkloadObjects.Kind kind, GenericKubernetesResource object, ReportedStatePlan plan) {
    boolean wrote = false;
    if (!plan.labelsToSet().isEmpty()) {
      patchLabels(kind, object, plan.labelsToSet(), Set.of());
      wrote = true;
    }
    if (plan.action() != ReportedStatePlan.Action.NONE) {
      var current = currentStatus(object);
      var target = plan.status() == null ? NODES.objectNode() : plan.status();
      if (!JsonEquality.equal(current, target)) {
        writeStatus(kind, object, target);
        wrote = true;
      }
    }
    if (!plan.labelsToRemove().isEmpty()) {
      patchLabels(kind, object, Map.of(), plan.labelsToRemove());
      wrote = true;
    }
    return wrote;
  }

  JsonNode currentStatus(GenericKubernetesResource object) {
    var status = object.getAdditionalProperties().get("status");
    return status == null ? null : json.valueToTree(status);
  }

  private void patchLabels(
      WorkloadObjects.Kind kind,
      GenericKubernetesResource object,
      Map<String, String> set,
      Set<String> remove) {
    ObjectNode labels = NODES.objectNode();
    set.forEach(labels::put);
    remove.forEach(labels::putNull);
    var patch = NODES.objectNode();
    patch.putObject("metadata").set("labels", labels);
    try {
      resource(kind, object).patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
      metrics.write("labels");
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
      // The object is gone: nothing left to label.
    }
  }

  private void writeStatus(
      WorkloadObjects.Kind kind, GenericKubernetesResource object, ObjectNode status) {
    var op = NODES.objectNode();
    op.put("op", "add"); // "add" on an existing member replaces it, and works when it is absent
    op.put("path", "/status");
    op.set("value", status);
    var patch = NODES.arrayNode().add(op).toString();
    try {
      var resource = resource(kind, object);
      if (kind.hasStatusSubresource()) {
        resource.subresource("status").patch(PatchContext.of(PatchType.JSON), patch);
      } else {
        resource.patch(PatchContext.of(PatchType.JSON), patch);
      }
      metrics.write("status");
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
    }
  }

  private io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource> resource(
      WorkloadObjects.Kind kind, GenericKubernetesResource object) {
    var ops = wds.genericKubernetesResources(kind.context());
    var ns = object.getMetadata().getNamespace();
    return ns == null || ns.isEmpty()
        ? ops.withName(object.getMetadata().getName())
        : ops.inNamespace(ns).withName(object.getMetadata().getName());
  }
}
