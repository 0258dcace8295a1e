/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kubestellar.ocm.work.v1.AppliedManifestWork;
import io.kubestellar.statusaddon.model.ExcludedResources;
import io.kubestellar.statusaddon.model.GroupVersionResource;
import io.kubestellar.statusaddon.model.ObjectKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The AppliedManifestWorks the OCM work agent keeps in the WEC (one per ManifestWork it applied):
 * which objects each anchors, and which resource types the agent must therefore watch.
 */
public final class AppliedWorks extends InformerCache<AppliedManifestWork> {

  /** Told which objects an AppliedManifestWork added, dropped or still lists after a change. */
  public interface Listener {
    void appliedObjectsChanged(Set<ObjectKey> objects);
  }

  private static final String BY_MANIFEST_WORK = "manifestWorkName";
  private static final String BY_OBJECT = "appliedObject";

  public AppliedWorks(KubernetesClient wec) {
    super(wec.resources(AppliedManifestWork.class).runnableInformer(0));
    informer.addIndexers(
        Map.of(
            BY_MANIFEST_WORK,
            amw ->
                amw.getSpec() == null || amw.getSpec().getManifestWorkName() == null
                    ? List.of()
                    : List.of(amw.getSpec().getManifestWorkName()),
            BY_OBJECT,
            amw -> applied(amw).stream().map(ObjectKey::indexValue).toList()));
  }

  /** Registers the listener; call before {@link #start}. */
  public void listen(Listener listener) {
    informer.addEventHandler(
        new ResourceEventHandler<AppliedManifestWork>() {
          @Override
          public void onAdd(AppliedManifestWork amw) {
            listener.appliedObjectsChanged(applied(amw));
          }

          @Override
          public void onUpdate(AppliedManifestWork before, AppliedManifestWork after) {
            if (Objects.equals(
                before.getMetadata().getResourceVersion(),
                after.getMetadata().getResourceVersion())) {
              return;
            }
            var objects = new LinkedHashSet<>(applied(before));
            objects.addAll(applied(after));
            listener.appliedObjectsChanged(objects);
          }

          @Override
          public void onDelete(AppliedManifestWork amw, boolean finalStateUnknown) {
            listener.appliedObjectsChanged(applied(amw));
          }
        });
  }

  /** An AppliedManifestWork by name; null when there is none. */
  public AppliedManifestWork get(String name) {
    return informer.getStore().getByKey(name);
  }

  /** Names of the AppliedManifestWorks whose {@code status.appliedResources} list the object. */
  public List<String> listing(ObjectKey key) {
    var names = new ArrayList<String>();
    for (var amw : informer.getIndexer().byIndex(BY_OBJECT, key.indexValue())) {
      names.add(amw.getMetadata().getName());
    }
    return names;
  }

  /** The AppliedManifestWorks of a ManifestWork (normally one). */
  public List<AppliedManifestWork> ofManifestWork(String manifestWorkName) {
    return informer.getIndexer().byIndex(BY_MANIFEST_WORK, manifestWorkName);
  }

  /** Every object any AppliedManifestWork lists (excluded kinds left out). */
  public Set<ObjectKey> allApplied() {
    var keys = new LinkedHashSet<ObjectKey>();
    for (var amw : informer.getStore().list()) {
      keys.addAll(applied(amw));
    }
    return keys;
  }

  /** The resource types the agent must watch: those of every listed object. */
  public Set<GroupVersionResource> referencedTypes() {
    var types = new LinkedHashSet<GroupVersionResource>();
    for (var key : allApplied()) {
      types.add(key.type());
    }
    return types;
  }

  /** The objects an AppliedManifestWork lists, excluded kinds left out. */
  static Set<ObjectKey> applied(AppliedManifestWork amw) {
    var keys = new LinkedHashSet<ObjectKey>();
    if (amw.getStatus() == null || amw.getStatus().getAppliedResources() == null) {
      return keys;
    }
    for (var resource : amw.getStatus().getAppliedResources()) {
      if (resource.getVersion() == null
          || resource.getVersion().isEmpty()
          || resource.getResource() == null
          || resource.getResource().isEmpty()
          || resource.getName() == null
          || resource.getName().isEmpty()) {
        continue;
      }
      var key =
          ObjectKey.of(
              resource.getGroup(),
              resource.getVersion(),
              resource.getResource(),
              resource.getNamespace(),
              resource.getName());
      if (!ExcludedResources.excluded(key.type())) {
        keys.add(key);
      }
    }
    return keys;
  }
}
