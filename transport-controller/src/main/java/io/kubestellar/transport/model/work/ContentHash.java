/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.work;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubestellar.transport.model.TransportKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;

/**
 * The D6 content hash of a ManifestWork: SHA-256 over the canonical JSON (object members sorted by
 * name, null members dropped, no white space) of {@code {"labels": {<the two transport labels>},
 * "spec": <spec>}}.
 *
 * <p>The Binding-generation annotation is deliberately left out, so a Binding change that leaves a
 * ManifestWork's content as it was does not rewrite it. Labels and annotations added by others are
 * left out too. Sorting members makes the hash independent of the member order the API servers
 * happen to return.
 *
 * <p>The ITS stores each manifest's {@code metadata} as an ObjectMeta, which drops empty maps and
 * lists (an {@code annotations: {}} left by cleaning, a {@code labels: {}} left by a
 * CustomTransform); they are dropped before hashing too, so that a work read back from the ITS
 * hashes like the work that was written (D6) and is not rewritten at every sync.
 */
public final class ContentHash {

  private static final String PREFIX = "sha256:";

  private ContentHash() {}

  /** The hash of a ManifestWork, desired or as read from the ITS; {@code sha256:<hex>}. */
  public static String of(JsonNode manifestWork) {
    var nodes = JsonNodeFactory.instance;
    var labels = nodes.objectNode();
    var actualLabels = manifestWork.path("metadata").path("labels");
    for (var key : new String[] {TransportKeys.BINDING_LABEL, TransportKeys.WDS_LABEL}) {
      labels.set(key, actualLabels.has(key) ? actualLabels.get(key) : nodes.nullNode());
    }
    var subject = nodes.objectNode();
    subject.set("labels", labels);
    subject.set(
        "spec", manifestWork.has("spec") ? asStored(manifestWork.get("spec")) : nodes.nullNode());
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      var canonical = canonicalJson(subject).getBytes(StandardCharsets.UTF_8);
      return PREFIX + HexFormat.of().formatHex(digest.digest(canonical));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  /** A copy of a ManifestWork spec with empty members of each manifest's metadata removed. */
  private static JsonNode asStored(JsonNode spec) {
    var manifests = spec.path("workload").path("manifests");
    if (!manifests.isArray() || manifests.isEmpty()) {
      return spec;
    }
    var copy = spec.deepCopy();
    for (var manifest : copy.path("workload").path("manifests")) {
      if (manifest.get("metadata") instanceof ObjectNode metadata) {
        var empty = new ArrayList<String>();
        metadata
            .fields()
            .forEachRemaining(
                e -> {
                  if (e.getValue().isContainerNode() && e.getValue().isEmpty()) {
                    empty.add(e.getKey());
                  }
                });
        metadata.remove(empty);
      }
    }
    return copy;
  }

  /** Compact JSON with object members sorted by name, recursively. */
  static String canonicalJson(JsonNode node) {
    return sorted(node).toString();
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      var names = new ArrayList<String>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      for (var name : names) {
        // Null members are dropped: servers may prune them, and they mean "absent" anyway.
        if (!node.get(name).isNull()) {
          copy.set(name, sorted(node.get(name)));
        }
      }
      return copy;
    }
    if (node.isArray()) {
      var copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> copy.add(sorted(element)));
      return copy;
    }
    return node;
  }
}
