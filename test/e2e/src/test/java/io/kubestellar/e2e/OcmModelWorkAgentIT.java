/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.kubestellar.localenv.EnvironmentSpec;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.SpaceObjects;
import io.kubestellar.localenv.ToolPaths;
import io.kubestellar.localenv.WecSpec;
import io.kubestellar.ocm.work.v1.ManifestWork;
import io.kubestellar.ocm.work.v1.ManifestWorkSpec;
import io.kubestellar.ocm.work.v1.manifestworkspec.ManifestConfigs;
import io.kubestellar.ocm.work.v1.manifestworkspec.Workload;
import io.kubestellar.ocm.work.v1.manifestworkspec.manifestconfigs.FeedbackRules;
import io.kubestellar.ocm.work.v1.manifestworkspec.manifestconfigs.ResourceIdentifier;
import io.kubestellar.ocm.work.v1.manifestworkspec.workload.Manifests;
import io.kubestellar.ocm.work.v1.manifestworkstatus.Conditions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OCM Java model generated from OCM's CRDs is what the real OCM work agent reads and writes: a
 * ManifestWork built with it is applied in the WEC, and the agent's status (conditions,
 * per-manifest status and feedback) reads back through the model without losing anything.
 */
class OcmModelWorkAgentIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  @AutoClose private static LocalEnvironment env;

  @BeforeAll
  static void startEnvironment() {
    env =
        LocalEnvironment.start(
            EnvironmentSpec.defaults(Path.of("target", "ocm-model-it").toAbsolutePath())
                .withWecs(List.of(WecSpec.withDefaultLabels("cluster1", Map.of()))),
            ToolPaths.fromEnvironment());
  }

  @Test
  void aTypedManifestWorkIsAppliedAndItsStatusReadsBackIntact() {
    var its = env.client("its1");
    its.resource(typedWork()).create();

    await("the Deployment Available in cluster1")
        .atMost(TIMEOUT)
        .until(
            () -> {
              var d =
                  env.client("cluster1")
                      .apps()
                      .deployments()
                      .inNamespace("default")
                      .withName("typed")
                      .get();
              return d != null
                  && d.getStatus() != null
                  && Integer.valueOf(1).equals(d.getStatus().getAvailableReplicas());
            });

    await("the agent reports Applied, Available and the Deployment's feedback")
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              var work =
                  its.resources(ManifestWork.class).inNamespace("cluster1").withName("typed").get();
              assertThat(work.getStatus()).isNotNull();
              var conditions =
                  work.getStatus().getConditions().stream()
                      .collect(
                          Collectors.toMap(Conditions::getType, c -> c.getStatus().getValue()));
              assertThat(conditions)
                  .containsEntry("Applied", "True")
                  .containsEntry("Available", "True");
              var manifests = work.getStatus().getResourceStatus().getManifests();
              assertThat(manifests).hasSize(2);
              assertThat(manifests)
                  .anySatisfy(
                      m -> assertThat(m.getResourceMeta().getKind()).isEqualTo("ConfigMap"));
              var deployment =
                  manifests.stream()
                      .filter(m -> "Deployment".equals(m.getResourceMeta().getKind()))
                      .findFirst()
                      .orElseThrow();
              assertThat(deployment.getResourceMeta().getResource()).isEqualTo("deployments");
              assertThat(deployment.getStatusFeedback().getValues())
                  .anySatisfy(
                      v -> {
                        assertThat(v.getName()).isEqualTo("AvailableReplicas");
                        assertThat(v.getFieldValue().getInteger()).isEqualTo(1L);
                      });
            });

    // Nothing the agent wrote is lost by the typed model: its status, serialized back, equals the
    // raw status the API server holds.
    var serialization = its.getKubernetesSerialization();
    var raw =
        its.genericKubernetesResources("work.open-cluster-management.io/v1", "ManifestWork")
            .inNamespace("cluster1")
            .withName("typed")
            .get();
    var typed = serialization.convertValue(raw, ManifestWork.class);
    JsonNode fromModel = serialization.convertValue(typed.getStatus(), JsonNode.class);
    JsonNode fromServer =
        serialization.convertValue(raw.getAdditionalProperties().get("status"), JsonNode.class);
    // Numbers compare by value: the model holds int64 fields as Long, the raw map as Integer.
    Comparator<JsonNode> byValue =
        (a, b) ->
            a.isNumber() && b.isNumber()
                ? a.decimalValue().compareTo(b.decimalValue())
                : a.equals(b) ? 0 : 1;
    assertThat(fromModel.equals(byValue, fromServer))
        .as("status through the model %s%nstatus from the server %s", fromModel, fromServer)
        .isTrue();

    its.resources(ManifestWork.class).inNamespace("cluster1").withName("typed").delete();
    await("the Deployment removed from cluster1")
        .atMost(TIMEOUT)
        .until(
            () ->
                env.client("cluster1")
                        .apps()
                        .deployments()
                        .inNamespace("default")
                        .withName("typed")
                        .get()
                    == null);
  }

  private static ManifestWork typedWork() {
    var configMap = new Manifests();
    configMap.setAdditionalProperties(
        SpaceObjects.configMapManifest(
            "default", "typed", Map.of("written-by", "the OCM Java model")));
    var deployment = new Manifests();
    var labels = Map.of("app", "typed");
    deployment.setAdditionalProperties(
        Map.of(
            "apiVersion",
            "apps/v1",
            "kind",
            "Deployment",
            "metadata",
            Map.of("name", "typed", "namespace", "default"),
            "spec",
            Map.of(
                "replicas", 1,
                "selector", Map.of("matchLabels", labels),
                "template",
                    Map.of(
                        "metadata", Map.of("labels", labels),
                        "spec",
                            Map.of(
                                "containers",
                                List.of(Map.of("name", "c", "image", "nginx:1.27")))))));
    var workload = new Workload();
    workload.setManifests(List.of(configMap, deployment));

    var identifier = new ResourceIdentifier();
    identifier.setGroup("apps");
    identifier.setResource("deployments");
    identifier.setNamespace("default");
    identifier.setName("typed");
    var feedback = new FeedbackRules();
    feedback.setType(FeedbackRules.Type.WELLKNOWNSTATUS);
    var config = new ManifestConfigs();
    config.setResourceIdentifier(identifier);
    config.setFeedbackRules(List.of(feedback));

    var spec = new ManifestWorkSpec();
    spec.setWorkload(workload);
    spec.setManifestConfigs(List.of(config));
    var work = new ManifestWork();
    work.setMetadata(new ObjectMetaBuilder().withName("typed").withNamespace("cluster1").build());
    work.setSpec(spec);
    return work;
  }
}
