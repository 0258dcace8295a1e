/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.api.control.v1alpha1.BindingPolicy;
import io.kubestellar.controller.model.binding.BindingPolicyModel;
import io.kubestellar.controller.model.binding.DownsyncClause;
import io.kubestellar.controller.model.binding.ObjectRef;
import io.kubestellar.controller.model.binding.PolicyResolver;
import io.kubestellar.controller.model.binding.WorkloadObject;
import io.kubestellar.controller.model.binding.WorkloadSource;
import io.kubestellar.model.GroupResource;
import io.kubestellar.plugin.model.PolicyModels;
import io.kubestellar.plugin.model.SentObjects;
import io.kubestellar.transport.model.TransportKeys;
import io.kubestellar.transport.model.work.BundlingLimits;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A dry run of a BindingPolicy: the binding model resolves it against what the WDS and the ITS hold
 * now, and the transport model renders what it would send. Nothing is written.
 */
final class Previewer {

  /**
   * @param policy the policy's name
   * @param clusters the clusters it would select
   * @param objects the objects it would bind
   * @param addedObjects objects not in the current Binding of that name
   * @param removedObjects objects in the current Binding that would leave it
   * @param addedClusters clusters not in the current Binding
   * @param removedClusters clusters that would leave it
   * @param bindingExists whether a Binding of that name exists
   * @param problems what would not work
   */
  record Answer(
      String policy,
      List<String> clusters,
      List<String> objects,
      List<String> addedObjects,
      List<String> removedObjects,
      List<String> addedClusters,
      List<String> removedClusters,
      boolean bindingExists,
      List<String> problems) {}

  private final Spaces spaces;

  Previewer(Spaces spaces) {
    this.spaces = spaces;
  }

  Answer preview(BindingPolicy policy) {
    var model = PolicyModels.of(policy);
    var wds = spaces.wds();
    var resources = ApiResources.discover(wds);
    var workload = new ListedWorkload();
    for (var type : resources.bindable()) {
      if (!model.admitsType(type.groupResource())) {
        continue;
      }
      for (var item :
          wds.genericKubernetesResources(type.context()).inAnyNamespace().list().getItems()) {
        workload.add(type, item);
      }
    }
    var namespaceLabels = new HashMap<String, Map<String, String>>();
    wds.namespaces()
        .list()
        .getItems()
        .forEach(
            ns ->
                namespaceLabels.put(
                    ns.getMetadata().getName(),
                    ns.getMetadata().getLabels() == null
                        ? Map.of()
                        : ns.getMetadata().getLabels()));
    var clusters = DeliveryFactsReader.clusterLabels(spaces);
    var content =
        PolicyResolver.resolve(
            model, clusters, workload, ns -> Optional.ofNullable(namespaceLabels.get(ns)));
    var current =
        Optional.ofNullable(wds.resources(Binding.class).withName(model.name()).get())
            .map(DeliveryFactsReader::binding);
    var objects = content.objects().keySet().stream().map(ObjectRef::toString).toList();
    var before =
        current
            .map(b -> b.objects().keySet().stream().map(ObjectRef::toString).toList())
            .orElse(List.of());
    var beforeClusters = current.map(b -> List.copyOf(b.destinations())).orElse(List.<String>of());
    var problems = new ArrayList<>(model.problems());
    if (content.destinations().isEmpty()) {
      problems.add("no cluster matches spec.clusterSelectors, so nothing would be delivered");
    }
    everythingClauses(model, workload.count(), problems);
    renderProblems(content.objects().keySet(), content.destinations(), workload, problems);
    return new Answer(
        model.name(),
        List.copyOf(content.destinations()),
        objects,
        minus(objects, before),
        minus(before, objects),
        minus(List.copyOf(content.destinations()), beforeClusters),
        minus(beforeClusters, List.copyOf(content.destinations())),
        current.isPresent(),
        problems);
  }

  private static List<String> minus(List<String> a, List<String> b) {
    var rest = new TreeSet<>(a);
    b.forEach(rest::remove);
    return List.copyOf(rest);
  }

  /** A clause with no test at all selects every object of every bindable type. */
  private static void everythingClauses(
      BindingPolicyModel model, int total, List<String> problems) {
    for (int i = 0; i < model.clauses().size(); i++) {
      var c = model.clauses().get(i);
      boolean open =
          c.apiGroup() == null
              && anything(c.resources())
              && anything(c.namespaces())
              && anything(c.objectNames())
              && (c.objectSelectors().isEmpty()
                  || c.objectSelectors().stream().anyMatch(s -> s.isEmpty()))
              && (c.namespaceSelectors().isEmpty()
                  || c.namespaceSelectors().stream().anyMatch(s -> s.isEmpty()));
      if (open) {
        problems.add(
            "downsync["
                + i
                + "] matches everything: all "
                + total
                + " bindable objects of the WDS, whatever their group, resource, namespace, name or labels");
      }
    }
  }

  private static boolean anything(List<String> list) {
    return list.isEmpty() || list.contains(DownsyncClause.ANY);
  }

  private void renderProblems(
      Collection<ObjectRef> refs,
      Collection<String> destinations,
      ListedWorkload workload,
      List<String> problems) {
    if (destinations.isEmpty()) {
      return;
    }
    var inputs = new TransportInputs(spaces);
    var renderer = new SentObjects(BundlingLimits.DEFAULTS);
    var properties = new HashMap<String, Map<String, String>>();
    for (var ref : refs) {
      var json = workload.json(ref);
      boolean templated =
          "true"
              .equals(
                  json.path("metadata")
                      .path("annotations")
                      .path(TransportKeys.EXPAND_TEMPLATES_ANNOTATION)
                      .asText());
      for (var cluster : templated ? destinations : List.of(destinations.iterator().next())) {
        var props = properties.computeIfAbsent(cluster, inputs::properties);
        var sent = renderer.render(json, ref.resource(), inputs.customTransforms(), cluster, props);
        sent.templateErrors().forEach(e -> problems.add("template: " + e));
        if (sent.tooLarge() != null) {
          problems.add(sent.tooLarge());
        }
      }
    }
  }

  /** The WDS objects of the types the policy may bind, as listed now, by type and namespace. */
  private static final class ListedWorkload implements WorkloadSource {
    private final Map<GroupResource, Map<String, List<WorkloadObject>>> index = new TreeMap<>();
    private final Map<ObjectRef, GenericKubernetesResource> items = new HashMap<>();

    void add(ApiResources.Type type, GenericKubernetesResource item) {
      var meta = item.getMetadata();
      var namespace = type.namespaced() ? meta.getNamespace() : "";
      var ref = new ObjectRef(type.group(), type.resource(), namespace, meta.getName());
      var object =
          new WorkloadObject(ref, type.version(), meta.getResourceVersion(), meta.getLabels());
      index
          .computeIfAbsent(type.groupResource(), t -> new TreeMap<>())
          .computeIfAbsent(namespace, n -> new ArrayList<>())
          .add(object);
      items.put(ref, item);
    }

    int count() {
      return items.size();
    }

    JsonNode json(ObjectRef ref) {
      return Spaces.JSON.convertValue(items.get(ref), JsonNode.class);
    }

    @Override
    public Collection<GroupResource> types() {
      return index.keySet();
    }

    @Override
    public Collection<WorkloadObject> objects(GroupResource type) {
      var all = new ArrayList<WorkloadObject>();
      index.getOrDefault(type, Map.of()).values().forEach(all::addAll);
      return all;
    }

    @Override
    public Collection<WorkloadObject> objects(GroupResource type, String namespace) {
      return index.getOrDefault(type, Map.of()).getOrDefault(namespace, List.of());
    }
  }
}
