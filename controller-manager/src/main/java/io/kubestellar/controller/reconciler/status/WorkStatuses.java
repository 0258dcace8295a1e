/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.kubestellar.api.WireNames;
import io.kubestellar.api.control.v1alpha1.WorkStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The WorkStatuses of this WDS's objects, indexed by workload object (D13: namespace included) and
 * WEC. Thread-safe; fed by the ITS WorkStatus informer.
 */
final class WorkStatuses {

  /**
   * One WorkStatus as status return reads it.
   *
   * @param wec the WEC (the WorkStatus namespace)
   * @param name the WorkStatus name
   * @param status its {@code .status}, or null when it has none yet
   * @param lastUpdate when its status was last written (from managedFields), or null if unknown
   */
  record Report(String wec, String name, ObjectNode status, Instant lastUpdate) {}

  private final String wdsName;
  private final ObjectMapper json;

  /** key → WEC → WorkStatus name → report; inner maps sorted for determinism. */
  private final Map<StatusKey.Workload, Map<String, TreeMap<String, Report>>> byObject =
      new HashMap<>();

  private final Map<String, StatusKey.Workload> sourceOf = new HashMap<>();

  WorkStatuses(String wdsName, ObjectMapper json) {
    this.wdsName = wdsName;
    this.json = json;
  }

  /** Whether a WorkStatus belongs to this WDS: its origin label is ours, or absent (§2). */
  boolean isOurs(WorkStatus ws) {
    var labels = ws.getMetadata().getLabels();
    var origin = labels == null ? null : labels.get(WireNames.ORIGIN_WDS_LABEL);
    return origin == null || origin.equals(wdsName);
  }

  /**
   * Records a WorkStatus (or forgets it when it is not ours any more).
   *
   * @return the objects whose reports changed: its source, and the previous source if it moved
   */
  synchronized Set<StatusKey.Workload> upsert(WorkStatus ws) {
    var id = id(ws);
    var previous = sourceOf.get(id);
    var key = isOurs(ws) ? sourceKey(ws) : Optional.<StatusKey.Workload>empty();
    if (previous != null && (key.isEmpty() || !key.get().equals(previous))) {
      removeEntry(previous, ws.getMetadata().getNamespace(), ws.getMetadata().getName());
      sourceOf.remove(id);
    }
    if (key.isEmpty()) {
      return previous == null ? Set.of() : Set.of(previous);
    }
    var report =
        new Report(
            ws.getMetadata().getNamespace(),
            ws.getMetadata().getName(),
            statusOf(ws),
            lastStatusUpdate(ws.getMetadata().getManagedFields()));
    byObject
        .computeIfAbsent(key.get(), k -> new HashMap<>())
        .computeIfAbsent(report.wec(), w -> new TreeMap<>())
        .put(report.name(), report);
    sourceOf.put(id, key.get());
    return previous == null || previous.equals(key.get())
        ? Set.of(key.get())
        : Set.of(key.get(), previous);
  }

  /** Forgets a deleted WorkStatus; returns its source object, if known. */
  synchronized Set<StatusKey.Workload> remove(WorkStatus ws) {
    var previous = sourceOf.remove(id(ws));
    if (previous == null) {
      return Set.of();
    }
    removeEntry(previous, ws.getMetadata().getNamespace(), ws.getMetadata().getName());
    return Set.of(previous);
  }

  /** Every report for an object, WECs in name order. */
  synchronized List<Report> reportsFor(StatusKey.Workload key) {
    var perWec = byObject.get(key);
    if (perWec == null) {
      return List.of();
    }
    var result = new ArrayList<Report>();
    new TreeMap<>(perWec).values().forEach(m -> result.addAll(m.values()));
    return result;
  }

  /** Every object that has at least one report. */
  synchronized Set<StatusKey.Workload> objects() {
    return Set.copyOf(byObject.keySet());
  }

  synchronized int size() {
    return sourceOf.size();
  }

  private void removeEntry(StatusKey.Workload key, String wec, String name) {
    var perWec = byObject.get(key);
    if (perWec == null) {
      return;
    }
    var perName = perWec.get(wec);
    if (perName != null) {
      perName.remove(name);
      if (perName.isEmpty()) {
        perWec.remove(wec);
      }
    }
    if (perWec.isEmpty()) {
      byObject.remove(key);
    }
  }

  private static String id(WorkStatus ws) {
    return ws.getMetadata().getNamespace() + "/" + ws.getMetadata().getName();
  }

  /** §3.1: the source object; a WorkStatus without resource or name is ignored. */
  static Optional<StatusKey.Workload> sourceKey(WorkStatus ws) {
    var spec = ws.getSpec();
    if (spec == null || spec.sourceRef() == null) {
      return Optional.empty();
    }
    var ref = spec.sourceRef();
    if (ref.resource() == null || ref.resource().isEmpty() || ref.name() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new StatusKey.Workload(ref.group(), ref.resource(), ref.namespace(), ref.name()));
  }

  private ObjectNode statusOf(WorkStatus ws) {
    if (ws.getStatus() == null) {
      return null;
    }
    JsonNode node = json.valueToTree(ws.getStatus().asMap());
    return node instanceof ObjectNode object ? object : null;
  }

  /**
   * §3.1: the latest {@code time} of the managedFields entries that own {@code f:status}; null when
   * there is none.
   */
  static Instant lastStatusUpdate(List<ManagedFieldsEntry> entries) {
    if (entries == null) {
      return null;
    }
    Instant latest = null;
    for (var entry : entries) {
      if (entry.getFieldsV1() == null
          || entry.getFieldsV1().getAdditionalProperties() == null
          || !entry.getFieldsV1().getAdditionalProperties().containsKey("f:status")
          || entry.getTime() == null) {
        continue;
      }
      try {
        var time = Instant.parse(entry.getTime());
        if (latest == null || time.isAfter(latest)) {
          latest = time;
        }
      } catch (DateTimeParseException e) {
        // not a time we can use; ignore the entry
      }
    }
    return latest;
  }
}
