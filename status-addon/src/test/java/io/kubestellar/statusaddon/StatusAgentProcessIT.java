/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon;

import static io.kubestellar.statusaddon.StatusAddonEnvironment.TIMEOUT;
import static io.kubestellar.statusaddon.StatusAddonEnvironment.deployment;
import static io.kubestellar.statusaddon.StatusAddonEnvironment.eventually;
import static io.kubestellar.statusaddon.StatusAddonEnvironment.namespace;
import static io.kubestellar.statusaddon.StatusAddonEnvironment.transportLabels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubestellar.api.control.v1alpha1.SourceRef;
import io.kubestellar.api.control.v1alpha1.WorkStatus;
import io.kubestellar.api.control.v1alpha1.WorkStatusSpec;
import io.kubestellar.localenv.ComponentJars;
import io.kubestellar.localenv.ManagedProcess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The agent's runnable jar as its own process, with exactly the rights of {@code src/main/rbac}: it
 * reports status, survives being killed, cannot touch another cluster's namespace, and refuses to
 * start when a right is missing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatusAgentProcessIT {

  private static final String CLUSTER = "cluster2";
  @AutoClose private static StatusAddonEnvironment env;
  private static Path wecKubeconfig;
  private static Path itsKubeconfig;
  private static ManagedProcess agent;
  private static int port;

  @BeforeAll
  static void start() throws IOException {
    env = new StatusAddonEnvironment("status-agent-process-it");
    wecKubeconfig = env.wecKubeconfig(CLUSTER);
    itsKubeconfig = env.itsKubeconfig(CLUSTER);
    port = freePort();
    agent = startJar("status-addon-" + CLUSTER, itsKubeconfig, port);
    await("agent /readyz")
        .atMost(TIMEOUT)
        .until(() -> StatusAddonEnvironment.ready(port) || !agent.isAlive());
    assertThat(agent.isAlive()).as("agent process alive; see " + agent.logFile()).isTrue();
  }

  @Test
  @Order(1)
  void theJarReportsStatusUnderTheShippedRights() {
    env.deliver(
        "pair",
        CLUSTER,
        transportLabels("pair-bp"),
        List.of(namespace("pair"), deployment("pair", "keep", 1), deployment("pair", "drop", 1)));

    eventually(
        "both Deployments report an available replica",
        () -> {
          for (var name : List.of("keep", "drop")) {
            var ws = env.workStatusFor(CLUSTER, "Deployment", "pair", name);
            assertThat(ws).as(name).isNotNull();
            assertThat(ws.getStatus()).as(name).isNotNull();
            assertThat(ws.getStatus().asMap()).containsEntry("availableReplicas", 1);
          }
        });
    assertThat(
            StatusAddonEnvironment.metric(
                port, "kubestellar_status_addon_workstatus_writes_total{operation=\"create\"}"))
        .isGreaterThanOrEqualTo(3);
    assertThat(
            StatusAddonEnvironment.metric(
                port, "kubestellar_status_addon_change_to_write_seconds_count"))
        .isGreaterThan(0);
  }

  @Test
  @Order(2)
  void afterAKillAndRestartCorrectWorkStatusesStayAndThoseOfObjectsGoneMeanwhileAreRemoved() {
    var namespaceBefore = env.workStatusFor(CLUSTER, "Namespace", "", "pair");
    var keepBefore = env.workStatusFor(CLUSTER, "Deployment", "pair", "keep");
    assertThat(namespaceBefore).isNotNull();
    assertThat(keepBefore).isNotNull();

    agent.kill();
    assertThat(agent.isAlive()).isFalse();
    // While the agent is down, "drop" leaves its ManifestWork (the work agent deletes it).
    env.deliver(
        "pair",
        CLUSTER,
        transportLabels("pair-bp"),
        List.of(namespace("pair"), deployment("pair", "keep", 1)));
    await("the work agent deleted pair/drop")
        .atMost(TIMEOUT)
        .until(() -> env.wecStatus(CLUSTER, "apps/v1", "Deployment", "pair", "drop") == null);
    assertThat(env.workStatusFor(CLUSTER, "Deployment", "pair", "drop"))
        .as("nobody removed it while the agent was down")
        .isNotNull();

    agent.start();
    await("agent ready again")
        .atMost(TIMEOUT)
        .until(() -> StatusAddonEnvironment.ready(port) || !agent.isAlive());
    await("the WorkStatus of the object deleted meanwhile is gone")
        .atMost(TIMEOUT)
        .until(() -> env.workStatusFor(CLUSTER, "Deployment", "pair", "drop") == null);

    var namespaceAfter = env.workStatusFor(CLUSTER, "Namespace", "", "pair");
    var keepAfter = env.workStatusFor(CLUSTER, "Deployment", "pair", "keep");
    assertThat(namespaceAfter.getMetadata().getUid())
        .isEqualTo(namespaceBefore.getMetadata().getUid());
    assertThat(keepAfter.getMetadata().getUid()).isEqualTo(keepBefore.getMetadata().getUid());
    assertThat(namespaceAfter.getMetadata().getResourceVersion())
        .as("a correct WorkStatus is not rewritten by a restart")
        .isEqualTo(namespaceBefore.getMetadata().getResourceVersion());
    assertThat(
            StatusAddonEnvironment.metric(
                port, "kubestellar_status_addon_workstatus_writes_total{operation=\"create\"}"))
        .as("nothing recreated after the restart")
        .isZero();
  }

  @Test
  @Order(3)
  void theItsIdentityReachesNoOtherClustersNamespace() throws IOException {
    try (var its =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(Files.readString(itsKubeconfig)))
            .build()) {
      assertThat(its.resources(WorkStatus.class).inNamespace(CLUSTER).list().getItems())
          .isNotEmpty();
      assertThatThrownBy(() -> its.resources(WorkStatus.class).inNamespace("cluster1").list())
          .isInstanceOfSatisfying(
              KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
      assertThatThrownBy(
              () ->
                  its.genericKubernetesResources(StatusAddonEnvironment.MANIFEST_WORKS)
                      .inNamespace("cluster1")
                      .list())
          .isInstanceOfSatisfying(
              KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
      assertThatThrownBy(() -> its.secrets().inNamespace(CLUSTER).list())
          .isInstanceOfSatisfying(
              KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
    }
  }

  @Test
  @Order(4)
  void aRoleMissingOneVerbStopsTheAgentWithAMessageNamingIt() throws IOException {
    var withoutDelete =
        env.itsKubeconfig(
            CLUSTER,
            "status-addon-without-delete",
            rules -> {
              var changed = new ArrayList<PolicyRule>();
              for (var rule : rules) {
                if (rule.getResources().equals(List.of("workstatuses"))) {
                  var verbs = new ArrayList<>(rule.getVerbs());
                  verbs.remove("delete");
                  rule = new PolicyRuleBuilder(rule).withVerbs(verbs).build();
                }
                changed.add(rule);
              }
              return changed;
            });
    var denied = startJar("status-addon-without-delete", withoutDelete, freePort());

    await("the agent exits").atMost(TIMEOUT).until(() -> !denied.isAlive());
    assertThat(Files.readString(denied.logFile()))
        .contains("status-addon cannot start")
        .contains(
            "lacks permissions in namespace "
                + CLUSTER
                + ": delete workstatuses.control.kubestellar.io");
  }

  @Test
  @Order(5)
  void aWorkStatusThatCannotBeWrittenIsExplainedByAnEventAndWrittenOnceItCan() {
    // An admission policy in the ITS refuses the WorkStatus of anything named "blocked".
    var its = env.env.client(StatusAddonEnvironment.ITS);
    var policy =
        its.load(new ByteArrayInputStream(BLOCKING_POLICY.getBytes(StandardCharsets.UTF_8)))
            .items();
    policy.forEach(item -> its.resource(item).create());
    await("the policy is in force")
        .atMost(TIMEOUT)
        .until(
            () -> {
              try {
                its.resources(WorkStatus.class)
                    .inNamespace(CLUSTER)
                    .resource(probeWorkStatus())
                    .dryRun()
                    .create();
                return false;
              } catch (KubernetesClientException refused) {
                return true;
              }
            });
    env.deliver("blocked", CLUSTER, transportLabels("blocked-bp"), List.of(namespace("blocked")));

    eventually(
        "a Warning Event on the ManifestWork says why",
        () ->
            assertThat(its.v1().events().inNamespace(CLUSTER).list().getItems())
                .anySatisfy(
                    event -> {
                      assertThat(event.getReason()).isEqualTo("WorkStatusWriteFailed");
                      assertThat(event.getType()).isEqualTo("Warning");
                      assertThat(event.getInvolvedObject().getKind()).isEqualTo("ManifestWork");
                      assertThat(event.getInvolvedObject().getName()).isEqualTo("blocked");
                      assertThat(event.getMessage()).contains("namespaces.v1 blocked");
                    }));
    assertThat(env.workStatusFor(CLUSTER, "Namespace", "", "blocked")).isNull();
    assertThat(
            StatusAddonEnvironment.metric(
                port,
                "kubestellar_status_addon_workstatus_write_errors_total{operation=\"create\"}"))
        .isGreaterThan(0);

    policy.forEach(item -> its.resource(item).delete());
    await("written once the ITS accepts it")
        .atMost(TIMEOUT)
        .until(() -> env.workStatusFor(CLUSTER, "Namespace", "", "blocked") != null);
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static final String BLOCKING_POLICY =
      """
      apiVersion: admissionregistration.k8s.io/v1
      kind: ValidatingAdmissionPolicy
      metadata:
        name: block-workstatus-test
      spec:
        failurePolicy: Fail
        matchConstraints:
          resourceRules:
            - apiGroups: ["control.kubestellar.io"]
              apiVersions: ["*"]
              operations: ["CREATE"]
              resources: ["workstatuses"]
        validations:
          - expression: "object.spec.sourceRef.name != 'blocked'"
            message: "WorkStatuses of objects named blocked are refused by a test policy"
      ---
      apiVersion: admissionregistration.k8s.io/v1
      kind: ValidatingAdmissionPolicyBinding
      metadata:
        name: block-workstatus-test
      spec:
        policyName: block-workstatus-test
        validationActions: ["Deny"]
      """;

  private static WorkStatus probeWorkStatus() {
    var ws = new WorkStatus();
    ws.setMetadata(new ObjectMetaBuilder().withName("policy-probe").withNamespace(CLUSTER).build());
    ws.setSpec(
        new WorkStatusSpec(new SourceRef("", "v1", "namespaces", "Namespace", "", "blocked")));
    return ws;
  }

  private static ManagedProcess startJar(String name, Path its, int managementPort) {
    return env.env.startComponent(
        name,
        ComponentJars.fromWorkingDirectory().jar("status-addon"),
        List.of(
            "--cluster-name=" + CLUSTER,
            "--wec-kubeconfig=" + wecKubeconfig,
            "--its-kubeconfig=" + its,
            "--management-address=127.0.0.1:" + managementPort));
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
