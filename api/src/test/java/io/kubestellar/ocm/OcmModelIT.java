/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.ocm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubeapitest.junit.EnableKubeAPIServer;
import io.fabric8.kubeapitest.junit.KubeConfig;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;
import io.kubestellar.api.WireNames;
import io.kubestellar.api.testing.RequiresKubeApiServerBinaries;
import io.kubestellar.api.testing.TestApiServer;
import io.kubestellar.ocm.cluster.v1.ManagedCluster;
import io.kubestellar.ocm.cluster.v1.ManagedClusterSpec;
import io.kubestellar.ocm.work.v1.ManifestWork;
import io.kubestellar.ocm.work.v1.ManifestWorkSpec;
import io.kubestellar.ocm.work.v1.manifestworkspec.ManifestConfigs;
import io.kubestellar.ocm.work.v1.manifestworkspec.Workload;
import io.kubestellar.ocm.work.v1.manifestworkspec.manifestconfigs.ResourceIdentifier;
import io.kubestellar.ocm.work.v1.manifestworkspec.manifestconfigs.UpdateStrategy;
import io.kubestellar.ocm.work.v1.manifestworkspec.workload.Manifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java model generated from the description-free OCM CRDs writes objects that the same CRDs
 * accept, through typed fabric8 access.
 */
@RequiresKubeApiServerBinaries
@EnableKubeAPIServer
class OcmModelIT {

  @KubeConfig static String kubeConfig;

  static KubernetesClient client;

  @BeforeAll
  static void installOcmCrds() throws IOException {
    client = TestApiServer.client(kubeConfig);
    try (Stream<Path> files = Files.list(Path.of("src", "main", "ocm-crds"))) {
      var crds =
          files
              .filter(f -> f.toString().endsWith(".yaml"))
              .sorted()
              .map(f -> TestApiServer.crdFromFile(client, f))
              .toList();
      assertThat(crds).hasSize(5);
      TestApiServer.installCrds(client, crds);
    }
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName("cluster1").endMetadata().build())
        .serverSideApply();
  }

  @AfterAll
  static void closeClient() {
    client.close();
  }

  @Test
  void manifestWorkBuiltWithTheJavaModelIsAcceptedAndReadsBackEqual() {
    var deployment =
        client
            .getKubernetesSerialization()
            .unmarshal(
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: frontend, namespace: shop, labels: {app: frontend}}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: frontend}}
                  template:
                    metadata: {labels: {app: frontend}}
                    spec: {containers: [{name: web, image: nginx}]}
                """,
                GenericKubernetesResource.class);
    var manifest = new Manifests();
    manifest.setAdditionalProperties(
        client.getKubernetesSerialization().convertValue(deployment, Map.class));

    var workload = new Workload();
    workload.setManifests(List.of(manifest));
    var identifier = new ResourceIdentifier();
    identifier.setGroup("apps");
    identifier.setResource("deployments");
    identifier.setNamespace("shop");
    identifier.setName("frontend");
    var strategy = new UpdateStrategy();
    strategy.setType(UpdateStrategy.Type.CREATEONLY);
    var config = new ManifestConfigs();
    config.setResourceIdentifier(identifier);
    config.setUpdateStrategy(strategy);
    var spec = new ManifestWorkSpec();
    spec.setWorkload(workload);
    spec.setManifestConfigs(List.of(config));

    var work = new ManifestWork();
    var meta = new ObjectMeta();
    meta.setName("web-wds1-0");
    meta.setLabels(
        Map.of(WireNames.ORIGIN_BINDING_LABEL, "web", WireNames.ORIGIN_WDS_LABEL, "wds1"));
    meta.setAnnotations(Map.of(WireNames.ORIGIN_BINDING_GENERATION_ANNOTATION, "4"));
    work.setMetadata(meta);
    work.setSpec(spec);

    var works = client.resources(ManifestWork.class).inNamespace("cluster1");
    works.resource(work).fieldValidation(Validation.STRICT).create();

    var read = works.withName("web-wds1-0").get();
    assertThat(read.getSpec()).usingRecursiveComparison().isEqualTo(spec);
    assertThat(read.getSpec().getManifestConfigs().get(0).getUpdateStrategy().getType())
        .isEqualTo(UpdateStrategy.Type.CREATEONLY);
    var readManifest = read.getSpec().getWorkload().getManifests().get(0).getAdditionalProperties();
    assertThat(readManifest).containsEntry("kind", "Deployment");
    assertThat(works.withLabel(WireNames.ORIGIN_BINDING_LABEL, "web").list().getItems()).hasSize(1);
  }

  @Test
  void managedClusterIsAccessibleTyped() {
    var cluster = new ManagedCluster();
    var meta = new ObjectMeta();
    meta.setName("cluster1");
    meta.setLabels(Map.of("location-group", "edge"));
    cluster.setMetadata(meta);
    var spec = new ManagedClusterSpec();
    spec.setHubAcceptsClient(true);
    cluster.setSpec(spec);
    client.resource(cluster).fieldValidation(Validation.STRICT).create();

    var selected =
        client
            .resources(ManagedCluster.class)
            .withLabel("location-group", "edge")
            .list()
            .getItems();
    assertThat(selected).extracting(c -> c.getMetadata().getName()).containsExactly("cluster1");
    assertThat(selected.get(0).getSpec().getHubAcceptsClient()).isTrue();
  }
}
