/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime.informer;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Optional;

/**
 * A resource type named at run time (a Binding's entry, an AppliedManifestWork's list, a discovered
 * CRD), as the API server serves it: the kind and scope that discovery reports, and whether it has
 * a {@code /status} subresource.
 *
 * @param group API group, {@code ""} for the core group
 * @param resource the plural resource name
 */
public record ResourceType(
    String group,
    String version,
    String resource,
    String kind,
    boolean namespaced,
    boolean statusSubresource) {

  public ResourceType {
    group = group == null ? "" : group;
  }

  /** {@code group/version}, or only the version for the core group. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** The fabric8 description of the type, for generic clients and informers. */
  public ResourceDefinitionContext context() {
    return new ResourceDefinitionContext.Builder()
        .withGroup(group)
        .withVersion(version)
        .withPlural(resource)
        .withKind(kind)
        .withNamespaced(namespaced)
        .build();
  }

  /** The type of one entry of a discovery list (its {@code /status} entry is not looked at). */
  public static ResourceType of(String group, String version, APIResource entry) {
    return new ResourceType(
        group,
        version,
        entry.getName(),
        entry.getKind(),
        Boolean.TRUE.equals(entry.getNamespaced()),
        false);
  }

  /**
   * Asks the API server's discovery about one resource of one group version.
   *
   * @return empty when the group version or the resource is not served
   * @throws KubernetesClientException when discovery itself fails
   */
  public static Optional<ResourceType> discover(
      KubernetesClient client, String group, String version, String resource) {
    var probe = new ResourceType(group, version, resource, null, false, false);
    APIResourceList list = client.getApiResources(probe.apiVersion());
    if (list == null || list.getResources() == null) {
      return Optional.empty();
    }
    boolean status =
        list.getResources().stream().anyMatch(r -> r.getName().equals(resource + "/status"));
    return list.getResources().stream()
        .filter(r -> r.getName().equals(resource))
        .findFirst()
        .map(
            entry ->
                new ResourceType(
                    probe.group(),
                    version,
                    resource,
                    entry.getKind(),
                    Boolean.TRUE.equals(entry.getNamespaced()),
                    status));
  }
}
