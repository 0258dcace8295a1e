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
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.ServiceAccountKubeconfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A kubeconfig minted for a component's ServiceAccount carries exactly the rights of that
 * component's config/rbac files: what the component does is allowed, anything else is refused.
 */
class ServiceAccountKubeconfigsIT {

  @AutoClose private static LocalEnvironment env;
  private static ServiceAccountKubeconfigs kubeconfigs;
  private static Path rbac;

  @BeforeAll
  static void startEnvironment() throws IOException {
    env = ChartSpaces.start("sa-kubeconfigs-it").env();
    kubeconfigs = new ServiceAccountKubeconfigs(env);
    rbac = Charts.repoRoot().resolve("config").resolve("rbac");
    Crds.apply(
        env.client("its1"),
        Charts.repoRoot().resolve("config/crd/control.kubestellar.io_workstatuses.yaml"));
  }

  @Test
  void transportTokenListsManifestWorksButCannotDeleteANamespace() throws IOException {
    try (var transport =
        itsClient("kubestellar", "wds1-transport-controller", "transport-controller")) {
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
    try (var agent = itsClient("cluster1", "status-addon", "status-addon")) {
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

  /** A client of its1 as the ServiceAccount, holding what the component's ITS RBAC files grant. */
  private static KubernetesClient itsClient(
      String namespace, String serviceAccount, String component) throws IOException {
    var kubeconfig =
        kubeconfigs.create(
            "its1",
            namespace,
            serviceAccount,
            ServiceAccountKubeconfigs.rbacFiles(rbac, component, "its"));
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
