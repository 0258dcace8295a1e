/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubestellar.controller.model.status.CombinedStatusEvaluator;
import io.kubestellar.controller.model.status.CombinedStatusNaming;
import io.kubestellar.controller.model.status.Destination;
import io.kubestellar.controller.model.status.StatusCollectorDefinition;
import io.kubestellar.controller.model.status.reported.ReportedStateLabels;
import io.kubestellar.controller.model.status.reported.ReportedStatePlanner;
import io.kubestellar.controller.model.status.reported.WecStatus;
import io.kubestellar.runtime.work.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles one workload object: its returned {@code .status} and marker labels (§6.5, §6.6, D9,
 * D10) and its CombinedStatus objects, one per BindingPolicy with StatusCollectors (§6.8, D11–D13).
 * Everything is computed from the informer caches; only differences are written.
 */
final class WorkloadStatusReconciler {

  private static final Logger LOG = LoggerFactory.getLogger(WorkloadStatusReconciler.class);
  private static final Duration NOT_SYNCED_RETRY = Duration.ofMillis(200);
  private static final Duration CONFLICT_RETRY = Duration.ofMillis(50);

  private final BindingRequests bindings;
  private final WorkStatuses workStatuses;
  private final WorkloadObjects objects;
  private final StatusCollectors collectors;
  private final CombinedStatuses combinedStatuses;
  private final CombinedStatusEvaluator evaluator;
  private final ReportedStateWriter writer;
  private final ObjectMapper json;

  WorkloadStatusReconciler(
      BindingRequests bindings,
      WorkStatuses workStatuses,
      WorkloadObjects objects,
      StatusCollectors collectors,
      CombinedStatuses combinedStatuses,
      CombinedStatusEvaluator evaluator,
      ReportedStateWriter writer,
      ObjectMapper json) {
    this.bindings = bindings;
    this.workStatuses = workStatuses;
    this.objects = objects;
    this.collectors = collectors;
    this.combinedStatuses = combinedStatuses;
    this.evaluator = evaluator;
    this.writer = writer;
    this.json = json;
  }

  /** The outcome, and whether something was written (for the report latency metric). */
  record Result(Outcome outcome, boolean wrote) {}

  Result reconcile(StatusKey.Workload key) {
    var requests = bindings.requestsFor(key);
    var kind = objects.kindOf(key);
    if (kind.isEmpty() || !kind.get().informer().hasSynced()) {
      if (requests.isEmpty()) {
        // Nothing asks for this object: only leftover CombinedStatuses may need deleting, which
        // needs no object.
        return new Result(Outcome.DONE, combinedStatuses.converge(key, List.of()) > 0);
      }
      return new Result(new Outcome.Again(NOT_SYNCED_RETRY), false);
    }
    var object = WorkloadObjects.cached(kind.get(), key);
    boolean wrote = false;
    try {
      if (object != null) {
        wrote |= reconcileReportedState(kind.get(), object, key, requests);
      }
      wrote |=
          combinedStatuses.converge(key, desiredCombinedStatuses(kind.get(), object, key, requests))
              > 0;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        // A cache a moment behind our own previous write: look again shortly.
        return new Result(new Outcome.Again(CONFLICT_RETRY), wrote);
      }
      throw e;
    }
    return new Result(Outcome.DONE, wrote);
  }

  private boolean reconcileReportedState(
      WorkloadObjects.Kind kind,
      GenericKubernetesResource object,
      StatusKey.Workload key,
      List<BindingRequests.Request> requests) {
    var request = BindingRequests.reportedStateRequest(requests);
    var reports = new ArrayList<WecStatus>();
    for (var r : workStatuses.reportsFor(key)) {
      reports.add(new WecStatus(r.wec(), r.status()));
    }
    var plan =
        ReportedStatePlanner.plan(
            kind.group(), kind.kind(), object.getMetadata().getLabels(), request, reports);
    if (plan.isNoOp()) {
      return false;
    }
    boolean wrote = writer.apply(kind, object, plan);
    if (wrote) {
      LOG.atDebug()
          .setMessage("returned status")
          .addKeyValue("object", key)
          .addKeyValue("action", plan.action())
          .addKeyValue("mode", plan.mode())
          .log();
    }
    return wrote;
  }

  private List<CombinedStatuses.Desired> desiredCombinedStatuses(
      WorkloadObjects.Kind kind,
      GenericKubernetesResource object,
      StatusKey.Workload key,
      List<BindingRequests.Request> requests) {
    if (object == null || object.getMetadata().getUid() == null) {
      return List.of();
    }
    var result = new ArrayList<CombinedStatuses.Desired>();
    JsonNode obj = null;
    List<WorkStatuses.Report> reports = null;
    for (var request : requests) {
      if (request.collectors().isEmpty()) {
        continue;
      }
      if (obj == null) {
        obj = json.valueToTree(object);
        reports = workStatuses.reportsFor(key);
      }
      var definitions = new ArrayList<StatusCollectorDefinition>();
      for (var name : request.collectors()) {
        collectors.definition(name).ifPresent(definitions::add);
      }
      var destinations = new ArrayList<Destination>();
      for (var wec : request.destinations()) {
        destinations.add(destination(wec, reports));
      }
      var results = evaluator.evaluateAll(obj, destinations, definitions);
      logRowErrors(key, request, results);
      result.add(
          new CombinedStatuses.Desired(
              CombinedStatusNaming.name(object.getMetadata().getUid(), request.policyUid()),
              CombinedStatusNaming.namespace(key.namespace()),
              CombinedStatusNaming.labels(
                  new CombinedStatusNaming.Subject(
                      key.group(), key.resource(), key.namespace(), key.name(), request.binding())),
              CombinedStatuses.ownerOf(
                  kind.apiVersion(),
                  kind.kind(),
                  object.getMetadata().getName(),
                  object.getMetadata().getUid()),
              results));
    }
    return result;
  }

  private static Destination destination(String wec, List<WorkStatuses.Report> reports) {
    for (var r : reports) {
      if (r.wec().equals(wec)) {
        return Destination.of(wec, r.status(), r.lastUpdate());
      }
    }
    return Destination.notReported(wec);
  }

  private static void logRowErrors(
      StatusKey.Workload key,
      BindingRequests.Request request,
      List<io.kubestellar.controller.model.status.CollectorResult> results) {
    if (!LOG.isDebugEnabled()) {
      return;
    }
    for (var r : results) {
      for (var e : r.rowErrors()) {
        // Per-row evaluation errors are in the CombinedStatus; logging each at WARN would flood.
        LOG.atDebug()
            .setMessage("StatusCollector evaluation error")
            .addKeyValue("object", key)
            .addKeyValue("binding", request.binding())
            .addKeyValue("statusCollector", r.name())
            .addKeyValue("cluster", e.wec().clusterId())
            .addKeyValue("column", e.columnName())
            .addKeyValue("error", e.error())
            .log();
      }
    }
  }

  /** Whether an object carries a label showing that status return may have written into it. */
  static boolean carriesMarker(GenericKubernetesResource object) {
    var labels = object == null ? null : object.getMetadata().getLabels();
    return labels != null
        && (labels.containsKey(ReportedStateLabels.SINGLETON_STATUS)
            || labels.containsKey(ReportedStateLabels.MULTI_WEC_STATUS)
            || labels.containsKey(ReportedStateLabels.EXECUTING_COUNT));
  }
}
