/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubestellar.localenv.Crds;
import io.kubestellar.localenv.EnvironmentSpec;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.ServiceAccountKubeconfigs;
import io.kubestellar.localenv.ToolPaths;
import io.kubestellar.localenv.WecSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A kubeconfig minted for a component's ServiceAccount carries exactly the rights of that
 * component's config/rbac files: what the component does is allowed, anything else is refused.
 */
class ServiceAccountKubeconfigsIT {

  private static LocalEnvironment env;
  private static ServiceAccountKubeconfigs kubeconfigs;
  private static Path rbac;

  @BeforeAll
  static void startEnvironment() throws IOException {
    env =
        LocalEnvironment.start(
            EnvironmentSpec.defaults(Path.of("target", "sa-kubeconfigs-it").toAbsolutePath())
                .withWecs(List.of(WecSpec.withDefaultLabels("cluster1", Map.of()))),
            ToolPaths.fromEnvironment());
    kubeconfigs = new ServiceAccountKubeconfigs(env);
    rbac = Charts.repoRoot().resolve("config").resolve("rbac");
    Crds.apply(
        env.client("its1"),
        Charts.repoRoot().resolve("config/crd/control.kubestellar.io_workstatuses.yaml"));
  }

  @AfterAll
  static void stopEnvironment() {
    if (env != null) {
      env.close();
    }
  }

  @Test
  void transportTokenListsManifestWorksButCannotDeleteANamespace() throws IOException {
    var file =
        kubeconfigs.create(
            "its1",
            "kubestellar",
            "wds1-transport-controller",
            ServiceAccountKubeconfigs.rbacFiles(rbac, "transport-controller", "its"));
    try (var transport = client(file)) {
      assertThat(
              transport
                  .genericKubernetesResources("work.open-cluster-management.io/v1", "ManifestWork")
                  .inAnyNamespace()
                  .list()
                  .getItems())
          .isNotNull();
      assertThat(
              transport
                  .configMaps()
                  .inNamespace(LocalEnvironment.CUSTOMIZATION_PROPERTIES_NAMESPACE)
                  .list()
                  .getItems())
          .isNotNull();
      assertThatThrownBy(() -> transport.namespaces().withName("cluster1").delete())
          .isInstanceOf(KubernetesClientException.class)
          .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(403));
      assertThatThrownBy(() -> transport.secrets().inNamespace("cluster1").list())
          .isInstanceOf(KubernetesClientException.class)
          .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(403));
    }
    assertThat(env.client("its1").namespaces().withName("cluster1").get()).isNotNull();
  }

  @Test
  void statusAddonTokenWritesWorkStatusesOnlyInItsClusterNamespace() throws IOException {
    var file =
        kubeconfigs.create(
            "its1",
            "cluster1",
            "status-addon",
            ServiceAccountKubeconfigs.rbacFiles(rbac, "status-addon", "its"));
    try (var agent = client(file)) {
      var workStatuses =
          agent.genericKubernetesResources("control.kubestellar.io/v1alpha1", "WorkStatus");
      var created = workStatuses.inNamespace("cluster1").resource(workStatus("cluster1")).create();
      assertThat(created.getMetadata().getUid()).isNotEmpty();
      assertThatThrownBy(
              () -> workStatuses.inNamespace("default").resource(workStatus("default")).create())
          .isInstanceOf(KubernetesClientException.class)
          .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(403));
    }
  }

  private static KubernetesClient client(Path kubeconfig) throws IOException {
    return new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(null, Files.readString(kubeconfig), null))
        .build();
  }

  private static io.fabric8.kubernetes.api.model.GenericKubernetesResource workStatus(
      String namespace) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("control.kubestellar.io/v1alpha1")
        .withKind("WorkStatus")
        .withNewMetadata()
        .withName("probe")
        .withNamespace(namespace)
        .endMetadata()
        .withAdditionalProperties(
            Map.of(
                "spec",
                Map.of(
                    "sourceRef",
                    Map.of(
                        "group", "apps",
                        "version", "v1",
                        "resource", "deployments",
                        "kind", "Deployment",
                        "name", "web",
                        "namespace", "web"))))
        .build();
  }
}
