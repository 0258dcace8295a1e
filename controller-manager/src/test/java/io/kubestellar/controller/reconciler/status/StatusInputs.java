/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.status;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
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
import io.kubestellar.controller.reconciler.binding.CrdInstaller;
import io.kubestellar.localenv.EnvironmentSpec;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.ToolPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes the status controller's inputs directly, as the binding controller and the status agent
 * would: Bindings (owned by an inert BindingPolicy) and Deployments in the WDS, WorkStatuses in the
 * ITS mailbox namespaces. Test support for the status controller's integration tests.
 */
final class StatusInputs {

  static final ResourceDefinitionContext BINDING_POLICIES =
      new ResourceDefinitionContext.Builder()
          .withGroup("control.kubestellar.io")
          .withVersion("v1alpha1")
          .withPlural("bindingpolicies")
          .withKind("BindingPolicy")
          .withNamespaced(false)
          .build();

  private final KubernetesClient wds;
  private final KubernetesClient its;

  StatusInputs(KubernetesClient wds, KubernetesClient its) {
    this.wds = wds;
    this.its = its;
  }

  /** WDS {@code wds1} and ITS {@code its1} (no WECs needed), with the KubeStellar CRDs. */
  static LocalEnvironment startSpaces(String dir) {
    var env =
        LocalEnvironment.start(
            EnvironmentSpec.defaults(Path.of("target", dir).toAbsolutePath()).withWecs(List.of()),
            ToolPaths.fromEnvironment());
    CrdInstaller.ensure(env.client("wds1"));
    installWorkStatusCrd(env.client("its1"));
    return env;
  }

  private static void installWorkStatusCrd(KubernetesClient its) {
    var path = "META-INF/fabric8/workstatuses.control.kubestellar.io-v1.yml";
    try (InputStream in = StatusInputs.class.getClassLoader().getResourceAsStream(path)) {
      var crd = its.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
      its.apiextensions().v1().customResourceDefinitions().resource(crd).serverSideApply();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      var current =
          its.apiextensions()
              .v1()
              .customResourceDefinitions()
              .withName("workstatuses.control.kubestellar.io")
              .get();
      if (current != null
          && current.getStatus() != null
          && current.getStatus().getConditions() != null
          && current.getStatus().getConditions().stream()
              .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()))) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new IllegalStateException("WorkStatus CRD not established in the ITS");
  }

  void namespace(KubernetesClient client, String name) {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .serverSideApply();
  }

  Deployment deployment(String namespace, String name, int replicas) {
    namespace(wds, namespace);
    return wds.apps()
        .deployments()
        .inNamespace(namespace)
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .addToLabels("app.kubernetes.io/name", name)
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector()
                .addToMatchLabels("app", name)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", name)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("c")
                .withImage("nginx")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();
  }

  /** A BindingPolicy that no controller acts on here; it only provides the owner UID. */
  String policy(String name) {
    var policy =
        wds.genericKubernetesResources(BINDING_POLICIES)
            .resource(
                new GenericKubernetesResourceBuilder()
                    .withApiVersion("control.kubestellar.io/v1alpha1")
                    .withKind("BindingPolicy")
                    .withNewMetadata()
                    .withName(name)
                    .endMetadata()
                    .withAdditionalProperties(Map.of("spec", Map.of()))
                    .build())
            .serverSideApply();
    return policy.getMetadata().getUid();
  }

  /** What a Binding says about one Deployment. */
  record Entry(
      String namespace, String name, List<String> collectors, boolean singleton, boolean multi) {}

  /** Creates or replaces the Binding of policy {@code name}. */
  Binding binding(String name, String policyUid, List<String> destinations, List<Entry> entries) {
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
                        "1",
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
  WorkStatus report(
      String wec, String binding, String namespace, String name, Map<String, Object> status) {
    namespace(its, wec);
    var wsName = "amw-" + wec + "-appsv1-deployment-" + namespace + "-" + name;
    var ops = its.resources(WorkStatus.class).inNamespace(wec);
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

  void deleteReport(String wec, String namespace, String name) {
    its.resources(WorkStatus.class)
        .inNamespace(wec)
        .withName("amw-" + wec + "-appsv1-deployment-" + namespace + "-" + name)
        .delete();
  }

  /** A Deployment status as a WEC reports it. */
  static Map<String, Object> deploymentStatus(
      int replicas, int available, String availableCondition) {
    var status = new java.util.LinkedHashMap<String, Object>();
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
