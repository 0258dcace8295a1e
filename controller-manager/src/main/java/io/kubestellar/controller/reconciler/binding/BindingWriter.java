/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.binding;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubestellar.api.WireNames;
import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.api.control.v1alpha1.BindingPolicy;
import io.kubestellar.api.control.v1alpha1.ControlGroup;
import io.kubestellar.controller.model.binding.BindingContent;
import io.kubestellar.controller.model.binding.ConditionState;
import java.net.HttpURLConnection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every write of the binding controller: Binding spec (merge patch of the whole spec and the owner
 * reference; only the leader writes it), Binding and policy status (merge patch on the status
 * subresource holding identity, resourceVersion and status only, so a concurrent writer causes a
 * conflict and a retry), Binding deletion, finalizer removal.
 */
final class BindingWriter {

  static final String FIELD_MANAGER = "kubestellar-binding-controller";

  private final KubernetesClient wds;
  private final BindingMetrics metrics;
  private final PatchContext mergePatch =
      new PatchContext.Builder()
          .withPatchType(PatchType.JSON_MERGE)
          .withFieldManager(FIELD_MANAGER)
          .build();

  BindingWriter(KubernetesClient wds, BindingMetrics metrics) {
    this.wds = wds;
    this.metrics = metrics;
  }

  /** The owner reference a Binding carries: controller ref to its policy (spec §3.8). */
  static OwnerReference ownerReference(BindingPolicy policy) {
    return new OwnerReferenceBuilder()
        .withApiVersion(ControlGroup.API_VERSION)
        .withKind("BindingPolicy")
        .withName(policy.getMetadata().getName())
        .withUid(policy.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(false)
        .build();
  }

  /** Whether the Binding has exactly the owner reference this policy gives it. */
  static boolean ownedBy(Binding binding, BindingPolicy policy) {
    var refs = binding.getMetadata().getOwnerReferences();
    return refs != null && refs.size() == 1 && refs.get(0).equals(ownerReference(policy));
  }

  /** Whether the Binding is controlled by some BindingPolicy (so it is ours to clean up). */
  static boolean controlledByAPolicy(Binding binding) {
    var refs = binding.getMetadata().getOwnerReferences();
    return refs != null
        && refs.stream()
            .anyMatch(
                r ->
                    Boolean.TRUE.equals(r.getController())
                        && "BindingPolicy".equals(r.getKind())
                        && r.getApiVersion() != null
                        && r.getApiVersion().startsWith(ControlGroup.GROUP + "/"));
  }

  /** Creates the Binding, or replaces the spec and owner of the existing one. */
  Binding writeBinding(BindingPolicy policy, Binding current, BindingContent content) {
    var spec = BindingSpecs.spec(content);
    if (current == null) {
      var binding = new Binding(policy.getMetadata().getName(), spec);
      binding.getMetadata().setOwnerReferences(List.of(ownerReference(policy)));
      try {
        var created = wds.resources(Binding.class).resource(binding).create();
        metrics.write("binding", "create");
        return created;
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
          throw e;
        }
        // Exists already (our cache is behind): patch it below.
      }
    }
    var patch = new LinkedHashMap<String, Object>();
    patch.put("metadata", Map.of("ownerReferences", List.of(ownerReference(policy))));
    patch.put("spec", wds.getKubernetesSerialization().convertValue(spec, Map.class));
    var written =
        wds.resources(Binding.class)
            .withName(policy.getMetadata().getName())
            .patch(mergePatch, wds.getKubernetesSerialization().asJson(patch));
    metrics.write("binding", "patch");
    return written;
  }

  /** Writes the Binding's conditions, keeping its observedGeneration and errors. */
  Binding writeBindingStatus(Binding current, List<ConditionState> conditions) {
    var status = new LinkedHashMap<String, Object>();
    var observed =
        current.getStatus() == null || current.getStatus().observedGeneration() == null
            ? 0L
            : current.getStatus().observedGeneration();
    status.put("observedGeneration", observed);
    status.put("conditions", BindingSpecs.wire(conditions));
    var written =
        wds.resources(Binding.class)
            .withName(current.getMetadata().getName())
            .subresource("status")
            .patch(mergePatch, statusPatch(current.getMetadata(), status));
    metrics.write("binding_status", "patch");
    return written;
  }

  /** Writes the policy's observedGeneration, conditions and errors. */
  BindingPolicy writePolicyStatus(
      BindingPolicy current,
      long generation,
      List<ConditionState> conditions,
      List<String> errors) {
    var status = new LinkedHashMap<String, Object>();
    status.put("observedGeneration", generation);
    status.put("conditions", BindingSpecs.wire(conditions));
    status.put("errors", errors);
    var written =
        wds.resources(BindingPolicy.class)
            .withName(current.getMetadata().getName())
            .subresource("status")
            .patch(mergePatch, statusPatch(current.getMetadata(), status));
    metrics.write("policy_status", "patch");
    return written;
  }

  private String statusPatch(ObjectMeta meta, Map<String, Object> status) {
    var patch = new LinkedHashMap<String, Object>();
    patch.put(
        "metadata", Map.of("name", meta.getName(), "resourceVersion", meta.getResourceVersion()));
    patch.put("status", status);
    return wds.getKubernetesSerialization().asJson(patch);
  }

  /** Deletes a Binding whose policy is gone (for WDSes without garbage collection). */
  void deleteBinding(Binding binding) {
    wds.resources(Binding.class).withName(binding.getMetadata().getName()).delete();
    metrics.write("binding", "delete");
  }

  /**
   * Removes the upstream binding controller's finalizer from a policy being deleted; this
   * controller needs no finalizer (it deletes Bindings whose policy is gone) but must not leave a
   * policy stuck that an upstream controller marked.
   */
  void removeFinalizer(BindingPolicy policy) {
    var finalizers = new java.util.ArrayList<>(policy.getMetadata().getFinalizers());
    finalizers.remove(WireNames.BINDING_POLICY_FINALIZER);
    var patch =
        Map.of(
            "metadata",
            Map.of(
                "resourceVersion",
                policy.getMetadata().getResourceVersion(),
                "finalizers",
                finalizers));
    wds.resources(BindingPolicy.class)
        .withName(policy.getMetadata().getName())
        .patch(mergePatch, wds.getKubernetesSerialization().asJson(patch));
    metrics.write("policy", "patch");
  }
}
