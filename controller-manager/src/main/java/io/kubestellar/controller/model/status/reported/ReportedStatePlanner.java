/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status.reported;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubestellar.controller.model.status.reported.ReportedStatePlan.Action;
import io.kubestellar.controller.model.status.reported.ReportedStatePlan.Mode;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what a WDS workload object's {@code .status} and status labels should become, from what
 * its BindingPolicies request and what the WECs returned (§6.5 of the status spec, D9, D10).
 *
 * <ul>
 *   <li>Singleton and multi both requested: one qualified WEC in the union means singleton, else
 *       multi over the union.
 *   <li>Otherwise exactly one qualified WEC (multi's set preferred) means singleton: that WEC's
 *       status; no WorkStatus there clears; a WorkStatus without status leaves things as they are.
 *   <li>Multi with two or more qualified WECs: the D10 aggregate of those that returned a status,
 *       for every kind, marked multi even if only one has reported so far; none reported clears.
 *   <li>Anything else clears.
 * </ul>
 *
 * Clearing an object that carries no marker label does nothing: its status was never ours. Core
 * Namespaces and CustomResourceDefinitions are never touched (their WDS status is authoritative).
 */
public final class ReportedStatePlanner {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ReportedStatePlanner() {}

  /** Whether status return may write into objects of this group and kind. */
  public static boolean isStatusReturnAllowed(String group, String kind) {
    var g = group == null ? "" : group;
    return !(g.isEmpty() && "Namespace".equals(kind))
        && !("apiextensions.k8s.io".equals(g) && "CustomResourceDefinition".equals(kind));
  }

  /**
   * The plan for one object.
   *
   * @param group the object's API group ({@code ""} for core)
   * @param kind the object's kind
   * @param currentLabels the object's labels now
   * @param request the merged request
   * @param workStatuses one entry per existing WorkStatus of this object (any WEC)
   */
  public static ReportedStatePlan plan(
      String group,
      String kind,
      Map<String, String> currentLabels,
      ReportedStateRequest request,
      Collection<WecStatus> workStatuses) {
    var labels = currentLabels == null ? Map.<String, String>of() : currentLabels;
    if (!isStatusReturnAllowed(group, kind)) {
      return new ReportedStatePlan(Action.NONE, null, null, Map.of(), Set.of());
    }
    var decision = decide(group, kind, request, workStatuses);
    return withLabels(decision, labels, request);
  }

  private record Decision(Action action, Mode mode, ObjectNode status) {
    static final Decision CLEAR = new Decision(Action.CLEAR, null, JSON.objectNode());
    static final Decision NONE = new Decision(Action.NONE, null, null);
  }

  private static Decision decide(
      String group, String kind, ReportedStateRequest r, Collection<WecStatus> workStatuses) {
    boolean s = r.singletonRequested();
    boolean m = r.multiRequested();
    if (s && m) {
      var union = r.allWecs();
      return union.size() == 1
          ? singleton(union.iterator().next(), workStatuses)
          : multi(group, kind, union, workStatuses);
    }
    if (m && r.multiWecs().size() == 1) {
      return singleton(r.multiWecs().iterator().next(), workStatuses);
    }
    if (s && r.singletonWecs().size() == 1) {
      return singleton(r.singletonWecs().iterator().next(), workStatuses);
    }
    if (m && r.multiWecs().size() > 1) {
      return multi(group, kind, r.multiWecs(), workStatuses);
    }
    return Decision.CLEAR;
  }

  private static Decision singleton(String wec, Collection<WecStatus> workStatuses) {
    var matching = workStatuses.stream().filter(w -> w.clusterId().equals(wec)).toList();
    if (matching.size() != 1) {
      return Decision.CLEAR;
    }
    var status = matching.get(0).status();
    if (status == null) {
      return Decision.NONE;
    }
    return new Decision(Action.WRITE, Mode.SINGLETON, status.deepCopy());
  }

  private static Decision multi(
      String group, String kind, Set<String> wecs, Collection<WecStatus> workStatuses) {
    List<WecStatus> reported =
        workStatuses.stream()
            .filter(w -> wecs.contains(w.clusterId()) && w.status() != null)
            .toList();
    if (reported.isEmpty()) {
      return Decision.CLEAR;
    }
    return new Decision(
        Action.WRITE, Mode.MULTI_WEC, MultiWecStatusAggregator.aggregate(group, kind, reported));
  }

  private static ReportedStatePlan withLabels(
      Decision decision, Map<String, String> labels, ReportedStateRequest request) {
    boolean haveSingleton = labels.containsKey(ReportedStateLabels.SINGLETON_STATUS);
    boolean haveMulti = labels.containsKey(ReportedStateLabels.MULTI_WEC_STATUS);
    var toSet = new HashMap<String, String>();
    var toRemove = new HashSet<String>();
    var action = decision.action();
    var status = decision.status();
    switch (action) {
      case WRITE -> {
        var want =
            decision.mode() == Mode.SINGLETON
                ? ReportedStateLabels.SINGLETON_STATUS
                : ReportedStateLabels.MULTI_WEC_STATUS;
        var other =
            decision.mode() == Mode.SINGLETON
                ? ReportedStateLabels.MULTI_WEC_STATUS
                : ReportedStateLabels.SINGLETON_STATUS;
        if (!ReportedStateLabels.TRUE.equals(labels.get(want))) {
          toSet.put(want, ReportedStateLabels.TRUE);
        }
        if (labels.containsKey(other)) {
          toRemove.add(other);
        }
      }
      case CLEAR -> {
        if (!haveSingleton && !haveMulti) {
          // Never written by us: leave the status alone.
          action = Action.NONE;
          status = null;
        } else {
          if (haveSingleton) {
            toRemove.add(ReportedStateLabels.SINGLETON_STATUS);
          }
          if (haveMulti) {
            toRemove.add(ReportedStateLabels.MULTI_WEC_STATUS);
          }
        }
      }
      case NONE -> {}
    }
    executingCount(request)
        .ifPresentOrElse(
            count -> {
              if (!count.equals(labels.get(ReportedStateLabels.EXECUTING_COUNT))) {
                toSet.put(ReportedStateLabels.EXECUTING_COUNT, count);
              }
            },
            () -> {
              if (labels.containsKey(ReportedStateLabels.EXECUTING_COUNT)) {
                toRemove.add(ReportedStateLabels.EXECUTING_COUNT);
              }
            });
    return new ReportedStatePlan(
        action, action == Action.WRITE ? decision.mode() : null, status, toSet, toRemove);
  }

  /**
   * D9: the value of {@code kubestellar.io/executing-count}, present while singleton return is
   * requested: the size of the qualified set (the union when multi is requested too).
   */
  public static java.util.Optional<String> executingCount(ReportedStateRequest request) {
    if (!request.singletonRequested()) {
      return java.util.Optional.empty();
    }
    int size = request.multiRequested() ? request.allWecs().size() : request.singletonWecs().size();
    return java.util.Optional.of(Integer.toString(size));
  }
}
