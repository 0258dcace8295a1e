/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the agent needs to know of one object in the WEC.
 *
 * @param type its resource type, as the AppliedManifestWork lists it
 * @param kind its kind
 * @param namespace {@code ""} when cluster-scoped
 * @param labels its labels (never null)
 * @param ownerReferences its owner references (never null)
 * @param status its {@code .status}, or null when it has none
 */
public record DeliveredObject(
    GroupVersionResource type,
    String kind,
    String namespace,
    String name,
    Map<String, String> labels,
    List<OwnerReference> ownerReferences,
    Map<String, Object> status) {

  public DeliveredObject {
    namespace = namespace == null ? "" : namespace;
    labels = labels == null ? Map.of() : labels;
    ownerReferences = ownerReferences == null ? List.of() : ownerReferences;
  }

  /** The object's key. */
  public ObjectKey key() {
    return new ObjectKey(type, namespace, name);
  }

  /** Names of the AppliedManifestWorks that own the object, in the order of its references. */
  public List<String> appliedManifestWorkOwners() {
    var names = new ArrayList<String>();
    for (var ref : ownerReferences) {
      if (ref.isAppliedManifestWork() && ref.name() != null) {
        names.add(ref.name());
      }
    }
    return names;
  }

  /** Reads an object given as decoded JSON (apiVersion, kind, metadata, status). */
  @SuppressWarnings("unchecked")
  public static DeliveredObject fromJson(String resource, Map<String, Object> json) {
    var apiVersion = (String) json.get("apiVersion");
    int slash = apiVersion.indexOf('/');
    var type =
        new GroupVersionResource(
            slash < 0 ? "" : apiVersion.substring(0, slash),
            apiVersion.substring(slash + 1),
            resource);
    var metadata = (Map<String, Object>) json.getOrDefault("metadata", Map.of());
    var labels = new LinkedHashMap<String, String>();
    if (metadata.get("labels") instanceof Map<?, ?> map) {
      map.forEach((k, v) -> labels.put((String) k, (String) v));
    }
    var owners = new ArrayList<OwnerReference>();
    if (metadata.get("ownerReferences") instanceof List<?> list) {
      for (var item : list) {
        var ref = (Map<String, Object>) item;
        owners.add(
            new OwnerReference(
                (String) ref.get("apiVersion"),
                (String) ref.get("kind"),
                (String) ref.get("name"),
                (String) ref.get("uid"),
                (Boolean) ref.get("controller"),
                (Boolean) ref.get("blockOwnerDeletion")));
      }
    }
    var status = json.get("status") instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    return new DeliveredObject(
        type,
        (String) json.get("kind"),
        (String) metadata.get("namespace"),
        (String) metadata.get("name"),
        labels,
        owners,
        status);
  }
}
