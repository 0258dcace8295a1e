/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.reconciler.customtransform;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.kubestellar.api.control.v1alpha1.CustomTransform;
import io.kubestellar.model.GroupResource;
import io.kubestellar.runtime.TokenBucket;
import io.kubestellar.runtime.controller.ExternalTriggers;
import io.kubestellar.runtime.controller.TryAgain;
import io.kubestellar.transport.reconciler.Events;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each CustomTransform's status (§5.1, D15): {@code observedGeneration}, an error per
 * unusable path and the warning about several transforms naming one resource. Keyed by group and
 * resource, since a change to one transform can change the warnings of the others: a JOSDK
 * reconciler of CustomTransforms whose {@code siblings} event source brings back every transform of
 * a group and resource when one of them changes or goes.
 */
public final class CustomTransformStatusReconciler implements Reconciler<CustomTransform> {

  private static final Logger LOG = LoggerFactory.getLogger(CustomTransformStatusReconciler.class);
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private final KubernetesClient wds;
  private final CustomTransforms customTransforms;
  private final TokenBucket writes;
  private final Events events;

  public CustomTransformStatusReconciler(
      KubernetesClient wds,
      CustomTransforms customTransforms,
      TokenBucket writes,
      Events events,
      ExternalTriggers<CustomTransform> siblings) {
    this.siblings = siblings;
    this.wds = wds;
    this.customTransforms = customTransforms;
    this.writes = writes;
    this.events = events;
  }

  private final ExternalTriggers<CustomTransform> siblings;

  @Override
  public List<EventSource<?, CustomTransform>> prepareEventSources(
      EventSourceContext<CustomTransform> context) {
    return List.of(siblings);
  }

  @Override
  public UpdateControl<CustomTransform> reconcile(
      CustomTransform customTransform, Context<CustomTransform> context) {
    if (!reconcile(CustomTransforms.groupResource(customTransform))) {
      throw new TryAgain("cannot write every CustomTransform status");
    }
    return UpdateControl.noUpdate();
  }

  /**
   * Brings the status of every CustomTransform naming {@code groupResource} up to date; false when
   * a write failed.
   */
  boolean reconcile(GroupResource groupResource) {
    var rules = customTransforms.rules(groupResource);
    boolean failed = false;
    for (var entry : rules.statuses().entrySet()) {
      var ct = customTransforms.get(entry.getKey());
      if (ct == null) {
        continue;
      }
      var desired = entry.getValue();
      var current = ct.getStatus();
      if (current != null
          && Objects.equals(current.observedGeneration(), desired.observedGeneration())
          && Objects.equals(nonNull(current.errors()), desired.errors())
          && Objects.equals(nonNull(current.warnings()), desired.warnings())) {
        continue;
      }
      Map<String, Object> status = new LinkedHashMap<>();
      status.put("observedGeneration", desired.observedGeneration());
      status.put("errors", desired.errors().isEmpty() ? null : desired.errors());
      status.put("warnings", desired.warnings().isEmpty() ? null : desired.warnings());
      var patch = new LinkedHashMap<String, Object>();
      patch.put("metadata", Map.of("resourceVersion", ct.getMetadata().getResourceVersion()));
      patch.put("status", status);
      try {
        writes.acquire();
        wds.resources(CustomTransform.class)
            .withName(ct.getMetadata().getName())
            .subresource("status")
            .patch(PatchContext.of(PatchType.JSON_MERGE), JSON.asJson(patch));
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 && e.getCode() != 404) {
          LOG.atWarn()
              .setMessage("cannot write CustomTransform status")
              .addKeyValue("customTransform", ct.getMetadata().getName())
              .addKeyValue("error", e.getMessage())
              .log();
        }
        failed = true;
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      if (!desired.errors().isEmpty()) {
        events.warning(
            ct,
            "InvalidRemovePath",
            String.join("; ", desired.errors()) + " (the other paths still apply)");
      }
    }
    return !failed;
  }

  private static List<String> nonNull(List<String> list) {
    return list == null ? List.of() : list;
  }
}
