/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.transport;

import static io.kubestellar.e2e.transport.TransportE2eEnvironment.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue #5's acceptance, end to end: the controller-manager and the transport controller run as
 * their own processes on the local environment with the real OCM work agent, and a user drives
 * everything with kubectl in the WDS.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransportAcceptanceIT {

  @AutoClose private static TransportE2eEnvironment env;

  @BeforeAll
  static void start() {
    env = new TransportE2eEnvironment("transport-acceptance-it");
  }

  @Test
  @Order(1)
  void aPolicyForEdgeClustersDeliversADeploymentAndItsNamespaceThatBecomeAvailable() {
    env.apply(
        "wds1",
        namespaceYaml("web", "app: web") + "---\n" + deploymentYaml("web", "web", "nginx:1"));
    env.apply("wds1", policy("web", "location-group: edge", "app: web", false));
    awaitInEachCluster("web Available in", cluster -> available(cluster, "web", "web"));
  }

  @Test
  @Order(2)
  void anEditInTheWdsReachesBothClusters() {
    env.kubectl("wds1", "-n", "web", "set", "image", "deployment/web", "c=nginx:2");
    awaitInEachCluster("nginx:2 in", cluster -> "nginx:2".equals(image(cluster, "web", "web")));
  }

  @Test
  @Order(3)
  void removingTheLabelFromTheObjectRemovesItFromTheClusters() {
    env.kubectl("wds1", "-n", "web", "label", "deployment/web", "app-");
    awaitInEachCluster("web gone from", cluster -> deployment(cluster, "web", "web") == null);
    env.kubectl("wds1", "-n", "web", "label", "deployment/web", "app=web");
    await("web back in cluster1")
        .atMost(TIMEOUT)
        .until(() -> deployment("cluster1", "web", "web") != null);
  }

  @Test
  @Order(4)
  void aPolicyForOneClusterLeavesTheOtherAloneAndRelabellingMovesIt() {
    deliverToCluster1("solo", "nginx:1", false);
    assertThat(deployment("cluster2", "solo", "solo")).isNull();
    env.kubectl("its1", "label", "managedcluster/cluster1", "name=elsewhere", "--overwrite");
    env.kubectl("its1", "label", "managedcluster/cluster2", "name=cluster1", "--overwrite");
    await("solo moved to cluster2")
        .atMost(TIMEOUT)
        .until(
            () ->
                deployment("cluster2", "solo", "solo") != null
                    && deployment("cluster1", "solo", "solo") == null);
    env.kubectl("its1", "label", "managedcluster/cluster1", "name=cluster1", "--overwrite");
    env.kubectl("its1", "label", "managedcluster/cluster2", "name=cluster2", "--overwrite");
  }

  @Test
  @Order(5)
  void withTwoOverlappingPoliciesDeletingOneKeepsTheObjectWhereTheOtherWantsIt() {
    env.apply("wds1", policy("web-c1", "name: cluster1", "app: web", false));
    env.kubectl("wds1", "delete", "bindingpolicy", "web");
    await("web gone from cluster2")
        .atMost(TIMEOUT)
        .until(() -> deployment("cluster2", "web", "web") == null);
    assertThat(deployment("cluster1", "web", "web")).isNotNull();
    env.kubectl("wds1", "delete", "bindingpolicy", "web-c1");
    await("web gone from cluster1")
        .atMost(TIMEOUT)
        .until(() -> deployment("cluster1", "web", "web") == null);
  }

  @Test
  @Order(6)
  void createOnlyKeepsTheFirstVersionAndItsUidInTheCluster() {
    deliverToCluster1("once", "busybox:1", true);
    var uid = deployment("cluster1", "once", "once").getMetadata().getUid();
    env.kubectl("wds1", "-n", "once", "set", "image", "deployment/once", "c=busybox:2");
    await("ManifestWork carries busybox:2")
        .atMost(TIMEOUT)
        .until(() -> env.works().stream().anyMatch(w -> w.toString().contains("busybox:2")));
    var copy = deployment("cluster1", "once", "once");
    assertThat(copy.getMetadata().getUid()).isEqualTo(uid);
    assertThat(copy.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("busybox:1");
  }

  @Test
  @Order(7)
  void aCustomTransformAndTemplatesGiveEachClusterItsOwnValues() {
    env.apply(
        "its1",
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: cluster1, namespace: customization-properties}
        data: {region: east}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: cluster2, namespace: customization-properties}
        data: {region: west}
        """);
    env.apply(
        "wds1",
        namespaceYaml("tmpl", "app: tmpl")
            + """
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: where
          namespace: tmpl
          labels: {app: tmpl, internal: "yes"}
          annotations: {control.kubestellar.io/expand-templates: "true"}
        data: {cluster: "{{.clusterName}}", region: "{{.region}}"}
        ---
        apiVersion: control.kubestellar.io/v1alpha1
        kind: CustomTransform
        metadata: {name: drop-internal}
        spec: {apiGroup: "", resource: configmaps, remove: ['$.metadata.labels.internal']}
        """);
    env.apply("wds1", policy("tmpl", "location-group: edge", "app: tmpl", false));
    await("own values per cluster")
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              for (var cluster : List.of("cluster1", "cluster2")) {
                var cm =
                    env.client(cluster).configMaps().inNamespace("tmpl").withName("where").get();
                assertThat(cm).isNotNull();
                assertThat(cm.getData())
                    .containsEntry("cluster", cluster)
                    .containsEntry("region", cluster.equals("cluster1") ? "east" : "west");
                assertThat(cm.getMetadata().getLabels()).doesNotContainKey("internal");
              }
            });
    env.kubectl(
        "its1",
        "-n",
        "customization-properties",
        "patch",
        "configmap",
        "cluster2",
        "--type=merge",
        "-p",
        "{\"data\":{\"region\":\"north\"}}");
    await("ConfigMap change reaches cluster2")
        .atMost(TIMEOUT)
        .until(
            () ->
                "north"
                    .equals(
                        env.client("cluster2")
                            .configMaps()
                            .inNamespace("tmpl")
                            .withName("where")
                            .get()
                            .getData()
                            .get("region")));
  }

  @Test
  @Order(8)
  void aNodePortServiceAndAJobWithAGeneratedSelectorStartCleanly() {
    env.apply(
        "wds1",
        namespaceYaml("svc", "app: svc")
            + """
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: np, namespace: svc, labels: {app: svc}}
        spec:
          type: NodePort
          selector: {app: svc}
          ports: [{port: 80, targetPort: 80}]
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: once, namespace: svc, labels: {app: svc}}
        spec:
          template:
            spec:
              restartPolicy: Never
              containers: [{name: c, image: busybox:1, command: [sh, -c, "true"]}]
        """);
    env.apply("wds1", policy("svc", "location-group: edge", "app: svc", false));
    for (var cluster : List.of("cluster1", "cluster2")) {
      await("Service and Job in " + cluster)
          .atMost(TIMEOUT)
          .untilAsserted(
              () -> {
                var service =
                    env.client(cluster).services().inNamespace("svc").withName("np").get();
                assertThat(service).isNotNull();
                assertThat(service.getSpec().getPorts().get(0).getNodePort()).isNotNull();
                var job =
                    env.client(cluster)
                        .batch()
                        .v1()
                        .jobs()
                        .inNamespace("svc")
                        .withName("once")
                        .get();
                assertThat(job).isNotNull();
                assertThat(job.getSpec().getSelector()).isNotNull();
              });
    }
    assertThat(env.works())
        .noneMatch(
            w ->
                String.valueOf(w.getAdditionalProperties().get("status"))
                    .contains("\"Applied\", status=False"));
  }

  @Test
  @Order(9)
  void aCrdAndAnInstanceSelectedTogetherLandInACluster() {
    env.apply(
        "wds1",
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.com, labels: {app: widget}}
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: widgets, singular: widget, kind: Widget}
          versions:
          - name: v1
            served: true
            storage: true
            schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
        """);
    env.kubectl(
        "wds1", "wait", "--for=condition=Established", "--timeout=60s", "crd/widgets.example.com");
    env.apply(
        "wds1",
        namespaceYaml("widgets", "app: widget")
            + """
        ---
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: w1, namespace: widgets, labels: {app: widget}}
        spec: {size: 3}
        """);
    env.apply("wds1", policy("widget", "name: cluster1", "app: widget", false));
    await("Widget in cluster1")
        .atMost(TIMEOUT)
        .until(
            () -> {
              try {
                return env.kubectl(
                        "cluster1",
                        "get",
                        "widgets.example.com",
                        "-n",
                        "widgets",
                        "w1",
                        "-o",
                        "name")
                    .contains("w1");
              } catch (IllegalStateException notYet) {
                return false;
              }
            });
  }

  @Test
  @Order(10)
  void killingAndRestartingTheTransportRewritesNothingAndDeliversWhatChangedMeanwhile()
      throws Exception {
    // Earlier stories' changes must have landed first, or the snapshot would race with them.
    env.awaitQuiescent();
    var before = generations();
    var beforeWorks = worksByKey();
    env.killTransport();
    env.kubectl("wds1", "-n", "web", "set", "image", "deployment/web", "c=nginx:3");
    env.apply("wds1", policy("web", "location-group: edge", "app: web", false));
    env.startTransport();
    awaitInEachCluster("nginx:3 in", cluster -> "nginx:3".equals(image(cluster, "web", "web")));
    await("the restarted transport idle")
        .atMost(TIMEOUT)
        .until(() -> env.transportQueueDepth() == 0);
    // D6, D14: the restart re-syncs every Binding; only the web Binding, replaced meanwhile, needs
    // writes, and its works are new (created). Nothing already correct is updated, not even with
    // the same content.
    assertThat(
            env.transportMetric(
                "kubestellar_transport_manifestwork_writes_total{operation=\"update\"}"))
        .as("ManifestWork updates by the restarted transport")
        .isZero();
    var after = generations();
    before.forEach(
        (work, generation) -> {
          if (!work.contains("web")) {
            assertThat(after)
                .as(
                    () ->
                        "unrelated work " + work + " untouched (D6, D14)" + diff(beforeWorks, work))
                .containsEntry(work, generation);
          }
        });
  }

  @Test
  @Order(11)
  void deletingTheObjectOrThePolicyRemovesItFromTheClusters() {
    env.kubectl("wds1", "-n", "web", "delete", "deployment", "web");
    await("web gone")
        .atMost(TIMEOUT)
        .until(
            () ->
                deployment("cluster1", "web", "web") == null
                    && deployment("cluster2", "web", "web") == null);
    env.kubectl("wds1", "delete", "bindingpolicy", "tmpl");
    await("tmpl ConfigMap gone")
        .atMost(TIMEOUT)
        .until(
            () ->
                env.client("cluster1").configMaps().inNamespace("tmpl").withName("where").get()
                    == null);
  }

  // ---- helpers ----

  static String namespaceYaml(String name, String label) {
    return "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: "
        + name
        + "\n  labels: {"
        + label
        + "}\n";
  }

  static String deploymentYaml(String ns, String name, String image) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %s
          namespace: %s
          labels: {app: web}
        spec:
          replicas: 1
          selector: {matchLabels: {run: %s}}
          template:
            metadata: {labels: {run: %s}}
            spec:
              containers: [{name: c, image: "%s"}]
        """
        .formatted(name, ns, name, name, image);
  }

  static String policy(String name, String clusterLabel, String objectLabel, boolean createOnly) {
    return """
        apiVersion: control.kubestellar.io/v1alpha1
        kind: BindingPolicy
        metadata: {name: %s}
        spec:
          clusterSelectors: [{matchLabels: {%s}}]
          downsync: [{objectSelectors: [{matchLabels: {%s}}]%s}]
        """
        .formatted(name, clusterLabel, objectLabel, createOnly ? ", createOnly: true" : "");
  }

  private static Deployment deployment(String cluster, String ns, String name) {
    return env.client(cluster).apps().deployments().inNamespace(ns).withName(name).get();
  }

  private static boolean available(String cluster, String ns, String name) {
    var d = deployment(cluster, ns, name);
    return d != null
        && d.getStatus() != null
        && d.getStatus().getConditions() != null
        && d.getStatus().getConditions().stream()
            .anyMatch(c -> c.getType().equals("Available") && c.getStatus().equals("True"));
  }

  private static String image(String cluster, String ns, String name) {
    var d = deployment(cluster, ns, name);
    return d == null ? null : d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
  }

  private static Map<String, GenericKubernetesResource> worksByKey() {
    return env.works().stream().collect(Collectors.toMap(TransportAcceptanceIT::key, w -> w));
  }

  /** What changed in a work, and who wrote it when, for a failure message. */
  private static String diff(Map<String, GenericKubernetesResource> before, String key) {
    var now = worksByKey().get(key);
    var then = before.get(key);
    if (now == null || then == null) {
      return "";
    }
    return "\nspec before: "
        + then.getAdditionalProperties().get("spec")
        + "\nspec after:  "
        + now.getAdditionalProperties().get("spec")
        + "\nannotations before: "
        + then.getMetadata().getAnnotations()
        + "\nannotations after:  "
        + now.getMetadata().getAnnotations()
        + "\nwrites: "
        + now.getMetadata().getManagedFields().stream()
            .map(f -> f.getManager() + " " + f.getOperation() + " " + f.getTime())
            .toList();
  }

  private static String key(GenericKubernetesResource w) {
    return w.getMetadata().getNamespace()
        + "/"
        + w.getMetadata().getName()
        + "/"
        + w.getMetadata()
            .getLabels()
            .get("transport.kubestellar.io/originOwnerReferenceBindingKey");
  }

  private static Map<String, Long> generations() {
    return env.works().stream()
        .collect(
            Collectors.toMap(
                (GenericKubernetesResource w) ->
                    w.getMetadata().getNamespace()
                        + "/"
                        + w.getMetadata().getName()
                        + "/"
                        + w.getMetadata()
                            .getLabels()
                            .get("transport.kubestellar.io/originOwnerReferenceBindingKey"),
                w -> w.getMetadata().getGeneration()));
  }

  /**
   * Applies namespace {@code app}, Deployment {@code app/app} and a policy for cluster1, all
   * labelled {@code app=<app>}, and waits until the Deployment is in cluster1.
   */
  private static void deliverToCluster1(String app, String image, boolean createOnly) {
    var label = "app: " + app;
    env.apply(
        "wds1",
        namespaceYaml(app, label)
            + "---\n"
            + deploymentYaml(app, app, image).replace("app: web", label));
    env.apply("wds1", policy(app, "name: cluster1", label, createOnly));
    await(app + " in cluster1")
        .atMost(TIMEOUT)
        .until(() -> deployment("cluster1", app, app) != null);
  }

  /** Waits, for cluster1 and then cluster2, until {@code holds} is true of it. */
  private static void awaitInEachCluster(String what, Predicate<String> holds) {
    for (var cluster : List.of("cluster1", "cluster2")) {
      await(what + " " + cluster).atMost(TIMEOUT).until(() -> holds.test(cluster));
    }
  }
}
