/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.kubestellar.api.WireNames;
import io.kubestellar.api.control.v1alpha1.CustomTransform;
import io.kubestellar.transport.model.customtransform.CustomTransformInput;
import io.kubestellar.transport.model.template.ClusterProperties;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the transport model needs besides the object: CustomTransforms and cluster properties. */
final class TransportInputs {

  private final Spaces spaces;
  private List<CustomTransformInput> customTransforms;

  TransportInputs(Spaces spaces) {
    this.spaces = spaces;
  }

  /** Every CustomTransform of the WDS, in the transport model's form. */
  synchronized List<CustomTransformInput> customTransforms() {
    if (customTransforms == null) {
      customTransforms =
          spaces.wds().resources(CustomTransform.class).list().getItems().stream()
              .map(TransportInputs::input)
              .toList();
    }
    return customTransforms;
  }

  private static CustomTransformInput input(CustomTransform ct) {
    var spec = Optional.ofNullable(ct.getSpec());
    return new CustomTransformInput(
        ct.getMetadata().getName(),
        Optional.ofNullable(ct.getMetadata().getGeneration()).orElse(0L),
        spec.map(s -> s.apiGroup()).orElse(""),
        spec.map(s -> s.resource()).orElse(""),
        spec.map(s -> s.remove()).orElse(List.of()));
  }

  /** The template properties of a cluster, collected as the transport collects them. */
  Map<String, String> properties(String cluster) {
    var its = spaces.its();
    var managed =
        its.genericKubernetesResources(
                DeliveryFactsReader.CLUSTER_API, DeliveryFactsReader.CLUSTER_KIND)
            .withName(cluster)
            .get();
    ConfigMap data =
        its.configMaps()
            .inNamespace(WireNames.CUSTOMIZATION_PROPERTIES_NAMESPACE)
            .withName(cluster)
            .get();
    var meta = managed == null ? null : managed.getMetadata();
    return ClusterProperties.collect(
            cluster,
            meta == null ? null : meta.getLabels(),
            meta == null ? null : meta.getAnnotations(),
            data == null ? null : data.getData(),
            data == null ? null : data.getBinaryData())
        .values();
  }
}
