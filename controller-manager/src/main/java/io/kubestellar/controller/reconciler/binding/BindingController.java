/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.binding;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.kubestellar.api.WireNames;
import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.api.control.v1alpha1.BindingPolicy;
import io.kubestellar.api.control.v1alpha1.StatusCollector;
import io.kubestellar.controller.model.binding.BindingContent;
import io.kubestellar.controller.model.binding.BindingPolicyModel;
import io.kubestellar.controller.model.binding.BindingSize;
import io.kubestellar.controller.model.binding.Conditions;
import io.kubestellar.controller.model.binding.CreateOnlyCheck;
import io.kubestellar.controller.model.binding.ExcludedKindCheck;
import io.kubestellar.controller.model.binding.ObjectRef;
import io.kubestellar.controller.model.binding.PolicyMatcher;
import io.kubestellar.controller.model.binding.PolicyResolver;
import io.kubestellar.controller.model.binding.ResourceFilter;
import io.kubestellar.controller.model.binding.SingletonCheck;
import io.kubestellar.controller.model.binding.StatusCollectorCheck;
import io.kubestellar.controller.model.binding.StatusPlanner;
import io.kubestellar.controller.model.binding.SyncOutcome;
import io.kubestellar.controller.model.binding.WorkloadObject;
import io.kubestellar.controller.model.status.CollectorExpressions;
import io.kubestellar.controller.model.status.StatusCollectorValidator;
import io.kubestellar.controller.reconciler.status.StatusCollectorDefinitions;
import io.kubestellar.model.GroupResource;
import io.kubestellar.ocm.cluster.v1.ManagedCluster;
import io.kubestellar.runtime.controller.ControllerHost;
import io.kubestellar.runtime.controller.ExternalTriggers;
import io.kubestellar.runtime.controller.TryAgain;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The binding controller: resolves each BindingPolicy of one WDS into its Binding (spec §3), as a
 * JOSDK reconciler of BindingPolicies.
 *
 * <p>Its event sources: the Bindings and StatusCollectors of the WDS, the ManagedClusters of the
 * ITS (through the ITS client), and the workload objects of every bindable type of the WDS. The
 * last come through {@link WorkloadInformers}, which matches each object change against the
 * policies incrementally and triggers only those it can affect (D18): a reconcile resolves one
 * policy from the caches alone (pure model), writes the Binding only when its content differs, and
 * then the conditions and errors of the Binding and the policy when they differ. JOSDK runs
 * reconciles only on the leader and only once every cache has synced (D14); it runs them on
 * deletions too, so that the Binding of a deleted policy goes even without the WDS garbage
 * collector.
 */
public final class BindingController implements Reconciler<BindingPolicy> {

  /** Annotation a user sets (any new value) on a workload object to get an explanation Event. */
  public static final String EXPLAIN_ANNOTATION = "control.kubestellar.io/explain";

  private static final Logger LOG = LoggerFactory.getLogger(BindingController.class);
  private static final Duration NOT_SYNCED_RETRY = Duration.ofMillis(100);

  /**
   * Settings of the controller.
   *
   * @param wdsName the WDS name, for logs
   * @param coalesceDelay unused since the controller runs on JOSDK, which coalesces the events that
   *     arrive while a policy is resolved; kept for the flag (D18)
   * @param workers how many policies are resolved at once
   * @param apiGroups API groups whose objects may be bound; empty for all
   */
  public record Settings(
      String wdsName, Duration coalesceDelay, int workers, Set<String> apiGroups) {}

  private final KubernetesClient its;
  private final Settings settings;
  private final Clock clock;
  private final BindingMetrics metrics;
  private final BindingWriter writer;
  private final WorkloadInformers workload;
  private final ExternalTriggers<BindingPolicy> triggers;
  private final ExplainEvents explainer;
  private final StatusCollectorValidator collectorValidator;
  private final ResourceFilter resourceFilter;
  private final Map<String, BindingPolicyModel> models = new ConcurrentHashMap<>();
  private final Map<String, BindingContent> resolved = new ConcurrentHashMap<>();
  private volatile IndexedResourceCache<BindingPolicy> policies;
  private volatile InformerEventSource<Binding, BindingPolicy> bindings;
  private volatile InformerEventSource<StatusCollector, BindingPolicy> collectors;
  private volatile InformerEventSource<ManagedCluster, BindingPolicy> clusters;
  private volatile BooleanSupplier leading = () -> false;

  public BindingController(
      KubernetesClient wds,
      KubernetesClient its,
      Settings settings,
      Clock clock,
      MeterRegistry registry) {
    this.its = its;
    this.settings = settings;
    this.clock = clock;
    this.metrics = new BindingMetrics(registry);
    this.writer = new BindingWriter(wds, metrics);
    this.resourceFilter = new ResourceFilter(settings.apiGroups());
    this.workload = new WorkloadInformers(wds, resourceFilter, new WorkloadEvents());
    this.triggers = new ExternalTriggers<>("wds:workload", workload::start, () -> true, () -> true);
    this.explainer = new ExplainEvents(wds, clock, metrics);
    // The status controller's validator: both controllers agree on which collectors are usable.
    this.collectorValidator = new StatusCollectorValidator(new CollectorExpressions());
    metrics.gauge(
        "kubestellar_binding_watched_resources",
        "WDS resource types watched",
        workload::watchedTypes);
  }

  /**
   * Registers this controller on the host (call before the host starts); the queue-depth and leader
   * gauges are the host's.
   */
  public void register(ControllerHost host) {
    leading = host::isLeading;
    metrics.gauge(
        "kubestellar_binding_queue_depth",
        "BindingPolicies waiting or being resolved",
        host::queueDepth);
    metrics.gauge(
        "kubestellar_binding_leader", "1 while this replica leads", () -> host.isLeading() ? 1 : 0);
    host.register(
        this,
        c ->
            c.withName("bindingpolicy")
                .withRetry(ControllerHost.backoff(Duration.ofMillis(100), Duration.ofSeconds(30)))
                .withGenerationAware(false)
                // Our own status writes do not change the generation and need no resolution.
                .withOnUpdateFilter(BindingController::specOrDeletionChanged)
                .withTriggerReconcilerOnAllEvents(true));
  }

  @Override
  public List<EventSource<?, BindingPolicy>> prepareEventSources(
      EventSourceContext<BindingPolicy> context) {
    policies = context.getPrimaryCache();
    bindings =
        new InformerEventSource<>(
            watching(Binding.class, "wds:bindings")
                .withSecondaryToPrimaryMapper(
                    b -> Set.of(new ResourceID(b.getMetadata().getName())))
                .withOnUpdateFilter(
                    (after, before) ->
                        !Objects.equals(
                                before.getMetadata().getGeneration(),
                                after.getMetadata().getGeneration())
                            || !Objects.equals(before.getStatus(), after.getStatus())
                            || !Objects.equals(
                                before.getMetadata().getOwnerReferences(),
                                after.getMetadata().getOwnerReferences()))
                .build(),
            context);
    collectors =
        new InformerEventSource<>(
            watching(StatusCollector.class, "wds:statuscollectors")
                .withSecondaryToPrimaryMapper(this::policiesReferencing)
                // A spec edit may make the collector valid or invalid; status writes change
                // nothing.
                .withOnUpdateFilter(BindingController::specOrDeletionChanged)
                .build(),
            context);
    clusters =
        new InformerEventSource<>(
            watching(ManagedCluster.class, "its:managedclusters")
                .withKubernetesClient(its)
                .withSecondaryToPrimaryMapper(this::policiesConcerning)
                .withOnUpdateFilter(
                    (after, before) ->
                        !Objects.equals(
                            before.getMetadata().getLabels(), after.getMetadata().getLabels()))
                .build(),
            context);
    return List.of(bindings, collectors, clusters, triggers);
  }

  /** An event source of BindingPolicies on the kind, named for logs and health. */
  private static <S extends io.fabric8.kubernetes.api.model.HasMetadata>
      InformerEventSourceConfiguration.Builder<S> watching(Class<S> kind, String name) {
    return InformerEventSourceConfiguration.from(kind, BindingPolicy.class).withName(name);
  }

  /** Whether a spec edit or a deletion happened; status and metadata writes need no resolution. */
  private static boolean specOrDeletionChanged(
      io.fabric8.kubernetes.api.model.HasMetadata after,
      io.fabric8.kubernetes.api.model.HasMetadata before) {
    return !Objects.equals(
            before.getMetadata().getGeneration(), after.getMetadata().getGeneration())
        || !Objects.equals(
            before.getMetadata().getDeletionTimestamp(),
            after.getMetadata().getDeletionTimestamp());
  }

  /** The policies that select the cluster now, or whose Binding names it. */
  private Set<ResourceID> policiesConcerning(ManagedCluster cluster) {
    var name = cluster.getMetadata().getName();
    var labels = cluster.getMetadata().getLabels();
    var result = new HashSet<ResourceID>();
    for (var model : models.values()) {
      var content = resolved.get(model.name());
      if (model.selectsCluster(labels == null ? Map.of() : labels)
          || (content != null && content.destinations().contains(name))) {
        result.add(new ResourceID(model.name()));
      }
    }
    return result;
  }

  /** The policies whose Binding refers to the collector. */
  private Set<ResourceID> policiesReferencing(StatusCollector collector) {
    var name = collector.getMetadata().getName();
    var result = new HashSet<ResourceID>();
    resolved.forEach(
        (policy, content) -> {
          if (StatusCollectorCheck.referenced(content).contains(name)) {
            result.add(new ResourceID(policy));
          }
        });
    return result;
  }

  /** Whether every workload cache has synced and no type is being (re)started (D14). */
  public boolean isSynced() {
    return workload.synced();
  }

  /**
   * Deletes the Bindings of policies that are gone (deleted while no controller ran); run by the
   * leader once every cache has synced.
   */
  public void deleteOrphanBindings() {
    for (var binding : bindings.list(b -> true).toList()) {
      var name = binding.getMetadata().getName();
      if (policies.get(new ResourceID(name)).isEmpty()
          && BindingWriter.controlledByAPolicy(binding)) {
        deleteBindingOf(name, binding);
      }
    }
  }

  /** Stops the workload informers and the explanation Events. */
  public void close() {
    explainer.close();
    workload.close();
  }

  // ---- reconcile ------------------------------------------------------------------------------

  @Override
  public UpdateControl<BindingPolicy> reconcile(
      BindingPolicy policy, Context<BindingPolicy> context) {
    if (!isSynced()) {
      // D14: never act on a partial cache (a workload type is being restarted).
      return UpdateControl.<BindingPolicy>noUpdate().rescheduleAfter(NOT_SYNCED_RETRY);
    }
    var name = policy.getMetadata().getName();
    var sample = Timer.start();
    boolean ok = false;
    MDC.put("binding", name);
    MDC.put("wds", settings.wdsName());
    try {
      reconcilePolicy(name, context.isPrimaryResourceDeleted() ? null : policy, context);
      ok = true;
      return UpdateControl.noUpdate();
    } catch (KubernetesClientException e) {
      // Told in the policy's conditions (SyncOutcome.writeFailed); JOSDK retries with backoff.
      throw new TryAgain(e.getMessage());
    } finally {
      sample.stop(metrics.reconcile(ok));
      MDC.remove("binding");
      MDC.remove("wds");
    }
  }

  private void deleteBindingOf(String name, Binding binding) {
    // The WDS garbage collector would do this too; doing it here works without one.
    try {
      writer.deleteBinding(binding);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
    }
    LOG.atInfo()
        .setMessage("deleted the Binding of a deleted BindingPolicy")
        .addKeyValue("binding", name)
        .log();
  }

  private void reconcilePolicy(String name, BindingPolicy policy, Context<BindingPolicy> context) {
    var bindingId = new ResourceID(name);
    var binding = bindings.get(bindingId).orElse(null);
    if (policy == null) {
      models.remove(name);
      var previous = resolved.remove(name);
      if (binding != null && BindingWriter.controlledByAPolicy(binding)) {
        deleteBindingOf(name, binding);
      }
      if (previous != null) {
        requeuePeers(name, previous, BindingContent.EMPTY);
      }
      return;
    }
    if (policy.getMetadata().getDeletionTimestamp() != null) {
      resolved.remove(name);
      var finalizers = policy.getMetadata().getFinalizers();
      if (finalizers != null && finalizers.contains(WireNames.BINDING_POLICY_FINALIZER)) {
        writer.removeFinalizer(policy);
      }
      return;
    }

    var model = PolicyModels.from(policy);
    models.put(name, model);
    SyncOutcome outcome;
    RuntimeException failure = null;
    var problems = model.problems();
    if (model.hasInvalidClusterSelector()) {
      // Spec §3.4: an unusable cluster selector stops resolution; the Binding stays as it was.
      outcome = SyncOutcome.invalidClusterSelector(String.join("; ", problems));
    } else {
      var content =
          metrics
              .resolve()
              .record(() -> PolicyResolver.resolve(model, clusterLabels(), workload, workload));
      var current =
          binding == null ? BindingContent.EMPTY : BindingSpecs.content(binding.getSpec());
      boolean needsWrite =
          binding == null
              ? !content.isEmpty()
              : !content.equals(current) || !BindingWriter.ownedBy(binding, policy);
      outcome = SyncOutcome.SYNCED;
      var tooLarge =
          needsWrite
              ? BindingSize.check(content, BindingSize.ETCD_LIMIT_BYTES)
              : Optional.<SyncOutcome>empty();
      if (tooLarge.isPresent()) {
        // Not written: etcd would refuse it with a bare "request is too large".
        outcome = tooLarge.get();
      } else if (needsWrite) {
        try {
          var before = binding;
          binding =
              metrics.bindingWrite().record(() -> writer.writeBinding(policy, before, content));
          remember(bindingId, binding, before);
          LOG.atDebug().setMessage("wrote Binding").addKeyValue("content", content.summary()).log();
        } catch (KubernetesClientException e) {
          outcome = SyncOutcome.writeFailed(e.getMessage());
          failure = e;
        }
      }
      if (failure == null && tooLarge.isEmpty()) {
        var previous = resolved.put(name, content);
        if (!content.equals(previous)) {
          requeuePeers(name, previous == null ? BindingContent.EMPTY : previous, content);
        }
      }
    }

    var content = resolved.getOrDefault(name, BindingContent.EMPTY);
    var ownErrors = new ArrayList<>(problems);
    if (SyncOutcome.BINDING_TOO_LARGE.equals(outcome.reason())) {
      ownErrors.add(outcome.message());
    }
    ownErrors.addAll(ExcludedKindCheck.problems(model, resourceFilter));
    SingletonCheck.error(name, resolved).ifPresent(ownErrors::add);
    CreateOnlyCheck.error(name, resolved).ifPresent(ownErrors::add);
    var bindingStatus = binding == null ? null : binding.getStatus();
    var plan =
        StatusPlanner.plan(
            model.generation(),
            outcome,
            StatusCollectorCheck.check(content, collectorProblems(content)),
            binding == null
                ? null
                : BindingSpecs.conditions(
                    bindingStatus == null ? null : bindingStatus.conditions()),
            BindingSpecs.conditions(
                policy.getStatus() == null ? null : policy.getStatus().conditions()),
            ownErrors,
            bindingStatus == null || bindingStatus.errors() == null
                ? List.of()
                : bindingStatus.errors(),
            clock.instant());

    if (binding != null
        && !Conditions.sameAs(
            plan.bindingConditions(),
            BindingSpecs.conditions(bindingStatus == null ? null : bindingStatus.conditions()))) {
      remember(bindingId, writer.writeBindingStatus(binding, plan.bindingConditions()), binding);
    }
    var policyStatus = policy.getStatus();
    boolean policyStatusDiffers =
        policyStatus == null
            || !Objects.equals(policyStatus.observedGeneration(), model.generation())
            || !Conditions.sameAs(
                plan.policyConditions(), BindingSpecs.conditions(policyStatus.conditions()))
            || !plan.policyErrors()
                .equals(policyStatus.errors() == null ? List.of() : policyStatus.errors());
    if (policyStatusDiffers) {
      var written =
          writer.writePolicyStatus(
              policy, model.generation(), plan.policyConditions(), plan.policyErrors());
      // The next reconcile reads what was written, not a cache a few milliseconds behind.
      context
          .eventSourceRetriever()
          .getControllerEventSource()
          .handleRecentResourceUpdate(ResourceID.fromResource(written), written, policy);
    }
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * Makes a Binding just written what the next reconcile reads (JOSDK's temporary cache), rather
   * than a cache a few milliseconds behind: no redundant writes, no needless conflicts.
   */
  private void remember(ResourceID id, Binding written, Binding before) {
    if (before == null) {
      bindings.handleRecentResourceCreate(id, written);
    } else {
      bindings.handleRecentResourceUpdate(id, written, before);
    }
  }

  /** Validation problems of each referenced collector that exists (empty when it is valid). */
  private Map<String, List<String>> collectorProblems(BindingContent content) {
    var problems = new HashMap<String, List<String>>();
    for (var name : StatusCollectorCheck.referenced(content)) {
      var collector = collectors.get(new ResourceID(name)).orElse(null);
      if (collector != null && collector.getMetadata().getDeletionTimestamp() == null) {
        problems.put(name, collectorValidator.validate(StatusCollectorDefinitions.of(collector)));
      }
    }
    return problems;
  }

  /**
   * Other policies whose singleton or createOnly error may depend on this policy's resolution (both
   * count the destinations of every policy binding an object).
   */
  private void requeuePeers(String name, BindingContent before, BindingContent after) {
    var createOnly = new HashSet<ObjectRef>();
    for (var content : List.of(before, after)) {
      content
          .objects()
          .forEach(
              (ref, bound) -> {
                if (bound.modulation().createOnly()) {
                  createOnly.add(ref);
                }
              });
    }
    resolved.forEach(
        (other, content) -> {
          if (!other.equals(name)
              && content.objects().entrySet().stream()
                  .anyMatch(
                      e ->
                          e.getValue().modulation().wantSingletonReportedState()
                              || e.getValue().modulation().createOnly()
                              || createOnly.contains(e.getKey()))) {
            triggers.trigger(other);
          }
        });
  }

  private Map<String, Map<String, String>> clusterLabels() {
    var result = new HashMap<String, Map<String, String>>();
    for (var cluster : clusters.list(c -> true).toList()) {
      var labels = cluster.getMetadata().getLabels();
      result.put(cluster.getMetadata().getName(), labels == null ? Map.of() : labels);
    }
    return result;
  }

  // ---- event routing --------------------------------------------------------------------------

  private final class WorkloadEvents implements WorkloadListener {
    @Override
    public void objectChanged(
        GroupResource type,
        WorkloadObject before,
        WorkloadObject after,
        Map<String, String> annotations,
        String uid,
        String kind) {
      metrics.event();
      if (type.equals(WorkloadInformers.NAMESPACES)
          && (before == null
              || after == null
              || !Objects.equals(before.labels(), after.labels()))) {
        // Namespace labels feed namespaceSelectors (an improvement over upstream, §7.2 item 7).
        models.values().stream()
            .filter(BindingPolicyModel::testsNamespaceLabels)
            .forEach(m -> triggers.trigger(m.name()));
      }
      if (before == null && after == null) {
        return; // a type watched only for namespace labels
      }
      var ref = (after != null ? after : before).ref();
      for (var model : models.values()) {
        if (!model.admitsType(type)) {
          continue;
        }
        var content = resolved.get(model.name());
        if ((content != null && content.objects().containsKey(ref))
            || (after != null && PolicyMatcher.match(model, after, workload).isPresent())
            || (before != null && PolicyMatcher.match(model, before, workload).isPresent())) {
          triggers.trigger(model.name());
        }
      }
      if (leading.getAsBoolean()) {
        explainer.consider(
            after,
            after == null ? null : annotations.get(EXPLAIN_ANNOTATION),
            uid,
            kind,
            () -> explainContext());
      }
    }

    @Override
    public void typeChanged(GroupResource type) {
      models.values().stream()
          .filter(m -> m.admitsType(type))
          .forEach(m -> triggers.trigger(m.name()));
    }
  }

  private ExplainEvents.Context explainContext() {
    var list = new ArrayList<BindingPolicyModel>();
    policies
        .list()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .forEach(p -> list.add(PolicyModels.from(p)));
    list.sort(java.util.Comparator.comparing(BindingPolicyModel::name));
    return new ExplainEvents.Context(list, clusterLabels(), workload);
  }
}
