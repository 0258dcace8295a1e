/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubestellar.localenv.LocalEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A user who installed the previous chart versions (test resources previous-charts/, version 0.1.0)
 * upgrades each release to the charts of this checkout: every object of the old release is still
 * there with the same UID (nothing deleted and created again, in the WEC least of all), the status
 * add-on's Deployment in the WEC rolls out the new template and stays Available, and the new
 * objects appear. Uninstalling then leaves the CRDs, as Helm does with crds/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChartUpgradeIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final String NAMESPACE = "kubestellar";
  private static final String AGENT_NAMESPACE = "open-cluster-management-agent-addon";

  /** Release, space, chart, namespace and values of each of the three installations. */
  private record Release(
      String name, String space, String chart, String namespace, List<String> set) {}

  private static final List<Release> RELEASES =
      List.of(
          new Release(
              "wds1",
              "wds1",
              Charts.CORE,
              NAMESPACE,
              List.of("wds.name=wds1", "its.kubeconfigSecret.name=its1-kubeconfig")),
          new Release(
              "its",
              "its1",
              Charts.ITS,
              NAMESPACE,
              List.of("wdses[0].name=wds1", "wecs[0].name=cluster1")),
          new Release(
              "status-addon",
              "cluster1",
              Charts.STATUS_ADDON,
              AGENT_NAMESPACE,
              List.of("clusterName=cluster1", "hub.kubeconfigSecret.name=hub-kubeconfig")));

  @AutoClose private static LocalEnvironment env;
  private static ChartSpaces spaces;
  private static Path work;

  /** Per release: "kind namespace/name" of every object of the old release, to its UID. */
  private static final Map<String, Map<String, String>> before = new LinkedHashMap<>();

  @BeforeAll
  static void startEnvironment() throws IOException {
    spaces = ChartSpaces.start("chart-upgrade-it");
    env = spaces.env();
    work = spaces.work();
    // The Secrets the values name: the local kubeconfigs serve the purpose of the test.
    spaces.kubeconfigSecret("wds1", NAMESPACE, "its1-kubeconfig", env.kubeconfig("its1"));
    spaces.kubeconfigSecret("cluster1", AGENT_NAMESPACE, "hub-kubeconfig", env.kubeconfig("its1"));
  }

  @Test
  @Order(1)
  void thePreviousChartsInstall() {
    for (var release : RELEASES) {
      var previous =
          Charts.repoRoot()
              .resolve("test/e2e/src/test/resources/previous-charts")
              .resolve(release.chart() + "-0.1.0.tgz");
      helm(release, "install", previous.toString());
      before.put(release.name(), uids(release));
      assertThat(before.get(release.name())).as("objects of %s", release.name()).isNotEmpty();
    }
    awaitRolledOut(agentDeployment());
  }

  @Test
  @Order(2)
  void upgradingKeepsEveryObjectAndTheAgentAvailable() {
    var agentBefore = agentDeployment();
    for (var release : RELEASES) {
      helm(release, "upgrade", Charts.chart(release.chart()).toString());
      var after = uids(release);
      assertThat(after)
          .as("every object of %s 0.1.0, with the same UID, after the upgrade", release.name())
          .containsAllEntriesOf(before.get(release.name()));
      assertThat(chartLabel(release)).isEqualTo(release.chart() + "-0.2.0");
    }
    var agentAfter = agentDeployment();
    assertThat(agentAfter.getMetadata().getUid()).isEqualTo(agentBefore.getMetadata().getUid());
    assertThat(agentAfter.getMetadata().getGeneration())
        .as("the new pod template (JAVA_TOOL_OPTIONS) is rolled out in place")
        .isGreaterThan(agentBefore.getMetadata().getGeneration());
    awaitRolledOut(agentAfter);
    assertThat(
            env.client("cluster1")
                .policy()
                .v1()
                .podDisruptionBudget()
                .inNamespace(AGENT_NAMESPACE)
                .withName(agentAfter.getMetadata().getName())
                .get())
        .as("the PodDisruptionBudget 0.2.0 adds")
        .isNotNull();
  }

  @Test
  @Order(3)
  void uninstallingLeavesTheCrds() {
    for (var release : RELEASES) {
      helm(release, "uninstall");
    }
    var wdsCrds =
        env.client("wds1").apiextensions().v1().customResourceDefinitions().list().getItems();
    assertThat(wdsCrds)
        .extracting(c -> c.getMetadata().getName())
        .contains(
            "bindingpolicies.control.kubestellar.io",
            "bindings.control.kubestellar.io",
            "combinedstatuses.control.kubestellar.io",
            "customtransforms.control.kubestellar.io",
            "statuscollectors.control.kubestellar.io");
    assertThat(
            env.client("its1")
                .apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName("workstatuses.control.kubestellar.io")
                .get())
        .isNotNull();
    assertThat(agentDeployment()).as("the agent's Deployment, uninstalled").isNull();
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static Deployment agentDeployment() {
    return env.client("cluster1")
        .apps()
        .deployments()
        .inNamespace(AGENT_NAMESPACE)
        .withName("status-addon-status-addon")
        .get();
  }

  /** Waits until the Deployment's current template is rolled out and Available (kwok's pods). */
  private static void awaitRolledOut(Deployment deployment) {
    var name = deployment.getMetadata().getName();
    await(name + " rolled out and Available in cluster1")
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              var current = agentDeployment();
              var status = current.getStatus();
              assertThat(status).isNotNull();
              assertThat(status.getObservedGeneration())
                  .isEqualTo(current.getMetadata().getGeneration());
              assertThat(status.getUpdatedReplicas()).isEqualTo(current.getSpec().getReplicas());
              assertThat(status.getConditions())
                  .anyMatch(c -> "Available".equals(c.getType()) && "True".equals(c.getStatus()));
            });
  }

  /** The UID of every object the release's manifest holds, read from the server. */
  @SuppressWarnings("unchecked")
  private static Map<String, String> uids(Release release) {
    var manifest = work.resolve(release.name() + "-manifest.yaml");
    try {
      Files.writeString(manifest, helm(release, "get manifest").output());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    var listed =
        Charts.documents(
            spaces
                .kubectl(release.space(), "get", "-f", manifest.toString(), "-o", "yaml")
                .output());
    var result = new LinkedHashMap<String, String>();
    for (var item : (List<Map<String, Object>>) listed.get(0).get("items")) {
      var metadata = (Map<String, Object>) item.get("metadata");
      var namespace = metadata.get("namespace");
      result.put(
          item.get("kind")
              + " "
              + (namespace == null ? "" : namespace + "/")
              + metadata.get("name"),
          (String) metadata.get("uid"));
    }
    return result;
  }

  private static String chartLabel(Release release) {
    var manifest =
        Charts.documents(helm(release, "get manifest").output()).stream()
            .filter(o -> "ServiceAccount".equals(o.get("kind")))
            .findFirst()
            .orElseThrow();
    @SuppressWarnings("unchecked")
    var metadata = (Map<String, Object>) manifest.get("metadata");
    @SuppressWarnings("unchecked")
    var labels = (Map<String, Object>) metadata.get("labels");
    return (String) labels.get("helm.sh/chart");
  }

  private static ExternalCommand helm(Release release, String command, String... chart) {
    var line = new ArrayList<String>(List.of(command.split(" ")));
    line.add(release.name());
    line.addAll(List.of(chart));
    line.addAll(List.of("--namespace", release.namespace()));
    if (command.equals("install") || command.equals("upgrade")) {
      line.addAll(List.of("--create-namespace", "--wait=false"));
      for (var value : release.set()) {
        line.addAll(List.of("--set", value));
      }
    }
    return spaces.helm(release.space(), line);
  }
}
