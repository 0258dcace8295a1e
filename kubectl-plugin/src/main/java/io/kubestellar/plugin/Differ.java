/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.controller.model.binding.ObjectRef;
import io.kubestellar.plugin.model.SentObjects;
import io.kubestellar.plugin.model.UnifiedDiff;
import io.kubestellar.plugin.model.WecProjection;
import io.kubestellar.transport.model.work.BundlingLimits;
import java.util.List;

/**
 * The object as the transport sends it to a cluster (cleaned, transformed, templates expanded)
 * against the WEC's copy, leaving out what the WEC owns (status, defaults, server metadata).
 */
final class Differ {

  /**
   * @param object the object
   * @param cluster the WEC
   * @param policies the policies binding it there
   * @param inWec whether the WEC has a copy
   * @param diff the unified diff, {@code ""} when equal
   * @param problems template errors or size problems of what is sent
   */
  record Answer(
      String object,
      String cluster,
      List<String> policies,
      boolean inWec,
      String diff,
      List<String> problems) {}

  private final Spaces spaces;
  private final TransportInputs inputs;

  Differ(Spaces spaces) {
    this.spaces = spaces;
    this.inputs = new TransportInputs(spaces);
  }

  Answer diff(ObjectRef ref, ApiResources.Type type, String cluster) {
    var policies =
        spaces.wds().resources(Binding.class).list().getItems().stream()
            .map(DeliveryFactsReader::binding)
            .filter(b -> b.objects().containsKey(ref) && b.destinations().contains(cluster))
            .map(b -> b.name())
            .toList();
    if (policies.isEmpty()) {
      throw new UserError(ref + " is not bound to cluster " + cluster + " (see: explain)");
    }
    var wdsCopy = read(spaces.wds(), ref, type);
    if (wdsCopy == null) {
      throw new UserError(ref + " is not in the WDS");
    }
    var sent =
        new SentObjects(BundlingLimits.DEFAULTS)
            .render(
                wdsCopy,
                ref.resource(),
                inputs.customTransforms(),
                cluster,
                inputs.properties(cluster));
    var wecCopy = read(spaces.wec(cluster), ref, type);
    var compared = WecProjection.comparable(sent.object());
    var projected = wecCopy == null ? null : WecProjection.project(compared, wecCopy);
    var diff =
        UnifiedDiff.of(
            spaces.options().wdsName + "/" + ref + " as sent to " + cluster,
            yaml(compared),
            cluster
                + "/"
                + ref
                + (wecCopy == null ? " (absent)" : " (status and defaults left out)"),
            projected == null ? "" : yaml(projected));
    var problems = new java.util.ArrayList<>(sent.templateErrors());
    if (sent.tooLarge() != null) {
      problems.add(sent.tooLarge());
    }
    return new Answer(ref.toString(), cluster, policies, wecCopy != null, diff, problems);
  }

  private static JsonNode read(
      io.fabric8.kubernetes.client.KubernetesClient client, ObjectRef ref, ApiResources.Type type) {
    var resources = client.genericKubernetesResources(type.context());
    var found =
        ref.clusterScoped()
            ? resources.withName(ref.name()).get()
            : resources.inNamespace(ref.namespace()).withName(ref.name()).get();
    return found == null ? null : Spaces.JSON.convertValue(found, JsonNode.class);
  }

  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .build();

  static String yaml(JsonNode node) {
    try {
      return YAML.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print an object as YAML", e);
    }
  }

  static String table(Answer answer) {
    var out = new StringBuilder();
    answer.problems().forEach(p -> out.append("problem: ").append(p).append('\n'));
    out.append(answer.diff());
    return out.toString();
  }
}
