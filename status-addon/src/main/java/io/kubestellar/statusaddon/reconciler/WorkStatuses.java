/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.kubestellar.api.control.v1alpha1.WorkStatus;
import io.kubestellar.statusaddon.model.GroupVersionResource;
import io.kubestellar.statusaddon.model.ObjectKey;
import io.kubestellar.statusaddon.model.ObservedWorkStatus;
import io.kubestellar.statusaddon.model.SourceIdentity;
import io.kubestellar.statusaddon.model.StatusDetailsValues;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The WorkStatuses in the WEC's namespace of the ITS, indexed by the object they report on. Also
 * remembers what the agent itself last wrote, so a reconcile that runs before the informer has
 * caught up with that write compares against the newer copy (and writes nothing twice).
 */
public final class WorkStatuses extends InformerCache<WorkStatus> {

  /** Told which object a WorkStatus reports on whenever one appears, changes or goes. */
  public interface Listener {
    void workStatusChanged(ObjectKey source);
  }

  private static final String BY_SOURCE = "source";

  private final String clusterNamespace;
  private final Map<String, WorkStatus> written = new ConcurrentHashMap<>();
  private final Map<String, String> deletedUids = new ConcurrentHashMap<>();

  public WorkStatuses(KubernetesClient its, String clusterNamespace) {
    super(its.resources(WorkStatus.class).inNamespace(clusterNamespace).runnableInformer(0));
    this.clusterNamespace = clusterNamespace;
    informer.addIndexers(
        Map.of(
            BY_SOURCE, ws -> source(ws).map(key -> List.of(key.indexValue())).orElse(List.of())));
  }

  /** Registers the listener; call before {@link #start}. */
  public void listen(Listener listener) {
    informer.addEventHandler(
        new ResourceEventHandler<WorkStatus>() {
          @Override
          public void onAdd(WorkStatus ws) {
            if (!ownEcho(ws)) {
              source(ws).ifPresent(listener::workStatusChanged);
            }
          }

          @Override
          public void onUpdate(WorkStatus before, WorkStatus after) {
            if (Objects.equals(
                    before.getMetadata().getResourceVersion(),
                    after.getMetadata().getResourceVersion())
                || ownEcho(after)) {
              return;
            }
            source(before).ifPresent(listener::workStatusChanged);
            source(after).ifPresent(listener::workStatusChanged);
          }

          @Override
          public void onDelete(WorkStatus ws, boolean finalStateUnknown) {
            written.remove(ws.getMetadata().getName());
            deletedUids.remove(ws.getMetadata().getName(), ws.getMetadata().getUid());
            source(ws).ifPresent(listener::workStatusChanged);
          }
        });
  }

  /** The newest known copy of a WorkStatus; null when there is none. */
  public WorkStatus get(String name) {
    return freshest(
        name, informer.getStore().getByKey(Cache.namespaceKeyFunc(clusterNamespace, name)));
  }

  /** The WorkStatuses reporting on an object (normally at most one). */
  public List<WorkStatus> reportingOn(ObjectKey key) {
    var result = new ArrayList<WorkStatus>();
    for (var ws : informer.getIndexer().byIndex(BY_SOURCE, key.indexValue())) {
      var fresh = freshest(ws.getMetadata().getName(), ws);
      if (fresh != null) {
        result.add(fresh);
      }
    }
    return result;
  }

  /** The objects every WorkStatus reports on. */
  public Set<ObjectKey> allSources() {
    var keys = new LinkedHashSet<ObjectKey>();
    for (var ws : informer.getStore().list()) {
      source(ws).ifPresent(keys::add);
    }
    return keys;
  }

  /** The objects of one type that WorkStatuses report on. */
  public Set<ObjectKey> sourcesOfType(GroupVersionResource type) {
    var keys = new LinkedHashSet<ObjectKey>();
    for (var key : allSources()) {
      if (key.type().equals(type)) {
        keys.add(key);
      }
    }
    return keys;
  }

  /** Notes what a write returned. */
  void recordWrite(WorkStatus returned) {
    if (returned != null && returned.getMetadata() != null) {
      written.put(returned.getMetadata().getName(), returned);
    }
  }

  /** Notes that the agent deleted a WorkStatus. */
  void recordDelete(String name, String uid) {
    written.remove(name);
    if (uid != null) {
      deletedUids.put(name, uid);
    }
  }

  /** Plain values of a WorkStatus, for comparison with the desired one. */
  static ObservedWorkStatus observe(WorkStatus ws) {
    var owners = ModelOwners.of(ws);
    SourceIdentity source = null;
    if (ws.getSpec() != null && ws.getSpec().sourceRef() != null) {
      var ref = ws.getSpec().sourceRef();
      source =
          new SourceIdentity(
              ref.group(), ref.version(), ref.resource(), ref.kind(), ref.namespace(), ref.name());
    }
    StatusDetailsValues details = null;
    if (ws.getStatusDetails() != null) {
      var d = ws.getStatusDetails();
      details =
          new StatusDetailsValues(
              d.lastGeneration(), d.lastGenerationIsApplied(), d.lastCurrencyUpdateTime());
    }
    return new ObservedWorkStatus(
        ws.getMetadata().getName(),
        ws.getMetadata().getLabels(),
        owners,
        source,
        details,
        ws.getStatus() == null ? null : ws.getStatus().asMap(),
        ws.getDrift());
  }

  private static Optional<ObjectKey> source(WorkStatus ws) {
    if (ws.getSpec() == null || ws.getSpec().sourceRef() == null) {
      return Optional.empty();
    }
    var ref = ws.getSpec().sourceRef();
    return new SourceIdentity(
            ref.group(), ref.version(), ref.resource(), ref.kind(), ref.namespace(), ref.name())
        .key();
  }

  /** Whether an informer event only brings back what the agent itself just wrote. */
  private boolean ownEcho(WorkStatus ws) {
    var mine = written.get(ws.getMetadata().getName());
    return mine != null
        && Objects.equals(
            mine.getMetadata().getResourceVersion(), ws.getMetadata().getResourceVersion());
  }

  private WorkStatus freshest(String name, WorkStatus cachedCopy) {
    var cached = cachedCopy;
    if (cached != null && cached.getMetadata().getUid().equals(deletedUids.get(name))) {
      cached = null; // deleted by the agent; the informer has not seen it go yet
    }
    var mine = written.get(name);
    if (mine == null) {
      return cached;
    }
    if (cached != null && !older(cached, mine)) {
      written.remove(name, mine); // the informer has caught up
      return cached;
    }
    return mine;
  }

  /** Whether {@code a} is an older version than {@code b} (resourceVersions are etcd revisions). */
  private static boolean older(WorkStatus a, WorkStatus b) {
    try {
      return Long.parseLong(a.getMetadata().getResourceVersion())
          < Long.parseLong(b.getMetadata().getResourceVersion());
    } catch (RuntimeException e) {
      return false;
    }
  }
}
