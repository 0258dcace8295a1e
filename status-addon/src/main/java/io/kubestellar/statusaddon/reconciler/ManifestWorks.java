/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubestellar.ocm.work.v1.ManifestWork;
import io.kubestellar.statusaddon.model.ManifestWorkFacts;
import io.kubestellar.statusaddon.model.WorkManifests;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ManifestWorks in the WEC's namespace of the ITS, for their labels (copied to WorkStatuses),
 * UIDs (the WorkStatus owner) and manifests (what the objects should be, D16).
 */
public final class ManifestWorks extends InformerCache<ManifestWork> {

  /**
   * Told when a ManifestWork appears, goes, or changes labels, identity, spec (generation) or the
   * generation the work agent has applied.
   */
  public interface Listener {
    void manifestWorkChanged(String name);
  }

  /** The parsed manifests of one version of a work's spec. */
  private record Parsed(String uid, Long generation, WorkManifests manifests) {}

  private final String clusterNamespace;
  private final KubernetesSerialization serialization;
  private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

  public ManifestWorks(KubernetesClient its, String clusterNamespace) {
    super(its.resources(ManifestWork.class).inNamespace(clusterNamespace).runnableInformer(0));
    this.clusterNamespace = clusterNamespace;
    this.serialization = its.getKubernetesSerialization();
  }

  /** Registers the listener; call before {@link #start}. */
  public void listen(Listener listener) {
    informer.addEventHandler(
        new ResourceEventHandler<ManifestWork>() {
          @Override
          public void onAdd(ManifestWork work) {
            listener.manifestWorkChanged(work.getMetadata().getName());
          }

          @Override
          public void onUpdate(ManifestWork before, ManifestWork after) {
            // The work agent rewrites ManifestWork status every few seconds; only labels,
            // identity, spec and the applied generation matter here.
            if (!Objects.equals(before.getMetadata().getLabels(), after.getMetadata().getLabels())
                || !Objects.equals(before.getMetadata().getUid(), after.getMetadata().getUid())
                || !Objects.equals(
                    before.getMetadata().getGeneration(), after.getMetadata().getGeneration())
                || !Objects.equals(appliedGeneration(before), appliedGeneration(after))) {
              listener.manifestWorkChanged(after.getMetadata().getName());
            }
          }

          @Override
          public void onDelete(ManifestWork work, boolean finalStateUnknown) {
            parsed.remove(work.getMetadata().getName());
            listener.manifestWorkChanged(work.getMetadata().getName());
          }
        });
  }

  /** Labels and UID of a ManifestWork; null when there is none. */
  public ManifestWorkFacts facts(String name) {
    var work = informer.getStore().getByKey(Cache.namespaceKeyFunc(clusterNamespace, name));
    if (work == null) {
      return null;
    }
    return new ManifestWorkFacts(name, work.getMetadata().getUid(), work.getMetadata().getLabels());
  }

  /**
   * The manifests of a ManifestWork whose current spec the work agent has applied (its {@code
   * Applied} condition is true for the work's generation); empty when there is no such work or the
   * agent has not applied its spec yet, so objects are not compared with a spec that has not
   * reached them.
   */
  public Optional<WorkManifests> appliedManifests(String name) {
    var work = informer.getStore().getByKey(Cache.namespaceKeyFunc(clusterNamespace, name));
    if (work == null) {
      return Optional.empty();
    }
    var generation = work.getMetadata().getGeneration();
    var applied = appliedGeneration(work);
    if (applied == null || (applied >= 0 && !applied.equals(generation))) {
      return Optional.empty();
    }
    var uid = work.getMetadata().getUid();
    var known = parsed.get(name);
    if (known == null
        || !Objects.equals(known.uid(), uid)
        || !Objects.equals(known.generation(), generation)) {
      @SuppressWarnings("unchecked")
      Map<String, Object> spec =
          work.getSpec() == null ? Map.of() : serialization.convertValue(work.getSpec(), Map.class);
      known = new Parsed(uid, generation, WorkManifests.fromSpec(spec));
      parsed.put(name, known);
    }
    return Optional.of(known.manifests());
  }

  /**
   * The generation the work agent reports applied: the {@code Applied} condition's observed
   * generation when it is true ({@code -1} when it carries none), null when not applied.
   */
  static Long appliedGeneration(ManifestWork work) {
    if (work.getStatus() == null || work.getStatus().getConditions() == null) {
      return null;
    }
    for (var condition : work.getStatus().getConditions()) {
      if ("Applied".equals(condition.getType())
          && condition.getStatus() != null
          && "True".equals(condition.getStatus().getValue())) {
        return condition.getObservedGeneration() == null ? -1L : condition.getObservedGeneration();
      }
    }
    return null;
  }
}
