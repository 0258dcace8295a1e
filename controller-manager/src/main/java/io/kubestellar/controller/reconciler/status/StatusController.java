/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.api.control.v1alpha1.CombinedStatus;
import io.kubestellar.api.control.v1alpha1.ControlGroup;
import io.kubestellar.api.control.v1alpha1.StatusCollector;
import io.kubestellar.api.control.v1alpha1.WorkStatus;
import io.kubestellar.controller.model.status.CollectorExpressions;
import io.kubestellar.controller.model.status.CombinedStatusEvaluator;
import io.kubestellar.controller.model.status.CombinedStatusNaming;
import io.kubestellar.controller.model.status.StatusCollectorValidator;
import io.kubestellar.controller.model.status.UnexpectedReports;
import io.kubestellar.runtime.Component;
import io.kubestellar.runtime.DaemonThreads;
import io.kubestellar.runtime.EventPoster;
import io.kubestellar.runtime.InformerLiveness;
import io.kubestellar.runtime.RequiredKinds;
import io.kubestellar.runtime.RequiredNamespace;
import io.kubestellar.runtime.informer.InformerRetry;
import io.kubestellar.runtime.work.KeyedWorkers;
import io.kubestellar.runtime.work.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status controller of one WDS: brings what WECs report (WorkStatus objects in the ITS) back to
 * the WDS as the objects' {@code .status} (singleton and multi-WEC return, D9, D10) and as
 * CombinedStatus objects computed by StatusCollectors (D3, D11–D13), and reports StatusCollector
 * problems on the collectors themselves (D15).
 *
 * <p>Level-triggered over informer caches: WorkStatus (ITS, filtered to this WDS), Binding,
 * StatusCollector, CombinedStatus and the workload kinds Bindings name (WDS). One coalescing queue
 * of workload objects and collectors. Nothing is written, and in particular nothing deleted, before
 * every cache has synced (D14). See {@code docs/status-controller.md}.
 */
public final class StatusController implements Component {

  private static final Logger LOG = LoggerFactory.getLogger(StatusController.class);

  /**
   * Reason of the Warning Event on a WDS object that a WorkStatus claims from a WEC not sent it.
   */
  static final String UNEXPECTED_REASON = "UnexpectedWorkStatus";

  static final String EVENT_COMPONENT = "kubestellar-status-controller";

  /**
   * How long a WorkStatus may report from a WEC that no Binding sends its object to before it is
   * reported: longer than removing an object from a WEC normally takes.
   */
  static final Duration UNEXPECTED_GRACE = Duration.ofSeconds(15);

  /** How often the WorkStatuses are checked against the Bindings' destinations. */
  static final Duration CLAIM_CHECK_INTERVAL = Duration.ofSeconds(5);

  private final KubernetesClient wds;
  private final KubernetesClient its;
  private final String wdsName;
  private final Clock clock;
  private final StatusControllerOptions options;
  private final StatusMetrics metrics;
  private final ObjectMapper json;
  private final BindingRequests bindings = new BindingRequests();
  private final WorkStatuses workStatuses;
  private final WorkloadObjects objects;
  private final KeyedWorkers<StatusKey> queue;
  private final Map<StatusKey.Workload, Long> reportSeenAt = new ConcurrentHashMap<>();
  private final ScheduledExecutorService background;

  /** Touched only by the background thread's claim check. */
  private final UnexpectedReports unexpected = new UnexpectedReports(UNEXPECTED_GRACE);

  private final EventPoster events;

  private volatile boolean synced;
  private volatile boolean waitingForKinds = true;
  private volatile boolean stopping;
  private volatile boolean leading;
  private final InformerLiveness liveness = new InformerLiveness();
  private boolean workersStarted;
  private SharedIndexInformer<Binding> bindingInformer;
  private SharedIndexInformer<StatusCollector> collectorInformer;
  private SharedIndexInformer<CombinedStatus> combinedStatusInformer;
  private SharedIndexInformer<WorkStatus> workStatusInformer;
  private StatusCollectors collectors;
  private WorkloadStatusReconciler reconciler;

  /**
   * @param wds client of the WDS (reads workload objects, Bindings, StatusCollectors; writes
   *     status, labels, CombinedStatus)
   * @param its client of the ITS (reads WorkStatus)
   * @param wdsName this WDS's name; WorkStatuses labelled with another WDS's name are ignored
   * @param clock time source (logged timestamps)
   * @param registry where the meters go
   * @param options tuning
   */
  public StatusController(
      KubernetesClient wds,
      KubernetesClient its,
      String wdsName,
      Clock clock,
      MeterRegistry registry,
      StatusControllerOptions options) {
    this.wds = Objects.requireNonNull(wds, "wds");
    this.its = Objects.requireNonNull(its, "its");
    this.wdsName = Objects.requireNonNull(wdsName, "wdsName");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.options = Objects.requireNonNull(options, "options");
    this.metrics = new StatusMetrics(registry);
    this.json =
        new ObjectMapper()
            .configure(
                com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                false);
    this.workStatuses = new WorkStatuses(wdsName, json);
    this.objects = new WorkloadObjects(wds, this::onWorkloadObject);
    this.queue =
        new KeyedWorkers<>(
            "status-" + wdsName,
            options.coalesceDelay(),
            options.minBackoff(),
            options.maxBackoff(),
            this::handle);
    this.background = DaemonThreads.scheduled("status-" + wdsName + "-background");
    this.events = new EventPoster(wds, EVENT_COMPONENT, null, clock);
  }

  @Override
  public void start() {
    metrics.gauge("queue.depth", "Objects and collectors waiting or reconciling", queue::depth);
    metrics.gauge("workstatuses", "WorkStatuses of this WDS in the ITS", workStatuses::size);
    metrics.gauge("watched.kinds", "Workload kinds watched in the WDS", objects::size);
    metrics.gauge("synced", "1 once every cache has synced", () -> synced ? 1 : 0);
    background.execute(this::startWhenPossible);
  }

  private void startWhenPossible() {
    try {
      awaitKinds();
      ensureReportNamespace();
      startInformers();
      awaitInformers();
      ensureWorkloadKinds();
      while (!objects.hasSynced() && !stopping) {
        Thread.sleep(20);
      }
      if (stopping) {
        return;
      }
      synced = true;
      LOG.atInfo()
          .setMessage("status controller caches synced")
          .addKeyValue("wds", wdsName)
          .addKeyValue("bindingsWithRequests", bindings.objects().size())
          .addKeyValue("workStatuses", workStatuses.size())
          .addKeyValue("watchedKinds", objects.size())
          .log();
      if (options.leadOnStart()) {
        lead();
      } else if (leading) {
        startWorkers();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("status controller cannot start: {}", e.getMessage(), e);
    }
  }

  /** Waits until the WDS serves the KubeStellar kinds and the ITS serves WorkStatus (§6.1). */
  private void awaitKinds() throws InterruptedException {
    var gv = ControlGroup.GROUP + "/" + ControlGroup.VERSION;
    var required =
        new RequiredKinds(
            Map.of("wds", wds, "its", its),
            List.of(
                new RequiredKinds.Kind("wds", gv, "bindings"),
                new RequiredKinds.Kind("wds", gv, "statuscollectors"),
                new RequiredKinds.Kind("wds", gv, "combinedstatuses"),
                new RequiredKinds.Kind("its", gv, "workstatuses")));
    if (required.await(options.crdPollInterval(), () -> !stopping)) {
      waitingForKinds = false;
    }
  }

  private void ensureReportNamespace() throws InterruptedException {
    RequiredNamespace.ensure(
        wds,
        "wds",
        CombinedStatusNaming.REPORT_NAMESPACE,
        options.crdPollInterval(),
        () -> !stopping);
  }

  private void startInformers() {
    var expressions = new CollectorExpressions();
    var validator = new StatusCollectorValidator(expressions);

    bindingInformer =
        InformerRetry.keepTrying(wds.resources(Binding.class).runnableInformer(0), "wds:bindings");
    bindingInformer.addEventHandler(
        handler(
            ObjectMeta::getResourceVersion,
            b -> onBinding(bindings.update(b)),
            b -> onBinding(bindings.remove(b.getMetadata().getName()))));

    collectorInformer =
        InformerRetry.keepTrying(
            wds.resources(StatusCollector.class).runnableInformer(0), "wds:statuscollectors");
    collectorInformer.addEventHandler(
        handler(
            ObjectMeta::getGeneration,
            c -> onCollector(c.getMetadata().getName()),
            c -> onCollector(c.getMetadata().getName())));
    collectors = new StatusCollectors(wds, collectorInformer, validator, metrics);

    combinedStatusInformer =
        InformerRetry.keepTrying(
            wds.resources(CombinedStatus.class).inAnyNamespace().runnableInformer(0),
            "wds:combinedstatuses");
    combinedStatusInformer.addIndexers(
        Map.of(CombinedStatuses.SUBJECT_INDEX, CombinedStatuses::subjectOf));
    combinedStatusInformer.addEventHandler(
        handler(ObjectMeta::getGeneration, this::onCombinedStatus, this::onCombinedStatus));

    workStatusInformer =
        InformerRetry.keepTrying(
            its.resources(WorkStatus.class).inAnyNamespace().runnableInformer(0),
            "its:workstatuses");
    workStatusInformer.addEventHandler(
        handler(
            ObjectMeta::getResourceVersion,
            ws -> onReport(workStatuses.upsert(ws)),
            ws -> onReport(workStatuses.remove(ws))));

    reconciler =
        new WorkloadStatusReconciler(
            bindings,
            workStatuses,
            objects,
            collectors,
            new CombinedStatuses(wds, combinedStatusInformer, json, metrics),
            new CombinedStatusEvaluator(expressions),
            new ReportedStateWriter(wds, json, metrics),
            json);

    bindingInformer.start();
    collectorInformer.start();
    combinedStatusInformer.start();
    workStatusInformer.start();
    liveness.watch("wds:bindings", bindingInformer);
    liveness.watch("wds:statuscollectors", collectorInformer);
    liveness.watch("wds:combinedstatuses", combinedStatusInformer);
    liveness.watch("its:workstatuses", workStatusInformer);
  }

  private void awaitInformers() throws InterruptedException {
    while (!stopping
        && !(bindingInformer.hasSynced()
            && collectorInformer.hasSynced()
            && combinedStatusInformer.hasSynced()
            && workStatusInformer.hasSynced())) {
      Thread.sleep(20);
    }
  }

  /** Watches every kind a Binding names; retries later for kinds discovery does not know yet. */
  private void ensureWorkloadKinds() {
    boolean allKnown = true;
    for (var k : bindings.kinds()) {
      allKnown &= objects.ensure(k.group(), k.version(), k.resource());
    }
    if (!allKnown && !stopping) {
      background.schedule(
          this::ensureWorkloadKinds, options.crdPollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Starts writing: once the caches have synced (at once if they have), every object and collector
   * is looked at and the workers run. Called by {@link #start} when {@code leadOnStart}, otherwise
   * by the embedder when it wins the leader election.
   */
  public void lead() {
    leading = true;
    if (synced) {
      startWorkers();
    }
  }

  private synchronized void startWorkers() {
    if (workersStarted || stopping) {
      return;
    }
    workersStarted = true;
    LOG.atInfo().setMessage("status controller leading").addKeyValue("wds", wdsName).log();
    queue.start(options.workers());
    // After a restart look at everything once: objects with requests, objects with reports and
    // objects that have CombinedStatuses (some may be leftovers to delete), and every collector.
    bindings.objects().forEach(queue::enqueue);
    workStatuses.objects().forEach(queue::enqueue);
    collectors.names().forEach(n -> queue.enqueue(new StatusKey.Collector(n)));
    new CombinedStatuses(wds, combinedStatusInformer, json, metrics)
        .subjects()
        .forEach(queue::enqueue);
    background.scheduleWithFixedDelay(
        this::checkClaims,
        CLAIM_CHECK_INTERVAL.toMillis(),
        CLAIM_CHECK_INTERVAL.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  // ---- claims ----------------------------------------------------------------------------------

  /**
   * Compares every WorkStatus of this WDS with where the Bindings send its object. Status return
   * already ignores a report from a WEC that is not a destination (it reads only destinations);
   * this makes such a report visible, since it was written by someone other than the add-on of a
   * WEC the object was sent to: a Warning Event on the WDS object, a WARN log and a counter.
   */
  private void checkClaims() {
    try {
      var now = clock.instant();
      var present = new HashSet<String>();
      for (var ws : workStatusInformer.getStore().list()) {
        var key = WorkStatuses.sourceKey(ws);
        if (!workStatuses.isOurs(ws) || key.isEmpty()) {
          continue;
        }
        var meta = ws.getMetadata();
        var id = meta.getNamespace() + "/" + meta.getName() + "/" + meta.getUid();
        present.add(id);
        var verdict =
            unexpected.observe(id, meta.getNamespace(), bindings.destinationsOf(key.get()), now);
        if (verdict == UnexpectedReports.Verdict.REPORT) {
          reportUnexpected(ws, key.get());
        }
      }
      unexpected.retainOnly(present);
    } catch (RuntimeException e) {
      LOG.atWarn()
          .setMessage("cannot check WorkStatuses against the Bindings")
          .addKeyValue("wds", wdsName)
          .addKeyValue("error", e.getMessage())
          .log();
    }
  }

  private void reportUnexpected(WorkStatus ws, StatusKey.Workload key) {
    var wec = ws.getMetadata().getNamespace();
    var name = ws.getMetadata().getName();
    metrics.unexpectedReport();
    LOG.atWarn()
        .setMessage("a WorkStatus reports on an object its WEC was not sent; the report is ignored")
        .addKeyValue("workStatus", wec + "/" + name)
        .addKeyValue("cluster", wec)
        .addKeyValue("object", key)
        .log();
    var ref = ws.getSpec().sourceRef();
    var version = ref.version() == null ? "" : ref.version();
    String uid = null;
    var kind = objects.kindOf(key);
    if (kind.isPresent()) {
      var object = WorkloadObjects.cached(kind.get(), key);
      uid = object == null ? null : object.getMetadata().getUid();
    }
    var about =
        new ObjectReferenceBuilder()
            .withApiVersion(key.group().isEmpty() ? version : key.group() + "/" + version)
            .withKind(ref.kind())
            .withNamespace(key.namespace().isEmpty() ? null : key.namespace())
            .withName(key.name())
            .withUid(uid)
            .build();
    events.tryPost(
        about,
        "Warning",
        UNEXPECTED_REASON,
        "WorkStatus "
            + name
            + " in namespace "
            + wec
            + " of the ITS reports on this object from cluster "
            + wec
            + ", which no Binding sends it to; status return ignores it. Only the status add-on of"
            + " a cluster the object is sent to should write such a WorkStatus.");
  }

  // ---- events ----------------------------------------------------------------------------------

  private void onBinding(Set<StatusKey.Workload> changed) {
    if (changed.isEmpty()) {
      return;
    }
    changed.forEach(queue::enqueue);
    if (synced) {
      background.execute(this::ensureWorkloadKinds);
    }
  }

  private void onCollector(String name) {
    queue.enqueue(new StatusKey.Collector(name));
    bindings.usingCollector(name).forEach(queue::enqueue);
  }

  private void onCombinedStatus(CombinedStatus cs) {
    subjectsOf(cs).forEach(queue::enqueue);
  }

  private static List<StatusKey.Workload> subjectsOf(CombinedStatus cs) {
    var labels = cs.getMetadata().getLabels();
    if (CombinedStatuses.subjectOf(cs).isEmpty()) {
      return List.of();
    }
    return List.of(
        new StatusKey.Workload(
            labels.getOrDefault(CombinedStatusNaming.LABEL_API_GROUP, ""),
            labels.get(CombinedStatusNaming.LABEL_RESOURCE),
            labels.getOrDefault(CombinedStatusNaming.LABEL_NAMESPACE, ""),
            labels.get(CombinedStatusNaming.LABEL_NAME)));
  }

  private void onReport(Set<StatusKey.Workload> keys) {
    long now = System.nanoTime();
    for (var key : keys) {
      reportSeenAt.putIfAbsent(key, now);
      queue.enqueue(key);
    }
  }

  private void onWorkloadObject(StatusKey.Workload key, GenericKubernetesResource object) {
    // D12: a change of the object re-evaluates `obj` expressions; a labelled object that nothing
    // asks for any more is cleaned up (also after a restart).
    if (!bindings.requestsFor(key).isEmpty() || WorkloadStatusReconciler.carriesMarker(object)) {
      queue.enqueue(key);
    }
  }

  // ---- work ------------------------------------------------------------------------------------

  private Outcome handle(StatusKey key) {
    long began = System.nanoTime();
    try {
      if (key instanceof StatusKey.Collector c) {
        return collectors.reconcile(c.name());
      }
      return reconcileWorkload((StatusKey.Workload) key);
    } finally {
      metrics.reconciled(System.nanoTime() - began);
    }
  }

  private Outcome reconcileWorkload(StatusKey.Workload key) {
    var seen = reportSeenAt.remove(key);
    WorkloadStatusReconciler.Result result;
    try {
      result = reconciler.reconcile(key);
    } catch (RuntimeException e) {
      if (seen != null) {
        reportSeenAt.merge(key, seen, Math::min);
      }
      throw e;
    }
    if (seen != null) {
      if (result.wrote()) {
        metrics.reportReachedWds(System.nanoTime() - seen);
      } else if (!(result.outcome() instanceof Outcome.Done)) {
        reportSeenAt.merge(key, seen, Math::min);
      }
    }
    return result.outcome();
  }

  // ---- Component -------------------------------------------------------------------------------

  @Override
  public boolean isReady() {
    return synced;
  }

  /** False once one of the controller's own informers stopped by itself (/healthz). */
  @Override
  public boolean isHealthy() {
    return liveness.healthy();
  }

  /**
   * Whether the controller is still waiting for a space to serve the kinds it needs (the ITS's
   * WorkStatus CRD is installed by the ITS chart, possibly after this process starts).
   */
  public boolean isWaitingForKinds() {
    return waitingForKinds;
  }

  @Override
  public void stop() {
    stopping = true;
    liveness.closing();
    queue.close();
    DaemonThreads.stop(background, Duration.ofSeconds(2));
    objects.close();
    for (var informer :
        new SharedIndexInformer<?>[] {
          bindingInformer, collectorInformer, combinedStatusInformer, workStatusInformer
        }) {
      if (informer != null) {
        informer.close();
      }
    }
    LOG.atInfo().setMessage("status controller stopped").addKeyValue("wds", wdsName).log();
  }

  /** The meters, for benchmarks run in-process. */
  public io.micrometer.core.instrument.Timer reportLatency() {
    return metrics.reportLatency();
  }

  Clock clock() {
    return clock;
  }

  /**
   * Calls {@code onChange} on adds and on updates that change {@code version} (resourceVersion, or
   * generation where only the spec matters), {@code onDelete} on deletes.
   */
  private static <T extends HasMetadata> ResourceEventHandler<T> handler(
      Function<ObjectMeta, Object> version, Consumer<T> onChange, Consumer<T> onDelete) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        onChange.accept(obj);
      }

      @Override
      public void onUpdate(T before, T after) {
        if (!Objects.equals(
            version.apply(before.getMetadata()), version.apply(after.getMetadata()))) {
          onChange.accept(after);
        }
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        onDelete.accept(obj);
      }
    };
  }
}
