/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.binding;

import io.fabric8.kubernetes.api.model.HasMetadata;
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
import io.kubestellar.api.control.v1alpha1.BindingSpec;
import io.kubestellar.api.control.v1alpha1.ControlGroup;
import io.kubestellar.controller.model.binding.BindingContent;
import io.kubestellar.controller.model.binding.BindingSpecPatch;
import io.kubestellar.controller.model.binding.ConditionState;
import io.kubestellar.controller.model.binding.PatchOperation;
import java.net.HttpURLConnection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every write of the binding controller: Binding spec (a JSON Patch of what changed since the copy
 * last read, or a merge patch of the whole spec and the owner reference; only the leader writes
 * it), Binding and policy status (merge patch on the status subresource holding identity,
 * resourceVersion and status only, so a concurrent writer causes a conflict and a retry), Binding
 * deletion, finalizer removal.
 */
final class BindingWriter {

  static final String FIELD_MANAGER = "kubestellar-binding-controller";
  private static final int HTTP_UNPROCESSABLE = 422;

  private final KubernetesClient wds;
  private final BindingMetrics metrics;
  private final PatchContext mergePatch =
      new PatchContext.Builder()
          .withPatchType(PatchType.JSON_MERGE)
          .withFieldManager(FIELD_MANAGER)
          .build();
  private final PatchContext jsonPatch =
      new PatchContext.Builder()
          .withPatchType(PatchType.JSON)
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

  /**
   * Creates the Binding, or brings the spec and owner of the existing one to the content: by a JSON
   * Patch of what differs from {@code current} when the Binding already has the right owner and
   * that patch is smaller than the spec, else by a merge patch of the whole spec and the owner.
   */
  Binding writeBinding(BindingPolicy policy, Binding current, BindingContent content) {
    var spec = BindingSpecs.spec(content);
    if (current != null && ownedBy(current, policy)) {
      var written = patchIncrementally(policy, current, spec, content);
      if (written != null) {
        return written;
      }
    }
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
    metrics.specPatch("full");
    return written;
  }

  /**
   * Sends the JSON Patch from {@code base} to the spec, guarded by a {@code test} of the base's
   * {@code metadata.generation}: the generation moves with every spec change and only then, so the
   * list indexes of the patch are right exactly when the test passes, while status writes (the
   * transport's and this controller's own) do not make the patch fail. A failed test (422), or a
   * conflict, means the base was stale: the patch is computed once more from a fresh read, and a
   * second failure leaves the write to the full merge patch. Returns null when the full write
   * should be made.
   */
  private Binding patchIncrementally(
      BindingPolicy policy, Binding base, BindingSpec spec, BindingContent content) {
    var name = policy.getMetadata().getName();
    var desired = tree(spec);
    for (int attempt = 1; ; attempt++) {
      var generation = base.getMetadata().getGeneration();
      if (generation == null) {
        return null;
      }
      var ops = BindingSpecPatch.plan(generation, tree(base.getSpec()), desired);
      if (ops.isEmpty()) {
        return null; // the change is as large as the Binding
      }
      try {
        var written =
            wds.resources(Binding.class)
                .withName(name)
                .patch(jsonPatch, wds.getKubernetesSerialization().asJson(wire(ops.get())));
        metrics.write("binding", "patch");
        metrics.specPatch("incremental");
        return written;
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT && e.getCode() != HTTP_UNPROCESSABLE) {
          throw e;
        }
        metrics.specPatchStale();
        if (attempt == 2) {
          return null;
        }
      }
      base = wds.resources(Binding.class).withName(name).get();
      if (base == null || !ownedBy(base, policy)) {
        return null;
      }
      if (BindingSpecs.content(base.getSpec()).equals(content)) {
        return base; // someone else wrote the same content meanwhile
      }
    }
  }

  private Map<String, Object> tree(BindingSpec spec) {
    if (spec == null) {
      return null;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> tree = wds.getKubernetesSerialization().convertValue(spec, Map.class);
    return tree;
  }

  private static List<Map<String, Object>> wire(List<PatchOperation> ops) {
    return ops.stream().map(PatchOperation::wire).toList();
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
    return patchStatus(Binding.class, current, status, "binding_status");
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
    return patchStatus(BindingPolicy.class, current, status, "policy_status");
  }

  /** Merge-patches {@code .status} through the status subresource, guarded by resourceVersion. */
  private <T extends HasMetadata> T patchStatus(
      Class<T> kind, T current, Map<String, Object> status, String metric) {
    var written =
        wds.resources(kind)
            .withName(current.getMetadata().getName())
            .subresource("status")
            .patch(mergePatch, statusPatch(current.getMetadata(), status));
    metrics.write(metric, "patch");
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
