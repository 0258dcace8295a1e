/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.model;

import io.kubestellar.api.WireNames;
import io.kubestellar.api.control.v1alpha1.ControlGroup;
import io.kubestellar.api.control.v1alpha1.Drift;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WorkStatus the agent wants for one delivered object.
 *
 * @param name see {@link WorkStatusNaming}
 * @param namespace the WEC's namespace in the ITS
 * @param labels the ManifestWork's labels plus the object's singleton-status label, if any
 * @param owner the ManifestWork that delivered the object (controller reference)
 * @param source the object
 * @param status the object's {@code .status}, or null when it has none
 * @param drift how the object differs from its manifest (D16), or null when it matches
 */
public record DesiredWorkStatus(
    String name,
    String namespace,
    Map<String, String> labels,
    OwnerReference owner,
    SourceIdentity source,
    StatusDetailsValues statusDetails,
    Map<String, Object> status,
    Drift drift) {

  /** Without a drift report. */
  public DesiredWorkStatus(
      String name,
      String namespace,
      Map<String, String> labels,
      OwnerReference owner,
      SourceIdentity source,
      StatusDetailsValues statusDetails,
      Map<String, Object> status) {
    this(name, namespace, labels, owner, source, statusDetails, status, null);
  }

  /**
   * The same WorkStatus with this drift report (null: none), labelled {@link
   * WireNames#DRIFTED_LABEL} {@code true} while it has one, so that the transport controller
   * watches only drifted objects' WorkStatuses.
   */
  public DesiredWorkStatus withDrift(Drift drift) {
    var withLabel = new java.util.TreeMap<>(labels);
    if (drift == null) {
      withLabel.remove(WireNames.DRIFTED_LABEL);
    } else {
      withLabel.put(WireNames.DRIFTED_LABEL, "true");
    }
    return new DesiredWorkStatus(
        name,
        namespace,
        java.util.Collections.unmodifiableMap(withLabel),
        owner,
        source,
        statusDetails,
        status,
        drift);
  }

  /** The whole object as decoded JSON, the way it is created (status is written separately). */
  public Map<String, Object> toJson() {
    var metadata = new LinkedHashMap<String, Object>();
    metadata.put("name", name);
    metadata.put("namespace", namespace);
    metadata.put("labels", labels);
    metadata.put("ownerReferences", List.of(ownerReferenceJson()));
    var json = new LinkedHashMap<String, Object>();
    json.put("apiVersion", ControlGroup.API_VERSION);
    json.put("kind", "WorkStatus");
    json.put("metadata", metadata);
    json.put("spec", specJson());
    json.put("statusDetails", statusDetails.toJson());
    if (drift != null) {
      json.put("drift", driftJson());
    }
    if (status != null) {
      json.put("status", status);
    }
    return json;
  }

  /** The owner reference as decoded JSON. */
  public Map<String, Object> ownerReferenceJson() {
    var ref = new LinkedHashMap<String, Object>();
    ref.put("apiVersion", owner.apiVersion());
    ref.put("kind", owner.kind());
    ref.put("name", owner.name());
    ref.put("uid", owner.uid());
    ref.put("controller", owner.controller());
    ref.put("blockOwnerDeletion", owner.blockOwnerDeletion());
    return ref;
  }

  /** {@code drift} as decoded JSON; null when there is none. */
  public Map<String, Object> driftJson() {
    if (drift == null) {
      return null;
    }
    var json = new LinkedHashMap<String, Object>();
    var fields = new java.util.ArrayList<Map<String, Object>>();
    for (var field : drift.fields()) {
      var item = new LinkedHashMap<String, Object>();
      item.put("path", field.path());
      item.put("desired", field.desired());
      if (field.actual() != null) {
        item.put("actual", field.actual());
      }
      if (field.managers() != null) {
        item.put("managers", field.managers());
      }
      fields.add(item);
    }
    json.put("fields", fields);
    if (drift.moreFields() != null) {
      json.put("moreFields", drift.moreFields());
    }
    json.put("detectedTime", drift.detectedTime());
    if (drift.repairRequests() != null) {
      json.put("repairRequests", drift.repairRequests());
    }
    if (drift.conflict() != null) {
      json.put("conflict", drift.conflict());
    }
    if (drift.message() != null) {
      json.put("message", drift.message());
    }
    return json;
  }

  /** {@code spec} as decoded JSON. */
  public Map<String, Object> specJson() {
    var ref = new LinkedHashMap<String, Object>();
    ref.put("group", source.group());
    ref.put("version", source.version());
    ref.put("resource", source.resource());
    ref.put("kind", source.kind());
    ref.put("name", source.name());
    ref.put("namespace", source.namespace());
    return Map.of("sourceRef", ref);
  }
}
