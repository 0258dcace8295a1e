/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.reconciler.binding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.api.control.v1alpha1.BindingPolicy;
import io.kubestellar.api.control.v1alpha1.Condition;
import io.kubestellar.model.GroupResource;
import io.kubestellar.runtime.Generations;
import io.kubestellar.runtime.TokenBucket;
import io.kubestellar.runtime.controller.ExternalTriggers;
import io.kubestellar.runtime.controller.TryAgain;
import io.kubestellar.transport.model.ObjectCleaner;
import io.kubestellar.transport.model.TransportKeys;
import io.kubestellar.transport.model.Wrapee;
import io.kubestellar.transport.model.status.BindingReadiness;
import io.kubestellar.transport.model.status.DriftReport;
import io.kubestellar.transport.model.status.Problem;
import io.kubestellar.transport.model.status.ReadyState;
import io.kubestellar.transport.model.template.Customization;
import io.kubestellar.transport.model.template.DestinationCustomizer;
import io.kubestellar.transport.model.work.BindingIdentity;
import io.kubestellar.transport.model.work.ManifestWorkRenderer;
import io.kubestellar.transport.model.work.RenderedWork;
import io.kubestellar.transport.model.work.WorkPlan;
import io.kubestellar.transport.reconciler.Events;
import io.kubestellar.transport.reconciler.TransportMetrics;
import io.kubestellar.transport.reconciler.customtransform.CustomTransforms;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Syncs one Binding: reads its workload objects, cleans and transforms them, expands templates per
 * destination, renders the ManifestWorks, writes those whose content differs from the ITS (D6),
 * deletes those no longer wanted, and reports the outcome in the Binding's status and in Events.
 *
 * <p>A JOSDK reconciler of Bindings. Its event sources: the ManifestWorks in the ITS (through the
 * ITS client) and {@code triggers}, which carries changes of the workload objects (informers per
 * kind, started when a Binding first lists the kind), CustomTransforms, inventory properties and
 * drift reports. It runs on deletions too, so that the works of a Binding deleted without the
 * transport's finalizer still go.
 */
public final class BindingReconciler implements Reconciler<Binding> {

  private static final Logger LOG = LoggerFactory.getLogger(BindingReconciler.class);
  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  private static final Duration SOON = Duration.ofMillis(50);
  private static final UpdateControl<Binding> DONE = UpdateControl.noUpdate();

  /** Runs again shortly: a cache was still filling, or a write met a newer version. */
  private static UpdateControl<Binding> soon() {
    return UpdateControl.<Binding>noUpdate().rescheduleAfter(SOON);
  }

  /** Runs again with JOSDK's backoff; the reason is already in the status or an Event. */
  private static UpdateControl<Binding> failed(String reason) {
    throw new TryAgain(reason);
  }

  private final KubernetesClient wds;
  private final WorkloadObjects workload;
  private final CustomTransforms customTransforms;
  private final InventoryProperties properties;
  private final ManifestWorks works;
  private final BindingIndex index;
  private final ManifestWorkRenderer renderer;
  private final ObjectCleaner cleaner = new ObjectCleaner();
  private final TokenBucket itsWrites;
  private final TokenBucket wdsWrites;
  private final Events events;
  private final TransportMetrics metrics;
  private final Clock clock;
  private final java.util.concurrent.ExecutorService writers;
  private final ObjectMapper mapper = new ObjectMapper();

  public BindingReconciler(
      KubernetesClient wds,
      WorkloadObjects workload,
      CustomTransforms customTransforms,
      InventoryProperties properties,
      ManifestWorks works,
      BindingIndex index,
      ManifestWorkRenderer renderer,
      TokenBucket itsWrites,
      TokenBucket wdsWrites,
      Events events,
      TransportMetrics metrics,
      Clock clock,
      java.util.concurrent.ExecutorService writers,
      java.util.function.Function<String, List<DriftReport>> drift,
      ExternalTriggers<Binding> triggers) {
    this.wds = wds;
    this.workload = workload;
    this.customTransforms = customTransforms;
    this.properties = properties;
    this.works = works;
    this.index = index;
    this.renderer = renderer;
    this.itsWrites = itsWrites;
    this.wdsWrites = wdsWrites;
    this.events = events;
    this.metrics = metrics;
    this.clock = clock;
    this.writers = writers;
    this.drift = drift;
    this.triggers = triggers;
  }

  private final ExternalTriggers<Binding> triggers;

  @Override
  public List<EventSource<?, Binding>> prepareEventSources(EventSourceContext<Binding> context) {
    bindings = context.getPrimaryCache();
    return List.of(works.eventSource(context), triggers);
  }

  private volatile io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache<Binding>
      bindings;

  private final java.util.function.Function<String, List<DriftReport>> drift;

  /** Syncs the Binding; also cleans up after a Binding that no longer exists. */
  @Override
  public UpdateControl<Binding> reconcile(Binding binding, Context<Binding> context) {
    var name = binding.getMetadata().getName();
    MDC.put("binding", name);
    try {
      return metrics.bindingSyncs().record(() -> sync(binding, context.isPrimaryResourceDeleted()));
    } finally {
      MDC.remove("binding");
    }
  }

  /**
   * How long the Binding that has not been Ready the longest has been so, in seconds (from its
   * {@code Ready} condition's last transition); 0 when every Binding is Ready or none exists.
   */
  public double oldestNotReadySeconds() {
    var cache = bindings;
    if (cache == null) {
      return 0;
    }
    var now = Instant.now(clock);
    return cache
        .list()
        .mapToDouble(
            binding -> {
              var status = binding.getStatus();
              if (status == null || status.conditions() == null) {
                return 0;
              }
              return status.conditions().stream()
                  .filter(c -> Condition.TYPE_READY.equals(c.type()))
                  .filter(c -> !"True".equals(c.status()) && c.lastTransitionTime() != null)
                  .mapToDouble(
                      c -> {
                        try {
                          var since = Instant.parse(c.lastTransitionTime());
                          return Math.max(0, Duration.between(since, now).toMillis() / 1000.0);
                        } catch (java.time.format.DateTimeParseException e) {
                          return 0;
                        }
                      })
                  .max()
                  .orElse(0);
            })
        .max()
        .orElse(0);
  }

  /**
   * Deletes the works of Bindings that are gone (e.g. deleted while no transport ran); run by the
   * leader once its caches have synced.
   */
  public void deleteOrphans() {
    for (var name : works.bindingNames()) {
      if (bindings
          .get(new io.javaoperatorsdk.operator.processing.event.ResourceID(name))
          .isEmpty()) {
        LOG.atInfo()
            .setMessage("deleting the ManifestWorks of a Binding that is gone")
            .addKeyValue("binding", name)
            .log();
        deleteAllWorks(name);
      }
    }
  }

  private UpdateControl<Binding> sync(Binding binding, boolean deleted) {
    var name = binding.getMetadata().getName();
    if (deleted) {
      // Gone without our finalizer: its works are orphans.
      index.remove(name);
      return deleteAllWorks(name) ? DONE : failed("cannot delete every ManifestWork");
    }
    index.update(binding);
    if (binding.getMetadata().getDeletionTimestamp() != null) {
      return finalizeDeletion(binding);
    }
    if (!hasFinalizer(binding)) {
      return addFinalizer(binding);
    }

    // 1. The objects, cleaned (D4) and transformed, in Binding order.
    var problems = new ArrayList<Problem>();
    boolean complete = true;
    var wrapees = new ArrayList<Wrapee>();
    for (var ref : WorkloadRef.of(binding)) {
      var lookup = workload.get(ref);
      if (lookup instanceof WorkloadObjects.Lookup.Syncing) {
        return soon();
      } else if (lookup instanceof WorkloadObjects.Lookup.Unavailable unavailable) {
        complete = false;
        problems.add(
            new Problem(
                Problem.Kind.WORKLOAD_UNAVAILABLE, describe(ref) + ": " + unavailable.reason()));
      } else if (lookup instanceof WorkloadObjects.Lookup.Found found) {
        ObjectNode object = mapper.valueToTree(found.object());
        var cleaned = cleaner.clean(object);
        customTransforms.rules(new GroupResource(ref.group(), ref.resource())).applyTo(cleaned);
        wrapees.add(
            new Wrapee(
                cleaned, found.object().getMetadata().getUid(), ref.resource(), ref.createOnly()));
      }
      // Absent: deleted from the WDS; the binding controller drops it from the Binding soon, and
      // its ManifestWorks go now, so the object leaves the WECs.
    }

    // 2. Per-destination customization (§4.5); a failure freezes the Binding's works (D5).
    var destinations = destinations(binding);
    Customization customization =
        new DestinationCustomizer(properties::of).customize(wrapees, destinations);
    index.setSensitiveClusters(name, customization.sensitiveDestinations());

    var identity =
        new BindingIdentity(name, binding.getMetadata().getUid(), Generations.of(binding));
    int desiredCount = 0;
    boolean retry = false;
    if (customization.failed()) {
      customization
          .errors()
          .forEach(e -> problems.add(new Problem(Problem.Kind.TEMPLATE_EXPANSION_FAILED, e)));
    } else {
      // 3. Render, compare with the ITS, write what differs, delete what is no longer wanted.
      var desired = new ArrayList<RenderedWork>();
      var keepIn = new HashSet<String>();
      render(identity, destinations, customization, desired, keepIn, problems);
      desiredCount = desired.size();
      var existing = works.of(name).stream().map(works::existing).toList();
      boolean mayDelete = complete;
      var plan = WorkPlan.of(desired, existing, ns -> mayDelete && !keepIn.contains(ns));
      retry = execute(plan, problems);
      if (!plan.isEmpty()) {
        LOG.atDebug()
            .setMessage("synced Binding")
            .addKeyValue("writes", plan.writes().size())
            .addKeyValue("deletes", plan.deletes().size())
            .addKeyValue("upToDate", plan.upToDate())
            .log();
      }
    }

    // 4. Report.
    var drifted = drift.apply(name);
    var ready =
        BindingReadiness.ready(
            problems, works.notApplied(name), desiredCount, destinations.size(), drifted);
    var statusOutcome = writeStatus(binding, ready, BindingReadiness.errors(problems, drifted));
    var policy = policyOf(binding);
    if (!problems.isEmpty()) {
      events.warning(binding, ready.reason(), ready.message());
    } else if (!drifted.isEmpty()) {
      // D16: drift is told where users look, on the Binding and on its BindingPolicy.
      events.warning(binding, ready.reason(), ready.message());
      if (policy != null) {
        events.warning(policy, ready.reason(), ready.message());
      }
    } else {
      events.forget(binding);
      if (policy != null) {
        events.forget(policy);
      }
    }
    if (retry || problems.stream().anyMatch(p -> p.kind() == Problem.Kind.WRITE_FAILED)) {
      return failed(ready.message());
    }
    if (!complete) {
      return failed(ready.message()); // a workload resource could not be read; backoff
    }
    return statusOutcome;
  }

  private void render(
      BindingIdentity identity,
      List<String> destinations,
      Customization customization,
      List<RenderedWork> desired,
      Set<String> keepIn,
      List<Problem> problems) {
    if (destinations.isEmpty()) {
      return;
    }
    if (!customization.customized()) {
      // Every destination gets the same content; render once and re-address copies.
      var first = destinations.get(0);
      var bundle = renderer.render(identity, first, customization.shared());
      bundle
          .oversized()
          .forEach(o -> problems.add(new Problem(Problem.Kind.OBJECT_TOO_LARGE, o.message())));
      for (var destination : destinations) {
        if (!bundle.complete()) {
          keepIn.add(destination);
        }
        for (var work : bundle.works()) {
          desired.add(destination.equals(first) ? work : readdressed(work, destination));
        }
      }
      return;
    }
    for (var destination : destinations) {
      var bundle = renderer.render(identity, destination, customization.objectsFor(destination));
      if (!bundle.complete()) {
        keepIn.add(destination);
        bundle
            .oversized()
            .forEach(
                o ->
                    problems.add(
                        new Problem(
                            Problem.Kind.OBJECT_TOO_LARGE,
                            o.message() + " (cluster " + destination + ")")));
      }
      desired.addAll(bundle.works());
    }
  }

  private static RenderedWork readdressed(RenderedWork work, String destination) {
    var copy = work.manifestWork().deepCopy();
    ((ObjectNode) copy.get("metadata")).put("namespace", destination);
    return new RenderedWork(copy, work.gloss());
  }

  /**
   * Carries out a plan, with up to the writer pool's size of writes in flight (a Binding with many
   * objects is written at the rate the ITS accepts, not one round trip at a time); returns whether
   * a conflict asks for a quick retry.
   */
  private boolean execute(WorkPlan plan, List<Problem> problems) {
    var conflict = new java.util.concurrent.atomic.AtomicBoolean();
    var found = java.util.Collections.synchronizedList(new ArrayList<Problem>());
    var tasks = new ArrayList<java.util.concurrent.Future<?>>();
    for (var work : plan.writes()) {
      tasks.add(writers.submit(() -> write(work, conflict, found)));
    }
    for (var work : plan.deletes()) {
      tasks.add(
          writers.submit(
              () -> {
                try {
                  itsWrites.acquire();
                  works.delete(work.namespace(), work.name());
                  metrics.deleted();
                } catch (KubernetesClientException e) {
                  metrics.writeFailed();
                  found.add(
                      new Problem(
                          Problem.Kind.WRITE_FAILED,
                          "cannot delete ManifestWork "
                              + work.name()
                              + " in cluster "
                              + work.namespace()
                              + ": "
                              + reasonOf(e)));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  conflict.set(true); // stopping; whoever leads next redoes it
                }
              }));
    }
    for (var task : tasks) {
      try {
        task.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        conflict.set(true);
        break;
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
    // Report in a stable order, whatever order the writes finished in.
    found.sort(java.util.Comparator.comparing(Problem::detail));
    problems.addAll(found);
    return conflict.get();
  }

  private void write(
      RenderedWork work, java.util.concurrent.atomic.AtomicBoolean conflict, List<Problem> found) {
    boolean exists = works.get(work.namespace(), work.name()) != null;
    try {
      itsWrites.acquire();
      works.write(work);
      if (exists) {
        metrics.updated();
      } else {
        metrics.created();
      }
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        conflict.set(true);
        return;
      }
      metrics.writeFailed();
      found.add(
          new Problem(
              Problem.Kind.WRITE_FAILED,
              "cannot write ManifestWork "
                  + work.name()
                  + " for cluster "
                  + work.namespace()
                  + ": "
                  + reasonOf(e)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      conflict.set(true);
    }
  }

  private boolean deleteAllWorks(String name) {
    boolean ok = true;
    for (var work : works.of(name)) {
      try {
        itsWrites.acquire();
        works.delete(work.getMetadata().getNamespace(), work.getMetadata().getName());
        metrics.deleted();
      } catch (KubernetesClientException e) {
        metrics.writeFailed();
        ok = false;
        LOG.atWarn()
            .setMessage("cannot delete ManifestWork")
            .addKeyValue("cluster", work.getMetadata().getNamespace())
            .addKeyValue("manifestWork", work.getMetadata().getName())
            .addKeyValue("error", reasonOf(e))
            .log();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return ok;
  }

  private UpdateControl<Binding> finalizeDeletion(Binding binding) {
    var name = binding.getMetadata().getName();
    index.remove(name);
    if (!deleteAllWorks(name)) {
      return failed("cannot delete every ManifestWork");
    }
    if (!hasFinalizer(binding)) {
      return DONE;
    }
    var finalizers = new ArrayList<>(binding.getMetadata().getFinalizers());
    finalizers.remove(TransportKeys.BINDING_FINALIZER);
    return patchFinalizers(binding, finalizers);
  }

  private UpdateControl<Binding> addFinalizer(Binding binding) {
    var finalizers =
        new ArrayList<>(
            Objects.requireNonNullElse(binding.getMetadata().getFinalizers(), List.of()));
    finalizers.add(TransportKeys.BINDING_FINALIZER);
    var outcome = patchFinalizers(binding, finalizers);
    // The update event of the patched Binding brings it back; nothing more to do now.
    return outcome;
  }

  private UpdateControl<Binding> patchFinalizers(Binding binding, List<String> finalizers) {
    var metadata = new LinkedHashMap<String, Object>();
    metadata.put("resourceVersion", binding.getMetadata().getResourceVersion());
    metadata.put("finalizers", finalizers);
    try {
      wdsWrites.acquire();
      wds.resources(Binding.class)
          .withName(binding.getMetadata().getName())
          .patch(PatchContext.of(PatchType.JSON_MERGE), JSON.asJson(Map.of("metadata", metadata)));
      metrics.statusWritten();
      return DONE;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return DONE;
      }
      if (e.getCode() == 409) {
        return soon();
      }
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed("stopping");
    }
  }

  private static boolean hasFinalizer(Binding binding) {
    var finalizers = binding.getMetadata().getFinalizers();
    return finalizers != null && finalizers.contains(TransportKeys.BINDING_FINALIZER);
  }

  /**
   * Patches only the transport's part of the status: {@code observedGeneration}, the {@code Ready}
   * condition and the transport's entries of {@code errors}; other conditions and errors stay.
   */
  private UpdateControl<Binding> writeStatus(
      Binding binding, ReadyState ready, List<String> ourErrors) {
    long generation = Generations.of(binding);
    var status = binding.getStatus();
    List<Condition> conditions =
        status == null || status.conditions() == null ? List.of() : status.conditions();
    List<String> errors = status == null ? null : status.errors();
    var current =
        conditions.stream().filter(c -> Condition.TYPE_READY.equals(c.type())).findFirst();
    var mergedErrors = BindingReadiness.mergeErrors(errors, ourErrors);
    boolean sameCondition =
        current.isPresent()
            && ready.status().equals(current.get().status())
            && ready.reason().equals(current.get().reason())
            && ready.message().equals(current.get().message())
            && Objects.equals(current.get().observedGeneration(), generation);
    boolean sameErrors = Objects.equals(errors == null ? List.of() : errors, mergedErrors);
    if (status != null
        && Objects.equals(status.observedGeneration(), generation)
        && sameCondition
        && sameErrors) {
      return DONE;
    }
    var transitionTime =
        current.isPresent() && ready.status().equals(current.get().status())
            ? current.get().lastTransitionTime()
            : Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    var newConditions = new ArrayList<Condition>();
    boolean placed = false;
    for (var condition : conditions) {
      if (Condition.TYPE_READY.equals(condition.type())) {
        if (!placed) {
          newConditions.add(readyCondition(ready, transitionTime, generation));
          placed = true;
        }
      } else {
        newConditions.add(condition);
      }
    }
    if (!placed) {
      newConditions.add(readyCondition(ready, transitionTime, generation));
    }
    var statusPatch = new LinkedHashMap<String, Object>();
    statusPatch.put("observedGeneration", generation);
    statusPatch.put("conditions", newConditions);
    statusPatch.put("errors", mergedErrors.isEmpty() ? null : mergedErrors);
    var patch = new LinkedHashMap<String, Object>();
    patch.put("metadata", Map.of("resourceVersion", binding.getMetadata().getResourceVersion()));
    patch.put("status", statusPatch);
    try {
      wdsWrites.acquire();
      wds.resources(Binding.class)
          .withName(binding.getMetadata().getName())
          .subresource("status")
          .patch(PatchContext.of(PatchType.JSON_MERGE), JSON.asJson(patch));
      metrics.statusWritten();
      if (!ready.status().equals(current.map(Condition::status).orElse(""))
          && "True".equals(ready.status())) {
        events.normal(binding, ready.reason(), ready.message());
      }
      return DONE;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        return soon(); // someone else wrote; redo on fresh data
      }
      if (e.getCode() == 404) {
        return DONE;
      }
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed("stopping");
    }
  }

  /** A reference to the BindingPolicy owning the Binding, for Events; null if it has none. */
  private static BindingPolicy policyOf(Binding binding) {
    var owners = binding.getMetadata().getOwnerReferences();
    if (owners == null) {
      return null;
    }
    for (var owner : owners) {
      if ("BindingPolicy".equals(owner.getKind())) {
        var policy = new BindingPolicy();
        policy.getMetadata().setName(owner.getName());
        policy.getMetadata().setUid(owner.getUid());
        return policy;
      }
    }
    return null;
  }

  private static Condition readyCondition(ReadyState ready, String time, long generation) {
    return new Condition(
        Condition.TYPE_READY, ready.status(), ready.reason(), ready.message(), time, generation);
  }

  private static List<String> destinations(Binding binding) {
    var spec = binding.getSpec();
    if (spec == null || spec.destinations() == null) {
      return List.of();
    }
    var names = new ArrayList<String>();
    for (var destination : spec.destinations()) {
      if (destination.clusterId() != null && !names.contains(destination.clusterId())) {
        names.add(destination.clusterId());
      }
    }
    return names;
  }

  private static String describe(WorkloadRef ref) {
    var resource = ref.group().isEmpty() ? ref.resource() : ref.resource() + "." + ref.group();
    return resource + " " + (ref.namespace().isEmpty() ? "" : ref.namespace() + "/") + ref.name();
  }

  private static String reasonOf(KubernetesClientException e) {
    var status = e.getStatus();
    if (status != null && status.getMessage() != null) {
      return status.getMessage();
    }
    return e.getMessage();
  }
}
