/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubestellar.runtime.work.KeyedWorkQueue;
import io.kubestellar.runtime.work.Outcome;
import io.kubestellar.statusaddon.model.DeliveredObject;
import io.kubestellar.statusaddon.model.DesiredWorkStatus;
import io.kubestellar.statusaddon.model.ExcludedResources;
import io.kubestellar.statusaddon.model.ObjectKey;
import io.kubestellar.statusaddon.model.ReportingWork;
import io.kubestellar.statusaddon.model.WorkStatusChanges;
import io.kubestellar.statusaddon.model.WorkStatusRenderer;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the WorkStatus of one WEC object in line with the object, its AppliedManifestWork and its
 * ManifestWork, reading only caches and writing only what differs: creates it, patches labels,
 * owner, spec or status, or deletes it (also every other WorkStatus reporting on the same object,
 * such as one left by an older AppliedManifestWork).
 */
public final class WorkStatusReconciler {

  private static final Logger LOG = LoggerFactory.getLogger(WorkStatusReconciler.class);

  private final AgentCaches caches;
  private final WorkStatusWriter writer;
  private final WriteProblemEvents problems;
  private final DriftMonitor drift;
  private final AgentMetrics metrics;
  private volatile boolean driftPruned;

  /**
   * Where a reconcile's results go: WorkStatus writes, Events for writes the ITS refuses, drift
   * episodes and meters.
   */
  public record Outputs(
      WorkStatusWriter writer,
      WriteProblemEvents problems,
      DriftMonitor drift,
      AgentMetrics metrics) {}

  /**
   * @param caches what a reconcile reads
   */
  public WorkStatusReconciler(AgentCaches caches, Outputs outputs) {
    this.caches = caches;
    this.writer = outputs.writer();
    this.problems = outputs.problems();
    this.drift = outputs.drift();
    this.metrics = outputs.metrics();
  }

  /** One turn of a worker: reconciles the item's object; a failure is retried with backoff. */
  public Outcome work(KeyedWorkQueue.Item<ObjectKey> item) throws InterruptedException {
    try {
      reconcile(item.key(), item.firstSeenNanos());
      return Outcome.DONE;
    } catch (RuntimeException e) {
      metrics.reconcileFailed();
      LOG.atWarn()
          .setMessage("reconcile failed; will retry")
          .addKeyValue("object", item.key())
          .addKeyValue("error", e.getMessage())
          .log();
      return Outcome.FAILED;
    }
  }

  /**
   * Reconciles one object.
   *
   * @param firstSeenNanos when the first change not yet reflected was seen (for the latency
   *     histogram)
   */
  public void reconcile(ObjectKey key, long firstSeenNanos) throws InterruptedException {
    metrics.reconciled();
    if (caches.resources().state(key.type()) == WatchedResources.State.STARTING) {
      // Its informer has not listed the type yet; the end of that listing enqueues the key again.
      // Deciding now could delete a WorkStatus whose object is merely not cached yet (D14).
      return;
    }
    var desired = desired(key);
    if (desired.isEmpty()) {
      drift.forget(key);
    }
    boolean wrote = false;

    for (var existing : caches.workStatuses().reportingOn(key)) {
      if (desired.isEmpty() || !desired.get().name().equals(existing.getMetadata().getName())) {
        writer.delete(existing);
        LOG.atInfo()
            .setMessage("deleted WorkStatus")
            .addKeyValue("workStatus", existing.getMetadata().getName())
            .addKeyValue("object", key)
            .log();
        wrote = true;
      }
    }

    if (desired.isPresent()) {
      var want = desired.get();
      if (driftPruned) {
        want = want.withDrift(null);
      }
      var current = caches.workStatuses().get(want.name());
      var changes =
          WorkStatusChanges.between(want, current == null ? null : WorkStatuses.observe(current));
      try {
        write(key, want, changes);
      } catch (KubernetesClientException e) {
        problems.report(want, key, e);
        throw e;
      }
      if (changes.any()) {
        problems.resolved(want.name());
      }
      if (changes.any() && want.drift() != null) {
        checkDriftKept(want);
      }
      wrote |= changes.any();
    }
    if (wrote) {
      metrics.changeWritten(firstSeenNanos);
    }
  }

  /**
   * An ITS whose WorkStatus CRD predates D16 prunes {@code drift}; writing it again at every event
   * would never stick, so the agent stops reporting drift (repairs go on) and says what to fix.
   */
  private void checkDriftKept(DesiredWorkStatus want) {
    var written = caches.workStatuses().get(want.name());
    if (written != null && written.getDrift() == null && !driftPruned) {
      driftPruned = true;
      LOG.atWarn()
          .setMessage(
              "the ITS dropped the drift field of a WorkStatus: its WorkStatus CRD is older than"
                  + " this agent; drift is no longer reported until the agent restarts. Apply"
                  + " config/crd/control.kubestellar.io_workstatuses.yaml (chart kubestellar-its)")
          .addKeyValue("workStatus", want.name())
          .log();
    }
  }

  private void write(ObjectKey key, DesiredWorkStatus want, WorkStatusChanges changes)
      throws InterruptedException {
    if (changes.create()) {
      writer.create(want);
      LOG.atInfo()
          .setMessage("created WorkStatus")
          .addKeyValue("workStatus", want.name())
          .addKeyValue("object", key)
          .log();
    } else if (changes.mainResource()) {
      writer.patchMain(want, changes);
      LOG.atDebug()
          .setMessage("updated WorkStatus")
          .addKeyValue("workStatus", want.name())
          .addKeyValue("changes", changes)
          .log();
    }
    if (changes.status()) {
      writer.patchStatus(want);
      LOG.atDebug()
          .setMessage("updated WorkStatus status")
          .addKeyValue("workStatus", want.name())
          .log();
    }
  }

  /** The WorkStatus the object should have; empty when it should have none. */
  private Optional<DesiredWorkStatus> desired(ObjectKey key) {
    if (ExcludedResources.excluded(key.type())) {
      return Optional.empty();
    }
    var object = caches.resources().get(key);
    if (object == null) {
      return Optional.empty();
    }
    var delivered = delivered(key, object);
    var workName =
        ReportingWork.choose(
            delivered.appliedManifestWorkOwners(),
            name -> caches.appliedWorks().get(name) != null,
            caches.appliedWorks().listing(key));
    if (workName.isEmpty()) {
      return Optional.empty();
    }
    var applied = caches.appliedWorks().get(workName.get());
    if (applied == null || applied.getSpec() == null) {
      return Optional.empty();
    }
    var manifestWork = caches.manifestWorks().facts(applied.getSpec().getManifestWorkName());
    if (manifestWork == null || !manifestWork.qualifies()) {
      return Optional.empty();
    }
    var workStatus =
        WorkStatusRenderer.render(
            writer.clusterNamespace(), applied.getMetadata().getUid(), manifestWork, delivered);
    var current = caches.workStatuses().get(workStatus.name());
    return Optional.of(
        workStatus.withDrift(
            drift.evaluate(
                key,
                object,
                applied.getMetadata().getName(),
                applied.getSpec().getManifestWorkName(),
                current == null ? null : current.getDrift())));
  }

  @SuppressWarnings("unchecked")
  private static DeliveredObject delivered(ObjectKey key, GenericKubernetesResource object) {
    var owners = ModelOwners.of(object);
    var status = object.getAdditionalProperties().get("status");
    return new DeliveredObject(
        key.type(),
        object.getKind(),
        key.namespace(),
        key.name(),
        object.getMetadata().getLabels(),
        owners,
        status instanceof Map<?, ?> map ? (Map<String, Object>) map : null);
  }
}
