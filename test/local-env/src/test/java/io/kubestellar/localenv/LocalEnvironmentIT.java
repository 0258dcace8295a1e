/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.localenv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The local environment runs the real OCM work agent against real API servers: ManifestWorks in the
 * ITS become objects in the right WEC, and go away again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalEnvironmentIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static LocalEnvironment env;

  @BeforeAll
  static void startEnvironment() {
    var runDir = Path.of("target", "local-env-it").toAbsolutePath();
    env = LocalEnvironment.start(EnvironmentSpec.defaults(runDir), ToolPaths.fromEnvironment());
    long peakMib = env.memory().values().stream().mapToLong(m -> m.peakKib()).sum() / 1024;
    System.out.printf(
        "local environment: %d processes started in %ds, %d MiB resident at peak%n",
        env.processes().size(), env.startupTime().toSeconds(), peakMib);
  }

  @AfterAll
  static void stopEnvironment() {
    if (env == null) {
      return;
    }
    var processes = env.processes();
    long peakMib = env.memory().values().stream().mapToLong(m -> m.peakKib()).sum() / 1024;
    System.out.printf("local environment: %d MiB resident at peak before stop%n", peakMib);
    env.close();
    assertThat(processes).noneMatch(ManagedProcess::isAlive);
  }

  @Test
  @Order(1)
  void manifestWorkDeliversAvailableDeploymentAndItsRemovalDeletesIt() {
    var works = manifestWorks("cluster1");
    works.resource(work("demo", "cluster1", "demo-ns")).create();
    var wec = env.client("cluster1");

    await("Deployment Available in cluster1")
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              Deployment deployment =
                  wec.apps().deployments().inNamespace("demo-ns").withName("demo").get();
              assertThat(deployment).isNotNull();
              assertThat(deployment.getStatus().getConditions())
                  .anyMatch(c -> "Available".equals(c.getType()) && "True".equals(c.getStatus()));
            });
    await("ManifestWork Applied and Available")
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(conditions(works.withName("demo").get()))
                    .containsEntry("Applied", "True")
                    .containsEntry("Available", "True"));

    works.withName("demo").delete();
    await("Deployment removed from cluster1")
        .atMost(TIMEOUT)
        .until(
            () -> wec.apps().deployments().inNamespace("demo-ns").withName("demo").get() == null);
  }

  @Test
  @Order(2)
  void manifestWorkForCluster2LeavesCluster1Untouched() {
    var works = manifestWorks("cluster2");
    works.resource(work("only-two", "cluster2", "only-two-ns")).create();
    await("Deployment Available in cluster2")
        .atMost(TIMEOUT)
        .until(() -> availableReplicas(env.client("cluster2"), "only-two-ns", "only-two") == 1);

    var cluster1 = env.client("cluster1");
    assertThat(cluster1.namespaces().withName("only-two-ns").get()).isNull();
    assertThat(cluster1.apps().deployments().inAnyNamespace().list().getItems())
        .noneMatch(d -> "only-two".equals(d.getMetadata().getName()));
    assertThat(manifestWorks("cluster1").list().getItems())
        .noneMatch(w -> "only-two".equals(w.getMetadata().getName()));

    works.withName("only-two").delete();
    await("cluster2 cleaned up")
        .atMost(TIMEOUT)
        .until(
            () ->
                env.client("cluster2")
                        .apps()
                        .deployments()
                        .inNamespace("only-two-ns")
                        .withName("only-two")
                        .get()
                    == null);
  }

  @Test
  @Order(3)
  void workAgentRecoversWhenTheWecApiServerRestarts() {
    env.restartApiServer("cluster1");
    var works = manifestWorks("cluster1");
    works.resource(work("after-restart", "cluster1", "after-restart-ns")).create();
    await("Deployment applied after the restart")
        .atMost(TIMEOUT)
        .until(
            () ->
                availableReplicas(env.client("cluster1"), "after-restart-ns", "after-restart")
                    == 1);
    works.withName("after-restart").delete();
  }

  @Test
  @Order(4)
  void kubectlListsTheWecsWithTheirLabels() throws Exception {
    var process =
        new ProcessBuilder(
                ToolPaths.fromEnvironment().kubectl().toString(),
                "--kubeconfig",
                env.kubeconfig().toString(),
                "--context",
                "its1",
                "get",
                "managedclusters",
                "--show-labels")
            .redirectErrorStream(true)
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output.lines().skip(1).toList())
        .hasSize(2)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("cluster1 ")
                    .contains("location-group=edge")
                    .contains("name=cluster1"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("cluster2 ")
                    .contains("location-group=edge")
                    .contains("name=cluster2"));
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static NonNamespaceOperation<
          GenericKubernetesResource,
          io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      manifestWorks(String cluster) {
    return env.client("its1").genericKubernetesResources(Kinds.MANIFEST_WORKS).inNamespace(cluster);
  }

  /** A ManifestWork holding a Namespace and a one-replica Deployment in it. */
  private static GenericKubernetesResource work(String name, String cluster, String namespace) {
    var ns = SpaceObjects.namespaceManifest(namespace);
    var deployment = SpaceObjects.deploymentManifest(namespace, name, 1);
    return SpaceObjects.manifestWork(cluster, name, Map.of(), List.of(ns, deployment));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> conditions(GenericKubernetesResource work) {
    if (work == null || !(work.getAdditionalProperties().get("status") instanceof Map<?, ?>)) {
      return Map.of();
    }
    var status = (Map<String, Object>) work.getAdditionalProperties().get("status");
    var list = (List<Map<String, Object>>) status.getOrDefault("conditions", List.of());
    var result = new java.util.HashMap<String, String>();
    for (var condition : list) {
      result.put((String) condition.get("type"), (String) condition.get("status"));
    }
    return result;
  }

  private static int availableReplicas(KubernetesClient client, String namespace, String name) {
    var deployment = client.apps().deployments().inNamespace(namespace).withName(name).get();
    if (deployment == null || deployment.getStatus() == null) {
      return 0;
    }
    var available = deployment.getStatus().getAvailableReplicas();
    return available == null ? 0 : available;
  }
}
