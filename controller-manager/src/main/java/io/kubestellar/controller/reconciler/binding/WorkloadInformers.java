/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.binding;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.kubestellar.controller.model.binding.NamespaceLabels;
import io.kubestellar.controller.model.binding.ObjectRef;
import io.kubestellar.controller.model.binding.ResourceFilter;
import io.kubestellar.controller.model.binding.VersionPriority;
import io.kubestellar.controller.model.binding.WorkloadObject;
import io.kubestellar.controller.model.binding.WorkloadSource;
import io.kubestellar.model.GroupResource;
import io.kubestellar.runtime.DaemonThreads;
import io.kubestellar.runtime.informer.ResourceInformers;
import io.kubestellar.runtime.informer.ResourceType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every bindable resource type of the WDS (spec §3.2): one informer per group and resource,
 * at one version, found by discovery at start and kept current from CustomResourceDefinitions
 * (created, changed, deleted) at run time. Serves the cached objects to resolution.
 */
final class WorkloadInformers implements WorkloadSource, NamespaceLabels, AutoCloseable {

  static final GroupResource CRDS =
      new GroupResource("apiextensions.k8s.io", "customresourcedefinitions");
  static final GroupResource NAMESPACES = new GroupResource("", "namespaces");

  private static final Logger LOG = LoggerFactory.getLogger(WorkloadInformers.class);
  private static final Duration SYNC_TIMEOUT = Duration.ofMinutes(2);

  /** One watched type. */
  private record Watched(
      GroupResource type,
      String version,
      String kind,
      boolean namespaced,
      boolean bindable,
      SharedIndexInformer<GenericKubernetesResource> informer) {}

  private final KubernetesClient client;
  private final ResourceFilter filter;
  private final WorkloadListener listener;
  private final Map<GroupResource, Watched> active = new ConcurrentHashMap<>();
  private final Set<GroupResource> starting = ConcurrentHashMap.newKeySet();
  private final ExecutorService typeChanges = DaemonThreads.single("binding-type-changes");

  WorkloadInformers(KubernetesClient client, ResourceFilter filter, WorkloadListener listener) {
    this.client = client;
    this.filter = filter;
    this.listener = listener;
  }

  /** Discovers the types, starts their informers and waits until every one has synced. */
  void start() {
    var discovered = discover();
    var futures = new ArrayList<CompletableFuture<Void>>();
    for (var watched : discovered.values()) {
      active.put(watched.type(), watched);
      futures.add(watched.informer().start().toCompletableFuture());
    }
    try {
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
          .get(SYNC_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(
          "the WDS informers did not sync within " + SYNC_TIMEOUT + ": " + e.getMessage(), e);
    }
    LOG.atInfo()
        .setMessage("watching WDS resource types")
        .addKeyValue("types", active.size())
        .log();
  }

  /** Whether every informer has its initial list and no type is being (re)started (D14). */
  boolean synced() {
    return starting.isEmpty() && active.values().stream().allMatch(w -> w.informer().hasSynced());
  }

  /** How many types are watched. */
  int watchedTypes() {
    return active.size();
  }

  /** The version at which a type is read, if it is watched. */
  Optional<String> version(GroupResource type) {
    return Optional.ofNullable(active.get(type)).map(Watched::version);
  }

  /** The kind of a watched type, if watched. */
  Optional<String> kind(GroupResource type) {
    return Optional.ofNullable(active.get(type)).map(Watched::kind);
  }

  @Override
  public Collection<GroupResource> types() {
    return active.values().stream().filter(Watched::bindable).map(Watched::type).toList();
  }

  @Override
  public Collection<WorkloadObject> objects(GroupResource type) {
    var watched = active.get(type);
    if (watched == null) {
      return List.of();
    }
    return watched.informer().getStore().list().stream().map(o -> toWorkload(watched, o)).toList();
  }

  @Override
  public Collection<WorkloadObject> objects(GroupResource type, String namespace) {
    var watched = active.get(type);
    if (watched == null || !watched.namespaced()) {
      return List.of();
    }
    return watched.informer().getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace).stream()
        .map(o -> toWorkload(watched, o))
        .toList();
  }

  /** The cached object, if its type is watched and it exists. */
  Optional<GenericKubernetesResource> get(ObjectRef ref) {
    var watched = active.get(ref.type());
    if (watched == null) {
      return Optional.empty();
    }
    var key = ref.clusterScoped() ? ref.name() : ref.namespace() + "/" + ref.name();
    return Optional.ofNullable(watched.informer().getStore().getByKey(key));
  }

  @Override
  public Optional<Map<String, String>> of(String namespace) {
    var watched = active.get(NAMESPACES);
    if (watched == null || namespace.isEmpty()) {
      return Optional.empty();
    }
    var ns = watched.informer().getStore().getByKey(namespace);
    if (ns == null) {
      return Optional.empty();
    }
    var labels = ns.getMetadata().getLabels();
    return Optional.of(labels == null ? Map.of() : labels);
  }

  @Override
  public void close() {
    typeChanges.shutdownNow();
    active.values().forEach(w -> w.informer().stop());
    active.clear();
  }

  // ---- discovery ------------------------------------------------------------------------------

  private Map<GroupResource, Watched> discover() {
    var found = new LinkedHashMap<GroupResource, Watched>();
    addResources(found, "", "v1", client.getApiResources("v1"));
    for (var group : client.getApiGroups().getGroups()) {
      var versions = new ArrayList<String>();
      if (group.getPreferredVersion() != null) {
        versions.add(group.getPreferredVersion().getVersion());
      }
      group.getVersions().stream()
          .map(v -> v.getVersion())
          .filter(v -> !versions.contains(v))
          .forEach(versions::add);
      for (var version : versions) {
        try {
          addResources(
              found,
              group.getName(),
              version,
              client.getApiResources(group.getName() + "/" + version));
        } catch (KubernetesClientException e) {
          // Partial discovery failure is not fatal (spec §3.2): skip the group version.
          LOG.atWarn()
              .setMessage("skipping an API group version whose discovery failed")
              .addKeyValue("groupVersion", group.getName() + "/" + version)
              .addKeyValue("error", e.getMessage())
              .log();
        }
      }
    }
    return found;
  }

  private void addResources(
      Map<GroupResource, Watched> found,
      String group,
      String version,
      io.fabric8.kubernetes.api.model.APIResourceList list) {
    if (list == null || list.getResources() == null) {
      return;
    }
    for (APIResource resource : list.getResources()) {
      var type = new GroupResource(group, resource.getName());
      if (resource.getName().contains("/") || found.containsKey(type)) {
        continue;
      }
      var verbs = resource.getVerbs() == null ? List.<String>of() : resource.getVerbs();
      boolean bindable = filter.bindable(type, verbs);
      // Namespaces are always watched: namespace selectors need their labels.
      if (!bindable && !type.equals(NAMESPACES)) {
        continue;
      }
      found.put(
          type,
          newWatched(
              type,
              version,
              resource.getKind(),
              Boolean.TRUE.equals(resource.getNamespaced()),
              bindable));
    }
  }

  private Watched newWatched(
      GroupResource type, String version, String kind, boolean namespaced, boolean bindable) {
    var informer =
        ResourceInformers.informer(
            client,
            new ResourceType(type.group(), version, type.resource(), kind, namespaced, false));
    var watched = new Watched(type, version, kind, namespaced, bindable, informer);
    ResourceInformers.listen(informer, new Handler(watched));
    return watched;
  }

  // ---- events ---------------------------------------------------------------------------------

  private final class Handler implements ResourceInformers.Changes {
    private final Watched watched;

    Handler(Watched watched) {
      this.watched = watched;
    }

    @Override
    public void changed(GenericKubernetesResource before, GenericKubernetesResource after) {
      if (active.get(watched.type()) != watched) {
        return;
      }
      if (watched.type().equals(CRDS)) {
        crdChanged(ResourceInformers.subject(before, after), after == null);
      }
      notify(before, after);
    }

    private void notify(GenericKubernetesResource before, GenericKubernetesResource after) {
      var last = ResourceInformers.subject(before, after);
      try {
        listener.objectChanged(
            watched.type(),
            before == null || !watched.bindable() ? null : toWorkload(watched, before),
            after == null || !watched.bindable() ? null : toWorkload(watched, after),
            last.getMetadata().getAnnotations() == null
                ? Map.of()
                : last.getMetadata().getAnnotations(),
            last.getMetadata().getUid(),
            watched.kind());
      } catch (RuntimeException e) {
        LOG.warn("handling a workload event failed", e);
      }
    }
  }

  private static WorkloadObject toWorkload(Watched watched, GenericKubernetesResource o) {
    var meta = o.getMetadata();
    return new WorkloadObject(
        new ObjectRef(
            watched.type().group(),
            watched.type().resource(),
            watched.namespaced() ? meta.getNamespace() : "",
            meta.getName()),
        watched.version(),
        meta.getResourceVersion(),
        meta.getLabels());
  }

  // ---- CRDs at run time -----------------------------------------------------------------------

  private void crdChanged(GenericKubernetesResource raw, boolean deleted) {
    CustomResourceDefinition crd;
    try {
      crd = client.getKubernetesSerialization().convertValue(raw, CustomResourceDefinition.class);
    } catch (RuntimeException e) {
      LOG.warn("cannot read CRD {}: {}", raw.getMetadata().getName(), e.getMessage());
      return;
    }
    var spec = crd.getSpec();
    if (spec == null || spec.getNames() == null) {
      return;
    }
    var type = new GroupResource(spec.getGroup(), spec.getNames().getPlural());
    if (!filter.allowed(type)) {
      return;
    }
    String desired = null;
    boolean established =
        crd.getStatus() != null
            && crd.getStatus().getConditions() != null
            && crd.getStatus().getConditions().stream()
                .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    if (!deleted && crd.getMetadata().getDeletionTimestamp() == null && established) {
      // One version per type (open question 4): the one the API server prefers among the served.
      desired =
          VersionPriority.preferred(
                  spec.getVersions().stream()
                      .filter(v -> Boolean.TRUE.equals(v.getServed()))
                      .map(v -> v.getName())
                      .toList())
              .orElse(null);
    }
    var version = desired;
    var kind = spec.getNames().getKind();
    boolean namespaced = "Namespaced".equals(spec.getScope());
    var current = active.get(type);
    if (current == null ? version == null : current.version().equals(version)) {
      return;
    }
    if (version != null) {
      starting.add(type);
    }
    typeChanges.execute(() -> switchVersion(type, version, kind, namespaced));
  }

  /** Moves a type to another version, or stops watching it; the new informer syncs first (D14). */
  private void switchVersion(GroupResource type, String version, String kind, boolean namespaced) {
    try {
      var current = active.get(type);
      if (current == null ? version == null : current.version().equals(version)) {
        return;
      }
      if (version == null) {
        active.remove(type);
        current.informer().stop();
        LOG.atInfo().setMessage("stopped watching a resource type").addKeyValue("type", type).log();
      } else {
        var next = newWatched(type, version, kind, namespaced, true);
        try {
          next.informer()
              .start()
              .toCompletableFuture()
              .get(SYNC_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
          next.informer().stop();
          LOG.atWarn()
              .setMessage(
                  "a new resource type did not sync; it stays unwatched until its CRD changes")
              .addKeyValue("type", type)
              .addKeyValue("version", version)
              .addKeyValue("error", e.toString())
              .log();
          return;
        }
        active.put(type, next);
        if (current != null) {
          current.informer().stop();
        }
        LOG.atInfo()
            .setMessage("watching a resource type")
            .addKeyValue("type", type)
            .addKeyValue("version", version)
            .log();
      }
    } finally {
      starting.remove(type);
    }
    listener.typeChanged(type);
  }
}
