/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubestellar.localenv.LocalEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The charts against real API servers: what {@code helm template} renders is accepted by a server
 * dry run in the space it is meant for, and {@code helm install} creates every object. The WDS
 * doubles as the hosting cluster (host-type WDS); the ITS gets the identities chart; the WEC gets
 * the status add-on with a hub kubeconfig built from the identity the ITS chart made for it. No
 * images exist here, so Deployments are created but never become ready.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChartInstallIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final String NAMESPACE = "kubestellar";
  private static final String AGENT_NAMESPACE = "open-cluster-management-agent-addon";
  private static final String RESTRICTED = "restricted";

  @AutoClose private static LocalEnvironment env;
  private static ChartSpaces spaces;
  private static Path work;

  @BeforeAll
  static void startEnvironment() throws IOException {
    spaces = ChartSpaces.start("chart-install-it");
    env = spaces.env();
    work = spaces.work();
  }

  @Test
  @Order(1)
  void everyRenderingIsAcceptedByAServerDryRunInItsSpace() throws IOException {
    for (var space : List.of("wds1", "its1", "cluster1")) {
      spaces.ensureNamespace(space, "chart-dry-run");
    }
    var cases =
        List.of(
            List.of(Charts.CORE, "wds1"),
            List.of(Charts.ITS, "its1"),
            List.of(Charts.STATUS_ADDON, "cluster1"));
    for (var c : cases) {
      var chart = c.get(0);
      var space = c.get(1);
      for (var values : Charts.ciValues(chart)) {
        var rendered = Charts.template(chart, "dry", "chart-dry-run", values, "--include-crds");
        var file = work.resolve(chart + "-" + values.getFileName());
        Files.writeString(file, rendered);
        var applied = kubectl(space, "apply", "--dry-run=server", "-f", file.toString());
        assertThat(applied.output())
            .as("%s with %s in %s", chart, values.getFileName(), space)
            .contains("(server dry run)")
            .doesNotContain("Error", "error:");
      }
    }
  }

  /**
   * Pod Security {@code restricted}, enforced on the namespace: the server's dry run of each chart
   * gives no warning about it, and each Deployment's pod template, created as a pod (server dry
   * run), passes the admission, which enforces on pods, not on the Deployments that make them.
   */
  @Test
  @Order(1)
  void everyDeploymentMeetsPodSecurityRestricted() throws IOException {
    var cases = List.of(List.of(Charts.CORE, "wds1"), List.of(Charts.STATUS_ADDON, "cluster1"));
    for (var c : cases) {
      var chart = c.get(0);
      var space = c.get(1);
      var client = env.client(space);
      client
          .namespaces()
          .resource(
              new NamespaceBuilder()
                  .withNewMetadata()
                  .withName(RESTRICTED)
                  .addToLabels("pod-security.kubernetes.io/enforce", "restricted")
                  .addToLabels("pod-security.kubernetes.io/enforce-version", "latest")
                  .addToLabels("pod-security.kubernetes.io/warn", "restricted")
                  .endMetadata()
                  .build())
          .serverSideApply();
      var rendered =
          Charts.template(
              chart, "psa", RESTRICTED, Charts.chart(chart).resolve("ci/production-values.yaml"));
      var file = work.resolve(chart + "-restricted.yaml");
      Files.writeString(file, rendered);
      var dryRun = kubectl(space, "apply", "--dry-run=server", "-f", file.toString());
      assertThat(dryRun.output())
          .as("%s in a restricted namespace of %s", chart, space)
          .contains("deployment.apps/psa-")
          .doesNotContain("Warning", "PodSecurity", "Error");
      // The ServiceAccounts the pods name must exist; then each pod template, as a pod.
      kubectl(space, "apply", "-f", file.toString());
      var deployments = client.apps().deployments().inNamespace(RESTRICTED).list().getItems();
      assertThat(deployments).as("Deployments of %s", chart).isNotEmpty();
      for (var deployment : deployments) {
        var template = deployment.getSpec().getTemplate();
        var pod =
            new PodBuilder()
                .withNewMetadata()
                .withName(deployment.getMetadata().getName() + "-pod")
                .withNamespace(RESTRICTED)
                .withLabels(template.getMetadata().getLabels())
                .endMetadata()
                .withSpec(template.getSpec())
                .build();
        assertThatCode(() -> client.pods().inNamespace(RESTRICTED).resource(pod).dryRun().create())
            .as(
                "a pod of %s in a restricted namespace of %s",
                deployment.getMetadata().getName(), space)
            .doesNotThrowAnyException();
      }
      // The check can fail: the same pod as root is refused.
      var deployment = deployments.get(0);
      var rootPod =
          new PodBuilder()
              .withNewMetadata()
              .withName("root-pod")
              .withNamespace(RESTRICTED)
              .endMetadata()
              .withSpec(deployment.getSpec().getTemplate().getSpec())
              .editSpec()
              .editFirstContainer()
              .editSecurityContext()
              .withRunAsNonRoot(false)
              .withRunAsUser(0L)
              .endSecurityContext()
              .endContainer()
              .endSpec()
              .build();
      assertThatThrownBy(
              () -> client.pods().inNamespace(RESTRICTED).resource(rootPod).dryRun().create())
          .hasMessageContaining("violates PodSecurity \"restricted:latest\"");
    }
  }

  @Test
  @Order(2)
  void coreChartInstallsIntoTheHostingClusterThatIsTheWds() throws IOException {
    var wds = env.client("wds1");
    // How the components reach the ITS; the local kubeconfig serves the purpose of the test.
    spaces.kubeconfigSecret("wds1", NAMESPACE, "its1-kubeconfig", env.kubeconfig("its1"));

    helm(
        "wds1",
        "install",
        "wds1",
        Charts.chart(Charts.CORE).toString(),
        "--namespace",
        NAMESPACE,
        "--values",
        Charts.chart(Charts.CORE).resolve("ci/host-wds-values.yaml").toString(),
        "--wait=false");

    for (var component : List.of("controller-manager", "transport-controller")) {
      var name = "wds1-" + component;
      assertThat(wds.apps().deployments().inNamespace(NAMESPACE).withName(name).get())
          .as("Deployment %s", name)
          .isNotNull();
      assertThat(wds.serviceAccounts().inNamespace(NAMESPACE).withName(name).get())
          .as("ServiceAccount %s", name)
          .isNotNull();
      for (var role : List.of("wds-watch", "wds-write")) {
        assertThat(wds.rbac().clusterRoles().withName(name + "-" + role).get()).isNotNull();
        assertThat(wds.rbac().clusterRoleBindings().withName(name + "-" + role).get()).isNotNull();
      }
      assertThat(
              wds.rbac().roles().inNamespace(NAMESPACE).withName(name + "-wds-write-leases").get())
          .isNotNull();
      assertThat(
              wds.rbac()
                  .roleBindings()
                  .inNamespace(NAMESPACE)
                  .withName(name + "-wds-write-leases")
                  .get())
          .isNotNull();
      // The ITS is reached with the Secret, so no ITS rights are granted in the hosting cluster.
      assertThat(wds.rbac().clusterRoles().withName(name + "-its-watch").get()).isNull();
    }
    for (var crd :
        List.of(
            "bindingpolicies",
            "bindings",
            "combinedstatuses",
            "customtransforms",
            "statuscollectors")) {
      assertThat(
              wds.apiextensions()
                  .v1()
                  .customResourceDefinitions()
                  .withName(crd + ".control.kubestellar.io")
                  .get())
          .as("CRD %s", crd)
          .isNotNull();
    }

    // The rights are those of config/rbac, and no more.
    var transport = "system:serviceaccount:" + NAMESPACE + ":wds1-transport-controller";
    var manager = "system:serviceaccount:" + NAMESPACE + ":wds1-controller-manager";
    assertThat(allowed(wds, transport, "patch", "control.kubestellar.io", "bindings", "status", ""))
        .isTrue();
    assertThat(allowed(wds, transport, "list", "apps", "deployments", "", "")).isTrue();
    assertThat(allowed(wds, transport, "create", "control.kubestellar.io", "bindings", "", ""))
        .isFalse();
    assertThat(allowed(wds, transport, "update", "coordination.k8s.io", "leases", "", NAMESPACE))
        .isTrue();
    assertThat(allowed(wds, transport, "update", "coordination.k8s.io", "leases", "", "default"))
        .isFalse();
    assertThat(allowed(wds, manager, "create", "control.kubestellar.io", "bindings", "", ""))
        .isTrue();
    assertThat(allowed(wds, manager, "patch", "apps", "deployments", "status", "web")).isTrue();
    assertThat(allowed(wds, manager, "delete", "apps", "deployments", "", "web")).isFalse();
    assertThat(allowed(wds, manager, "delete", "", "namespaces", "", "")).isFalse();
  }

  @Test
  @Order(3)
  void itsChartCreatesTheWorkStatusCrdAndAnIdentityPerComponent() {
    var its = env.client("its1");
    helm(
        "its1",
        "install",
        "its",
        Charts.chart(Charts.ITS).toString(),
        "--namespace",
        NAMESPACE,
        "--create-namespace",
        "--set",
        "wdses[0].name=wds1",
        "--set",
        "wecs[0].name=cluster1",
        "--wait=false");

    assertThat(
            its.apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName("workstatuses.control.kubestellar.io")
                .get())
        .isNotNull();
    for (var sa : List.of("wds1-controller-manager", "wds1-transport-controller")) {
      assertThat(its.serviceAccounts().inNamespace(NAMESPACE).withName(sa).get()).isNotNull();
    }
    assertThat(its.serviceAccounts().inNamespace("cluster1").withName("status-addon").get())
        .isNotNull();
    assertThat(
            its.rbac()
                .roles()
                .inNamespace("customization-properties")
                .withName("its-wds1-transport-controller-its-watch-properties")
                .get())
        .as("the transport's Role in the namespace the local environment already made")
        .isNotNull();
    assertThat(its.rbac().roles().inNamespace("cluster1").list().getItems())
        .extracting(r -> r.getMetadata().getName())
        .contains("its-status-addon-its-watch", "its-status-addon-its-write");

    var agent = "system:serviceaccount:cluster1:status-addon";
    assertThat(
            allowed(its, agent, "create", "control.kubestellar.io", "workstatuses", "", "cluster1"))
        .isTrue();
    assertThat(
            allowed(its, agent, "create", "control.kubestellar.io", "workstatuses", "", "default"))
        .isFalse();
    var transport = "system:serviceaccount:" + NAMESPACE + ":wds1-transport-controller";
    assertThat(
            allowed(
                its,
                transport,
                "create",
                "work.open-cluster-management.io",
                "manifestworks",
                "",
                "cluster1"))
        .isTrue();
    assertThat(allowed(its, transport, "list", "", "secrets", "", "cluster1")).isFalse();
  }

  @Test
  @Order(4)
  void statusAddonChartInstallsIntoTheWecWithAHubKubeconfigFromItsIdentity() throws IOException {
    var its = env.client("its1");
    // The token controller fills the identity's token Secret that the ITS chart made.
    var token =
        await("token of status-addon in its1/cluster1")
            .atMost(TIMEOUT)
            .until(
                () -> {
                  var secret =
                      its.secrets().inNamespace("cluster1").withName("status-addon-token").get();
                  return secret == null || secret.getData() == null
                      ? null
                      : secret.getData().get("token");
                },
                t -> t != null);
    var hubKubeconfig = work.resolve("cluster1-hub.kubeconfig");
    Files.writeString(
        hubKubeconfig,
        kubeconfig(
            env.serverUrl("its1"),
            caData("its1"),
            new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8)));

    helm(
        "cluster1",
        "install",
        "status-addon",
        Charts.chart(Charts.STATUS_ADDON).toString(),
        "--namespace",
        AGENT_NAMESPACE,
        "--create-namespace",
        "--set",
        "clusterName=cluster1",
        "--set-file",
        "hub.kubeconfig=" + hubKubeconfig,
        "--wait=false");

    var wec = env.client("cluster1");
    var name = "status-addon-status-addon";
    assertThat(wec.apps().deployments().inNamespace(AGENT_NAMESPACE).withName(name).get())
        .isNotNull();
    assertThat(wec.serviceAccounts().inNamespace(AGENT_NAMESPACE).withName(name).get()).isNotNull();
    assertThat(wec.rbac().clusterRoles().withName(name + "-wec-watch").get()).isNotNull();
    assertThat(wec.rbac().clusterRoleBindings().withName(name + "-wec-watch").get()).isNotNull();
    var secret =
        wec.secrets().inNamespace(AGENT_NAMESPACE).withName(name + "-hub-kubeconfig").get();
    assertThat(secret).isNotNull();
    assertThat(secret.getData()).containsKey("kubeconfig");

    // The kubeconfig the agent would mount reaches the ITS with exactly the agent's rights.
    try (var hub =
        new io.fabric8.kubernetes.client.KubernetesClientBuilder()
            .withConfig(
                io.fabric8.kubernetes.client.Config.fromKubeconfig(
                    null, Files.readString(hubKubeconfig), null))
            .build()) {
      assertThat(
              hub.genericKubernetesResources("control.kubestellar.io/v1alpha1", "WorkStatus")
                  .inNamespace("cluster1")
                  .list()
                  .getItems())
          .isEmpty();
    }
    var agent = "system:serviceaccount:" + AGENT_NAMESPACE + ":" + name;
    assertThat(
            allowed(
                wec,
                agent,
                "watch",
                "work.open-cluster-management.io",
                "appliedmanifestworks",
                "",
                ""))
        .isTrue();
    assertThat(allowed(wec, agent, "delete", "apps", "deployments", "", "default")).isFalse();
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** Whether a user may do something, asked of the API server's authorizer. */
  private static boolean allowed(
      KubernetesClient client,
      String user,
      String verb,
      String group,
      String resource,
      String subresource,
      String namespace) {
    var review =
        client
            .authorization()
            .v1()
            .subjectAccessReview()
            .create(
                new SubjectAccessReviewBuilder()
                    .withNewSpec()
                    .withUser(user)
                    .withGroups("system:serviceaccounts", "system:authenticated")
                    .withNewResourceAttributes()
                    .withVerb(verb)
                    .withGroup(group)
                    .withResource(resource)
                    .withSubresource(subresource)
                    .withNamespace(namespace)
                    .endResourceAttributes()
                    .endSpec()
                    .build());
    return Boolean.TRUE.equals(review.getStatus().getAllowed());
  }

  private static ExternalCommand helm(String space, String... args) {
    return spaces.helm(space, List.of(args));
  }

  private static ExternalCommand kubectl(String space, String... args) {
    return spaces.kubectl(space, args);
  }

  private static String caData(String space) throws IOException {
    return io.fabric8.kubernetes.client.Config.fromKubeconfig(
            space, Files.readString(env.kubeconfig()), null)
        .getCaCertData();
  }

  private static String kubeconfig(String server, String caData, String token) {
    return String.join(
        "\n",
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        "- name: its1",
        "  cluster:",
        "    server: " + server,
        "    certificate-authority-data: " + caData,
        "users:",
        "- name: status-addon",
        "  user:",
        "    token: " + token,
        "contexts:",
        "- name: its1",
        "  context:",
        "    cluster: its1",
        "    user: status-addon",
        "current-context: its1",
        "");
  }
}
