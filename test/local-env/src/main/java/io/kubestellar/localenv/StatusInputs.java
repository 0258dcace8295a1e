/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.localenv;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubestellar.api.WireNames;
import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.api.control.v1alpha1.BindingSpec;
import io.kubestellar.api.control.v1alpha1.Destination;
import io.kubestellar.api.control.v1alpha1.DownsyncObjectClauses;
import io.kubestellar.api.control.v1alpha1.NamespaceScopeDownsyncClause;
import io.kubestellar.api.control.v1alpha1.ReportedStatus;
import io.kubestellar.api.control.v1alpha1.SourceRef;
import io.kubestellar.api.control.v1alpha1.WorkStatus;
import io.kubestellar.api.control.v1alpha1.WorkStatusSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the status controller's inputs directly, as the binding controller and the status agent
 * would: Bindings (owned by an inert BindingPolicy) and Deployments in the WDS, WorkStatuses in the
 * ITS mailbox namespaces. For the status controller's integration tests and the benchmark that
 * measures it alone.
 */
public final class StatusInputs {

  private final KubernetesClient wds;
  private final KubernetesClient its;

  public StatusInputs(KubernetesClient wds, KubernetesClient its) {
    this.wds = wds;
    this.its = its;
  }

  /** WDS {@code wds1} and ITS {@code its1} (no WECs needed), with the KubeStellar CRDs. */
  public static LocalEnvironment startSpaces(String dir) {
    var env = LocalEnvironment.start(EnvironmentSpec.underTarget(dir).withoutWecs());
    Crds.installKubeStellar(env.client("wds1"), env.client("its1"));
    return env;
  }

  /** Creates a Deployment {@code namespace/name} (and its namespace) in the WDS. */
  public Deployment deployment(String namespace, String name, int replicas) {
    SpaceObjects.namespace(wds, namespace);
    return wds.apps()
        .deployments()
        .inNamespace(namespace)
        .resource(
            SpaceObjects.deployment(
                namespace, name, replicas, Map.of("app.kubernetes.io/name", name), "c", "nginx"))
        .create();
  }

  /** A BindingPolicy that no controller acts on here; it only provides the owner UID. */
  public String policy(String name) {
    return SpaceObjects.bindingPolicy(wds, name, Map.of()).getMetadata().getUid();
  }

  /** What a Binding says about one Deployment. */
  public record Entry(
      String namespace,
      String name,
      String resourceVersion,
      List<String> collectors,
      boolean singleton,
      boolean multi) {

    /** An entry of the Deployment's resource version {@code 1}. */
    public Entry(
        String namespace, String name, List<String> collectors, boolean singleton, boolean multi) {
      this(namespace, name, "1", collectors, singleton, multi);
    }
  }

  /** Creates or replaces the Binding of policy {@code name}. */
  public Binding binding(
      String name, String policyUid, List<String> destinations, List<Entry> entries) {
    var clauses =
        entries.stream()
            .map(
                e ->
                    new NamespaceScopeDownsyncClause(
                        "apps",
                        "v1",
                        "deployments",
                        e.namespace(),
                        e.name(),
                        e.resourceVersion(),
                        null,
                        e.collectors().isEmpty() ? null : e.collectors(),
                        e.singleton() ? true : null,
                        e.multi() ? true : null))
            .toList();
    var binding =
        new Binding(
            name,
            new BindingSpec(
                new DownsyncObjectClauses(null, clauses),
                destinations.stream().map(Destination::new).toList()));
    binding.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withOwnerReferences(
                new OwnerReferenceBuilder()
                    .withApiVersion("control.kubestellar.io/v1alpha1")
                    .withKind("BindingPolicy")
                    .withName(name)
                    .withUid(policyUid)
                    .withController(true)
                    .build())
            .build());
    var existing = wds.resources(Binding.class).withName(name).get();
    if (existing == null) {
      return wds.resources(Binding.class).resource(binding).create();
    }
    binding.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
    return wds.resources(Binding.class).resource(binding).update();
  }

  /** Creates or updates the WorkStatus cluster {@code wec} reports for a Deployment. */
  public WorkStatus report(
      String wec, String binding, String namespace, String name, Map<String, Object> status) {
    SpaceObjects.namespace(its, wec);
    return writeReport(wec, binding, namespace, name, status);
  }

  /** {@link #report} where the WEC's mailbox namespace is known to exist: one read, one write. */
  public WorkStatus writeReport(
      String wec, String binding, String namespace, String name, Map<String, Object> status) {
    var ops = its.resources(WorkStatus.class).inNamespace(wec);
    var wsName = workStatusName(wec, namespace, name);
    var existing = ops.withName(wsName).get();
    if (existing == null) {
      var ws = new WorkStatus();
      ws.setMetadata(
          new ObjectMetaBuilder()
              .withName(wsName)
              .withNamespace(wec)
              .addToLabels(WireNames.ORIGIN_WDS_LABEL, "wds1")
              .addToLabels(WireNames.ORIGIN_BINDING_LABEL, binding)
              .build());
      ws.setSpec(
          new WorkStatusSpec(
              new SourceRef("apps", "v1", "deployments", "Deployment", namespace, name)));
      existing = ops.resource(ws).create();
    }
    existing.setStatus(new ReportedStatus(status));
    return ops.resource(existing).updateStatus();
  }

  /** Deletes the WorkStatus cluster {@code wec} reports for a Deployment. */
  public void deleteReport(String wec, String namespace, String name) {
    its.resources(WorkStatus.class)
        .inNamespace(wec)
        .withName(workStatusName(wec, namespace, name))
        .delete();
  }

  private static String workStatusName(String wec, String namespace, String name) {
    return "amw-" + wec + "-appsv1-deployment-" + namespace + "-" + name;
  }

  /** A Deployment status as a WEC reports it. */
  public static Map<String, Object> deploymentStatus(
      int replicas, int available, String availableCondition) {
    var status = new LinkedHashMap<String, Object>();
    status.put("observedGeneration", 1);
    status.put("replicas", replicas);
    status.put("updatedReplicas", replicas);
    status.put("readyReplicas", available);
    status.put("availableReplicas", available);
    if (replicas > available) {
      status.put("unavailableReplicas", replicas - available);
    }
    status.put(
        "conditions",
        List.of(
            Map.of(
                "type",
                "Available",
                "status",
                availableCondition,
                "reason",
                "True".equals(availableCondition)
                    ? "MinimumReplicasAvailable"
                    : "MinimumReplicasUnavailable",
                "message",
                "")));
    return status;
  }
}
