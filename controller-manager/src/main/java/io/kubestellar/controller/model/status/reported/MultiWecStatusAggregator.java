/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status.reported;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubestellar.controller.model.status.JsonEquality;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Combines the {@code .status} several WECs returned for one workload object into the status the
 * WDS object shows (D10): it reads as the worst WEC.
 *
 * <ul>
 *   <li>Counts of healthy things take the minimum and counts of unhealthy things the maximum, per
 *       kind (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job); {@code observedGeneration} the
 *       minimum. A count a WEC omits is read as 0 (Kubernetes omits zero counts); a count no WEC
 *       reports stays absent.
 *   <li>{@code conditions} merge per type: the worst status wins ({@code False} over {@code
 *       Unknown} over {@code True} for positive types, the reverse for negative types such as
 *       {@code ReplicaFailure} and {@code Failed}), taking that WEC's condition with its message
 *       prefixed by the WEC name. A positive type some WEC does not report is left out (that WEC
 *       has not reached it); a negative type counts as {@code False} where absent.
 *   <li>Every other top-level field is kept only if all WECs report the same value.
 * </ul>
 *
 * <p>WECs are visited in name order, so equal inputs give equal outputs.
 */
public final class MultiWecStatusAggregator {

  /** Condition types whose {@code True} status is bad news. */
  public static final Set<String> NEGATIVE_CONDITION_TYPES =
      Set.of(
          "ReplicaFailure",
          "Failed",
          "FailureTarget",
          "Degraded",
          "Stalled",
          "MemoryPressure",
          "DiskPressure",
          "PIDPressure",
          "NetworkUnavailable");

  private static final String CONDITIONS = "conditions";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private record CountRule(Set<String> minimum, Set<String> maximum) {
    boolean covers(String field) {
      return minimum.contains(field) || maximum.contains(field);
    }
  }

  private static final CountRule NO_COUNTS = new CountRule(Set.of(), Set.of());

  private static final Map<String, CountRule> RULES =
      Map.of(
          "apps/Deployment",
          new CountRule(
              Set.of(
                  "replicas",
                  "updatedReplicas",
                  "readyReplicas",
                  "availableReplicas",
                  "observedGeneration"),
              Set.of("unavailableReplicas")),
          "apps/ReplicaSet",
          new CountRule(
              Set.of(
                  "replicas",
                  "fullyLabeledReplicas",
                  "readyReplicas",
                  "availableReplicas",
                  "observedGeneration"),
              Set.of()),
          "apps/StatefulSet",
          new CountRule(
              Set.of(
                  "replicas",
                  "readyReplicas",
                  "currentReplicas",
                  "updatedReplicas",
                  "availableReplicas",
                  "observedGeneration"),
              Set.of()),
          "apps/DaemonSet",
          new CountRule(
              Set.of(
                  "currentNumberScheduled",
                  "desiredNumberScheduled",
                  "updatedNumberScheduled",
                  "numberReady",
                  "numberAvailable",
                  "observedGeneration"),
              Set.of("numberMisscheduled", "numberUnavailable")),
          "batch/Job",
          // Pods still active or terminating somewhere mean the Job is not done everywhere.
          new CountRule(Set.of("succeeded", "ready"), Set.of("failed", "active", "terminating")));

  private MultiWecStatusAggregator() {}

  /** Whether {@code group}/{@code kind} has count rules beyond the generic ones. */
  public static boolean hasKindRules(String group, String kind) {
    return RULES.containsKey(group + "/" + kind);
  }

  /**
   * The aggregated {@code .status}.
   *
   * @param group the workload's API group ({@code ""} for core)
   * @param kind the workload's kind
   * @param statuses at least one WEC status; entries without a status are ignored
   */
  public static ObjectNode aggregate(String group, String kind, List<WecStatus> statuses) {
    var reported =
        statuses.stream()
            .filter(s -> s.status() != null)
            .sorted(Comparator.comparing(WecStatus::clusterId))
            .toList();
    if (reported.isEmpty()) {
      throw new IllegalArgumentException("no WEC has returned a status");
    }
    var rule = RULES.getOrDefault(group + "/" + kind, NO_COUNTS);
    var fields = new LinkedHashSet<String>();
    reported.forEach(s -> s.status().fieldNames().forEachRemaining(fields::add));
    rule.minimum().stream().sorted().forEach(fields::add);
    rule.maximum().stream().sorted().forEach(fields::add);

    var result = JSON.objectNode();
    for (var field : fields) {
      if (field.equals(CONDITIONS)) {
        mergeConditions(reported).ifPresent(c -> result.set(CONDITIONS, c));
      } else if (rule.covers(field)) {
        combineCount(field, rule.maximum().contains(field), reported)
            .ifPresent(v -> result.put(field, v));
      } else {
        agreed(field, reported).ifPresent(v -> result.set(field, v.deepCopy()));
      }
    }
    return result;
  }

  private static java.util.Optional<Long> combineCount(
      String field, boolean takeMaximum, List<WecStatus> reported) {
    boolean seen = false;
    long combined = takeMaximum ? Long.MIN_VALUE : Long.MAX_VALUE;
    for (var wec : reported) {
      var node = wec.status().get(field);
      long value = 0;
      if (node != null && node.isIntegralNumber() && node.canConvertToLong()) {
        value = node.longValue();
        seen = true;
      }
      combined = takeMaximum ? Math.max(combined, value) : Math.min(combined, value);
    }
    return seen ? java.util.Optional.of(combined) : java.util.Optional.empty();
  }

  private static java.util.Optional<JsonNode> agreed(String field, List<WecStatus> reported) {
    JsonNode first = reported.get(0).status().get(field);
    if (first == null) {
      return java.util.Optional.empty();
    }
    for (var wec : reported.subList(1, reported.size())) {
      var other = wec.status().get(field);
      if (other == null || !JsonEquality.equal(first, other)) {
        return java.util.Optional.empty();
      }
    }
    return java.util.Optional.of(first);
  }

  private static java.util.Optional<ArrayNode> mergeConditions(List<WecStatus> reported) {
    // type -> (WEC -> its first condition of that type), types in order of first appearance
    var byType = new LinkedHashMap<String, Map<String, ObjectNode>>();
    boolean anyConditions = false;
    for (var wec : reported) {
      var conditions = wec.status().get(CONDITIONS);
      if (conditions == null || !conditions.isArray()) {
        continue;
      }
      anyConditions = true;
      for (var condition : conditions) {
        var type = condition.path("type");
        if (condition.isObject() && type.isTextual()) {
          byType
              .computeIfAbsent(type.textValue(), t -> new LinkedHashMap<>())
              .putIfAbsent(wec.clusterId(), (ObjectNode) condition);
        }
      }
    }
    if (!anyConditions) {
      return java.util.Optional.empty();
    }
    var merged = JSON.arrayNode();
    for (var entry : byType.entrySet()) {
      mergeType(entry.getKey(), entry.getValue(), reported).ifPresent(merged::add);
    }
    return java.util.Optional.of(merged);
  }

  private static java.util.Optional<ObjectNode> mergeType(
      String type, Map<String, ObjectNode> byWec, List<WecStatus> reported) {
    boolean negative = NEGATIVE_CONDITION_TYPES.contains(type);
    if (!negative && byWec.size() < reported.size()) {
      return java.util.Optional.empty();
    }
    String worstWec = null;
    int worstRank = Integer.MIN_VALUE;
    for (var wec : reported) {
      var condition = byWec.get(wec.clusterId());
      if (condition == null) {
        continue;
      }
      int rank = badness(condition.path("status").asText(""), negative);
      if (rank > worstRank) {
        worstRank = rank;
        worstWec = wec.clusterId();
      }
    }
    var chosen = byWec.get(worstWec).deepCopy();
    var message = chosen.path("message").asText("");
    chosen.put("message", message.isEmpty() ? worstWec : worstWec + ": " + message);
    return java.util.Optional.of(chosen);
  }

  /** Higher is worse. Anything that is neither True nor False counts as Unknown. */
  private static int badness(String status, boolean negative) {
    return switch (status) {
      case "True" -> negative ? 2 : 0;
      case "False" -> negative ? 0 : 2;
      default -> 1;
    };
  }

  /** All field names an aggregate may hold counts for, per kind; for documentation and tests. */
  static List<String> countFields(String group, String kind) {
    var rule = RULES.getOrDefault(group + "/" + kind, NO_COUNTS);
    var all = new ArrayList<String>(rule.minimum());
    all.addAll(rule.maximum());
    all.sort(null);
    return all;
  }
}
