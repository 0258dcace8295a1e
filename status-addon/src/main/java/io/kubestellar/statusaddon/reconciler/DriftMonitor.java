/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubestellar.api.control.v1alpha1.Drift;
import io.kubestellar.api.control.v1alpha1.DriftField;
import io.kubestellar.statusaddon.model.DriftDetector;
import io.kubestellar.statusaddon.model.DriftEpisodes;
import io.kubestellar.statusaddon.model.ObjectKey;
import io.kubestellar.statusaddon.model.WorkManifests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drift of delivered objects (D16): compares each object in the WEC with the manifest its
 * ManifestWork delivered (when the work agent has applied the work's current spec and keeps the
 * object as delivered, i.e. not {@code CreateOnly}), keeps the episodes, asks the work agent to
 * re-apply when a repair is due, and looks at the object again when the next step is due. It never
 * polls: an object is compared when it, its AppliedManifestWork or its ManifestWork changes, and at
 * the one time its episode needs (report, next repair).
 */
public final class DriftMonitor {

  private static final Logger LOG = LoggerFactory.getLogger(DriftMonitor.class);

  /** Added to every wake-up so the object is looked at just after, not just before, its step. */
  private static final Duration WAKE_SLACK = Duration.ofMillis(20);

  private record Compared(
      String resourceVersion, WorkManifests manifests, DriftDetector.Result r) {}

  private final DriftDetector detector;
  private final DriftEpisodes episodes;
  private final DriftEpisodes.Settings settings;
  private final ManifestWorks manifestWorks;
  private final AppliedWorkReapplier reapplier;
  private final KubernetesSerialization serialization;
  private final AgentMetrics metrics;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Consumer<ObjectKey> enqueue;
  private final Map<ObjectKey, Compared> compared = new ConcurrentHashMap<>();
  private final Map<ObjectKey, Instant> wakes = new ConcurrentHashMap<>();
  private final Set<ObjectKey> conflictLogged = ConcurrentHashMap.newKeySet();

  public DriftMonitor(
      DriftEpisodes.Settings settings,
      ManifestWorks manifestWorks,
      AppliedWorkReapplier reapplier,
      KubernetesSerialization serialization,
      AgentMetrics metrics,
      Clock clock,
      ScheduledExecutorService scheduler,
      Consumer<ObjectKey> enqueue) {
    this.settings = settings;
    this.detector = new DriftDetector(new KubernetesQuantities());
    this.episodes = new DriftEpisodes(settings);
    this.manifestWorks = manifestWorks;
    this.reapplier = reapplier;
    this.serialization = serialization;
    this.metrics = metrics;
    this.clock = clock;
    this.scheduler = scheduler;
    this.enqueue = enqueue;
  }

  /**
   * Compares the object with its manifest, requests a repair when one is due, and returns the drift
   * its WorkStatus reports; null when it matches (or is not compared).
   *
   * @param appliedManifestWork the AppliedManifestWork the object reports through
   * @param manifestWork the name of its ManifestWork
   * @param reported the drift its WorkStatus shows now; null when none
   */
  public Drift evaluate(
      ObjectKey key,
      GenericKubernetesResource live,
      String appliedManifestWork,
      String manifestWork,
      Drift reported) {
    var now = clock.instant();
    var manifests = manifestWorks.appliedManifests(manifestWork).orElse(null);
    Map<String, Object> manifest =
        manifests == null
            ? null
            : manifests.manifestFor(
                key.type().group(), live.getKind(), key.namespace(), key.name());
    if (manifest == null || !manifests.enforced(key.type(), key.namespace(), key.name())) {
      // Not compared: the agent has not applied the work's spec yet, the work does not deliver
      // it, or it is CreateOnly (a change in the WEC is expected there).
      compared.remove(key);
      episodes.observe(key, DriftDetector.Result.NONE, now);
      conflictLogged.remove(key);
      return null;
    }
    var result = compare(key, live, manifests, manifest);
    var plan = episodes.observe(key, result, now, reported);
    var wake = plan.wakeAt();
    if (plan.newlyReported()) {
      metrics.driftReported();
      LOG.atInfo()
          .setMessage(
              settings.repair()
                  ? "object differs from its manifest; asking the work agent to re-apply"
                  : "object differs from its manifest; drift repair is off, only reported")
          .addKeyValue("object", key)
          .addKeyValue("manifestWork", manifestWork)
          .addKeyValue("fields", result.fields().stream().map(DriftField::path).toList())
          .addKeyValue("moreFields", result.moreFields())
          .addKeyValue("managers", managers(result))
          .addKeyValue("repairDelay", settings.repair() ? settings.repairDelay() : null)
          .log();
    }
    if (plan.requestRepair()) {
      boolean accepted = requestRepair(key, appliedManifestWork, now);
      wake = episodes.repairRequested(key, now, accepted);
    }
    if (wake != null) {
      wakeAt(key, wake);
    }
    var report = episodes.report(key);
    if (report == null) {
      conflictLogged.remove(key);
    } else if (Boolean.TRUE.equals(report.conflict()) && conflictLogged.add(key)) {
      LOG.atWarn()
          .setMessage("drift keeps coming back after repairs; another writer in the WEC sets it")
          .addKeyValue("object", key)
          .addKeyValue("manifestWork", manifestWork)
          .addKeyValue("drift", report.message())
          .log();
    }
    return report;
  }

  /** The object no longer has a WorkStatus: forget everything about it. */
  public void forget(ObjectKey key) {
    compared.remove(key);
    episodes.forget(key);
    conflictLogged.remove(key);
  }

  /** Objects whose drift is reported now (a gauge). */
  public int driftedObjects() {
    return episodes.reportedCount();
  }

  private DriftDetector.Result compare(
      ObjectKey key,
      GenericKubernetesResource live,
      WorkManifests manifests,
      Map<String, Object> manifest) {
    var resourceVersion = live.getMetadata().getResourceVersion();
    var known = compared.get(key);
    if (known != null
        && known.manifests() == manifests
        && Objects.equals(known.resourceVersion(), resourceVersion)) {
      return known.r(); // neither side changed (a WorkStatus or AppliedManifestWork event)
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> liveJson = serialization.convertValue(live, Map.class);
    var result = detector.detect(manifest, liveJson);
    compared.put(key, new Compared(resourceVersion, manifests, result));
    return result;
  }

  private boolean requestRepair(ObjectKey key, String appliedManifestWork, Instant now) {
    try {
      reapplier.requestReapply(appliedManifestWork, now);
      metrics.driftRepairRequested();
      LOG.atDebug()
          .setMessage("asked the work agent to re-apply")
          .addKeyValue("object", key)
          .addKeyValue("appliedManifestWork", appliedManifestWork)
          .log();
      return true;
    } catch (KubernetesClientException e) {
      // Bounded by the episode's backoff, so this cannot become a loop of warnings.
      metrics.driftRepairFailed();
      LOG.atWarn()
          .setMessage("could not ask the work agent to re-apply; will try again after a backoff")
          .addKeyValue("object", key)
          .addKeyValue("appliedManifestWork", appliedManifestWork)
          .addKeyValue("error", e.getMessage())
          .log();
      return false;
    }
  }

  /** Enqueues the object at {@code at}; at most one wake-up per object is pending. */
  private void wakeAt(ObjectKey key, Instant at) {
    wakes.compute(
        key,
        (k, pending) -> {
          if (pending != null && !pending.isAfter(at)) {
            return pending;
          }
          long delay =
              Math.max(0, Duration.between(clock.instant(), at).plus(WAKE_SLACK).toMillis());
          try {
            scheduler.schedule(
                () -> {
                  if (wakes.remove(k, at)) {
                    enqueue.accept(k);
                  }
                },
                delay,
                TimeUnit.MILLISECONDS);
          } catch (RejectedExecutionException e) {
            return pending; // the agent is stopping
          }
          return at;
        });
  }

  private static java.util.List<String> managers(DriftDetector.Result result) {
    var names = new java.util.TreeSet<String>();
    for (var field : result.fields()) {
      if (field.managers() != null) {
        names.addAll(field.managers());
      }
    }
    return java.util.List.copyOf(names);
  }
}
