/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.status;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubestellar.api.control.v1alpha1.CombinedStatus;
import io.kubestellar.api.control.v1alpha1.NamedStatusCombination;
import io.kubestellar.controller.model.status.CollectorResult;
import io.kubestellar.controller.model.status.CombinedStatusEquality;
import io.kubestellar.controller.model.status.CombinedStatusNaming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes CombinedStatus objects (§6.8.1, §6.8.10): creates or replaces one when its labels, owner
 * reference or results differ from what evaluation produced, and deletes those of an object that no
 * BindingPolicy collects for any more. The informer cache is the reference; a write that races a
 * stale cache fails on the resourceVersion and is retried.
 */
final class CombinedStatuses {

  private static final Logger LOG = LoggerFactory.getLogger(CombinedStatuses.class);

  /** Informer index of CombinedStatus objects by the subject their labels name. */
  static final String SUBJECT_INDEX = "subject";

  private static final TypeReference<List<CollectorResult>> RESULTS = new TypeReference<>() {};

  /**
   * One CombinedStatus that should exist.
   *
   * @param name {@code <objectUID>.<policyUID>}
   * @param namespace the object's namespace or {@code kubestellar-report}
   * @param labels the five labels
   * @param owner reference to the workload object
   * @param results the evaluated results
   */
  record Desired(
      String name,
      String namespace,
      Map<String, String> labels,
      OwnerReference owner,
      List<CollectorResult> results) {}

  private final KubernetesClient wds;
  private final SharedIndexInformer<CombinedStatus> informer;
  private final ObjectMapper json;
  private final StatusMetrics metrics;

  CombinedStatuses(
      KubernetesClient wds,
      SharedIndexInformer<CombinedStatus> informer,
      ObjectMapper json,
      StatusMetrics metrics) {
    this.wds = wds;
    this.informer = informer;
    this.json = json;
    this.metrics = metrics;
  }

  /** The index key of a subject, from a workload key. */
  static String subjectIndexKey(StatusKey.Workload key) {
    return String.join("\n", key.group(), key.resource(), key.namespace(), key.name());
  }

  /** The index function: the subject a CombinedStatus's labels name, if all four are there. */
  static List<String> subjectOf(CombinedStatus cs) {
    var labels = cs.getMetadata().getLabels();
    if (labels == null
        || !labels.containsKey(CombinedStatusNaming.LABEL_RESOURCE)
        || !labels.containsKey(CombinedStatusNaming.LABEL_NAME)) {
      return List.of();
    }
    return List.of(
        String.join(
            "\n",
            labels.getOrDefault(CombinedStatusNaming.LABEL_API_GROUP, ""),
            labels.get(CombinedStatusNaming.LABEL_RESOURCE),
            labels.getOrDefault(CombinedStatusNaming.LABEL_NAMESPACE, ""),
            labels.get(CombinedStatusNaming.LABEL_NAME)));
  }

  /** The subject keys of every cached CombinedStatus (to look at each after a restart). */
  List<StatusKey.Workload> subjects() {
    var result = new ArrayList<StatusKey.Workload>();
    for (var cs : informer.getStore().list()) {
      var labels = cs.getMetadata().getLabels();
      if (!subjectOf(cs).isEmpty()) {
        result.add(
            new StatusKey.Workload(
                labels.getOrDefault(CombinedStatusNaming.LABEL_API_GROUP, ""),
                labels.get(CombinedStatusNaming.LABEL_RESOURCE),
                labels.getOrDefault(CombinedStatusNaming.LABEL_NAMESPACE, ""),
                labels.get(CombinedStatusNaming.LABEL_NAME)));
      }
    }
    return result;
  }

  /**
   * Makes the CombinedStatus objects of one workload object exactly {@code desired}.
   *
   * @return how many objects were written or deleted
   */
  int converge(StatusKey.Workload key, List<Desired> desired) {
    int writes = 0;
    var wanted = new LinkedHashMap<String, Desired>();
    desired.forEach(d -> wanted.put(d.namespace() + "/" + d.name(), d));
    for (var d : desired) {
      var existing = informer.getStore().getByKey(d.namespace() + "/" + d.name());
      if (existing != null && sameContent(existing, d)) {
        continue;
      }
      write(d, existing);
      writes++;
    }
    for (var cs : informer.getIndexer().byIndex(SUBJECT_INDEX, subjectIndexKey(key))) {
      var id = cs.getMetadata().getNamespace() + "/" + cs.getMetadata().getName();
      if (!wanted.containsKey(id)) {
        delete(cs);
        writes++;
      }
    }
    return writes;
  }

  private boolean sameContent(CombinedStatus existing, Desired desired) {
    List<CollectorResult> stored;
    try {
      stored =
          existing.getResults() == null
              ? List.of()
              : json.convertValue(existing.getResults(), RESULTS);
    } catch (IllegalArgumentException e) {
      return false; // not something we wrote: replace it
    }
    var owners = existing.getMetadata().getOwnerReferences();
    return owners != null
        && owners.size() == 1
        && sameOwner(owners.get(0), desired.owner())
        && CombinedStatusEquality.sameContent(
            existing.getMetadata().getLabels(), stored, desired.labels(), desired.results());
  }

  private static boolean sameOwner(OwnerReference a, OwnerReference b) {
    return Objects.equals(a.getApiVersion(), b.getApiVersion())
        && Objects.equals(a.getKind(), b.getKind())
        && Objects.equals(a.getName(), b.getName())
        && Objects.equals(a.getUid(), b.getUid())
        && a.getController() == null
        && a.getBlockOwnerDeletion() == null;
  }

  private void write(Desired d, CombinedStatus existing) {
    var cs = new CombinedStatus();
    cs.setMetadata(
        new ObjectMetaBuilder()
            .withName(d.name())
            .withNamespace(d.namespace())
            .withLabels(new LinkedHashMap<>(d.labels()))
            .withOwnerReferences(d.owner())
            .withResourceVersion(
                existing == null ? null : existing.getMetadata().getResourceVersion())
            .build());
    List<NamedStatusCombination> results =
        d.results().stream().map(r -> json.convertValue(r, NamedStatusCombination.class)).toList();
    cs.setResults(results.isEmpty() ? null : new ArrayList<>(results));
    var ops = wds.resources(CombinedStatus.class).inNamespace(d.namespace());
    if (existing == null) {
      ops.resource(cs).create();
      metrics.write("combinedstatus");
      LOG.atDebug()
          .setMessage("created CombinedStatus")
          .addKeyValue("namespace", d.namespace())
          .addKeyValue("name", d.name())
          .log();
    } else {
      ops.resource(cs).update();
      metrics.write("combinedstatus");
    }
  }

  private void delete(CombinedStatus cs) {
    try {
      wds.resources(CombinedStatus.class)
          .inNamespace(cs.getMetadata().getNamespace())
          .withName(cs.getMetadata().getName())
          .lockResourceVersion(cs.getMetadata().getResourceVersion())
          .delete();
      metrics.write("combinedstatus-delete");
      LOG.atInfo()
          .setMessage("deleted CombinedStatus")
          .addKeyValue("namespace", cs.getMetadata().getNamespace())
          .addKeyValue("name", cs.getMetadata().getName())
          .log();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
    }
  }

  /** The owner reference of a CombinedStatus: the workload object, not as controller (§6.8.1). */
  static OwnerReference ownerOf(String apiVersion, String kind, String name, String uid) {
    return new OwnerReferenceBuilder()
        .withApiVersion(apiVersion)
        .withKind(kind)
        .withName(name)
        .withUid(uid)
        .build();
  }

  boolean hasSynced() {
    return informer.hasSynced();
  }
}
