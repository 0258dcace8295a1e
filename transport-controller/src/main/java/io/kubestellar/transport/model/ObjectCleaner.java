/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The WEC-independent built-in cleaning of a workload object read from the WDS (D4): generic
 * metadata stripping, removal of {@code status}, and the Service and Job rules. CustomTransform
 * removals and template expansion come after this and live elsewhere.
 *
 * <p>The rules are listed in {@code docs/transport-model.md}.
 */
public final class ObjectCleaner {

  /** Metadata members that only mean something in the WDS. */
  static final List<String> STRIPPED_METADATA =
      List.of(
          "managedFields",
          "finalizers",
          "generation",
          "ownerReferences",
          "selfLink",
          "resourceVersion",
          "uid",
          "generateName");

  static final String LAST_APPLIED_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";

  static final List<String> STRIPPED_SERVICE_SPEC =
      List.of(
          "ipFamilies",
          "externalTrafficPolicy",
          "internalTrafficPolicy",
          "ipFamilyPolicy",
          "sessionAffinity");

  static final String JOB_TRACKING_ANNOTATION = "batch.kubernetes.io/job-tracking";

  static final List<String> JOB_CONTROLLER_LABELS =
      List.of("controller-uid", "batch.kubernetes.io/controller-uid");

  private static final String HEADLESS = "None";

  /**
   * Returns a cleaned deep copy of {@code wdsObject}; the argument is not modified.
   *
   * @throws IllegalArgumentException if the argument is not a JSON object
   */
  public ObjectNode clean(JsonNode wdsObject) {
    if (!(wdsObject instanceof ObjectNode original)) {
      throw new IllegalArgumentException("a workload object must be a JSON object");
    }
    var object = original.deepCopy();
    var metadata = JsonObjects.objectAt(object, "metadata");
    if (metadata != null) {
      metadata.remove(STRIPPED_METADATA);
      // An annotations map left empty stays as {} (as upstream leaves it); the WEC does not care.
      var annotations = JsonObjects.objectAt(metadata, "annotations");
      if (annotations != null) {
        annotations.remove(LAST_APPLIED_ANNOTATION);
      }
    }
    object.remove("status");

    // Kind-specific rules are keyed by the exact apiVersion and kind, as upstream keys them by GVK.
    var apiVersion = JsonObjects.text(object, "apiVersion");
    var kind = JsonObjects.text(object, "kind");
    if (apiVersion.equals("v1") && kind.equals("Service")) {
      cleanService(object);
    } else if (apiVersion.equals("batch/v1") && kind.equals("Job")) {
      cleanJob(object);
    }
    return object;
  }

  private static void cleanService(ObjectNode service) {
    var spec = JsonObjects.objectAt(service, "spec");
    if (spec == null) {
      return;
    }
    spec.remove(STRIPPED_SERVICE_SPEC);

    // Addresses are allocated by each WEC; only "None" (headless) carries over.
    var clusterIp = spec.get("clusterIP");
    if (clusterIp != null && clusterIp.isTextual() && !clusterIp.textValue().equals(HEADLESS)) {
      spec.remove("clusterIP");
    }
    var clusterIps = spec.get("clusterIPs");
    if (clusterIps instanceof ArrayNode list && allTextual(list)) {
      var kept = spec.arrayNode();
      list.forEach(
          ip -> {
            if (ip.textValue().equals(HEADLESS)) {
              kept.add(ip);
            }
          });
      if (kept.isEmpty()) {
        spec.remove("clusterIPs");
      } else {
        spec.set("clusterIPs", kept);
      }
    }

    var preserve =
        JsonObjects.text(
            JsonObjects.objectAt(service, "metadata", "annotations"),
            TransportKeys.PRESERVE_ANNOTATION);
    if (!preserve.equals("nodeport") && spec.get("ports") instanceof ArrayNode ports) {
      // Upstream writes an explicit null, also where no nodePort was set.
      ports.forEach(
          port -> {
            if (port instanceof ObjectNode portObject) {
              portObject.putNull("nodePort");
            }
          });
    }
  }

  private static void cleanJob(ObjectNode job) {
    var annotations = JsonObjects.objectAt(job, "metadata", "annotations");
    if (annotations != null) {
      annotations.remove(JOB_TRACKING_ANNOTATION);
    }
    var labels = JsonObjects.objectAt(job, "metadata", "labels");
    if (labels != null) {
      labels.remove(JOB_CONTROLLER_LABELS);
    }
    var spec = JsonObjects.objectAt(job, "spec");
    if (spec != null) {
      // The selector and its labels are generated per cluster; suspend is dropped too (D4).
      spec.remove(List.of("selector", "suspend"));
      var podLabels = JsonObjects.objectAt(spec, "template", "metadata", "labels");
      if (podLabels != null) {
        podLabels.remove(JOB_CONTROLLER_LABELS);
      }
    }
  }

  private static boolean allTextual(ArrayNode list) {
    for (var element : list) {
      if (!element.isTextual()) {
        return false;
      }
    }
    return true;
  }
}
