/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.status;

import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.controller.model.binding.Modulation;
import io.kubestellar.controller.model.status.reported.ReportedStateRequest;
import io.kubestellar.controller.reconciler.binding.BindingSpecs;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the Bindings of this WDS ask of status return, per workload object: an in-memory index
 * rebuilt from the Binding informer (upstream shares the binding controller's resolver; §6.1 Q12
 * allows deriving it from Bindings, which keeps the two controllers independent). Only objects with
 * a status request or StatusCollectors are indexed. Thread-safe.
 */
final class BindingRequests {

  /**
   * What one Binding asks for one object.
   *
   * @param binding the Binding (= BindingPolicy) name
   * @param policyUid UID of the BindingPolicy (the Binding's owner), or of the Binding if it has no
   *     BindingPolicy owner
   * @param version API version the Binding reads the object at
   * @param wants the status the entry asks for: its StatusCollectors and reported-state flags
   *     ({@code createOnly} left out: it asks for no status)
   * @param destinations destination WEC names, sorted
   */
  record Request(
      String binding,
      String policyUid,
      String version,
      Modulation wants,
      SortedSet<String> destinations) {

    /** {@code wantSingletonReportedState}. */
    boolean singleton() {
      return wants.wantSingletonReportedState();
    }

    /** {@code wantMultiWECReportedState}. */
    boolean multi() {
      return wants.wantMultiWecReportedState();
    }

    /** StatusCollector names, sorted. */
    SortedSet<String> collectors() {
      return wants.statusCollectors();
    }
  }

  /** The group, version and resource of a workload kind. */
  record GroupVersionResource(String group, String version, String resource) {}

  private final Map<String, Map<StatusKey.Workload, Request>> byBinding = new HashMap<>();
  private final Map<StatusKey.Workload, Map<String, Request>> byObject = new HashMap<>();

  /**
   * Where each bound object is sent, whatever it asks of status return: object → Binding → WECs. A
   * WorkStatus from any other WEC reports on something that WEC was never sent.
   */
  private final Map<StatusKey.Workload, Map<String, SortedSet<String>>> sentTo = new HashMap<>();

  private final Map<String, Set<StatusKey.Workload>> sentBy = new HashMap<>();

  /**
   * Records a Binding's current content; a Binding being deleted asks for nothing.
   *
   * @return the objects whose requests changed
   */
  synchronized Set<StatusKey.Workload> update(Binding binding) {
    var name = binding.getMetadata().getName();
    boolean live = binding.getMetadata().getDeletionTimestamp() == null;
    replaceSent(name, live ? sentOf(binding) : Map.of());
    return replace(name, live ? requestsOf(binding) : Map.<StatusKey.Workload, Request>of());
  }

  /** Forgets a deleted Binding; returns the objects it asked something for. */
  synchronized Set<StatusKey.Workload> remove(String bindingName) {
    replaceSent(bindingName, Map.of());
    return replace(bindingName, Map.of());
  }

  /** Every WEC some Binding sends the object to; empty when none does. */
  synchronized Set<String> destinationsOf(StatusKey.Workload key) {
    var perBinding = sentTo.get(key);
    if (perBinding == null) {
      return Set.of();
    }
    var result = new TreeSet<String>();
    perBinding.values().forEach(result::addAll);
    return result;
  }

  private void replaceSent(String name, Map<StatusKey.Workload, SortedSet<String>> fresh) {
    for (var key : sentBy.getOrDefault(name, Set.of())) {
      var perBinding = sentTo.get(key);
      if (perBinding != null) {
        perBinding.remove(name);
        if (perBinding.isEmpty()) {
          sentTo.remove(key);
        }
      }
    }
    fresh.forEach((key, wecs) -> sentTo.computeIfAbsent(key, k -> new HashMap<>()).put(name, wecs));
    if (fresh.isEmpty()) {
      sentBy.remove(name);
    } else {
      sentBy.put(name, Set.copyOf(fresh.keySet()));
    }
  }

  private static Map<StatusKey.Workload, SortedSet<String>> sentOf(Binding binding) {
    var spec = binding.getSpec();
    if (spec == null || spec.workload() == null) {
      return Map.of();
    }
    var content = BindingSpecs.content(spec);
    var destinations = content.destinations();
    var result = new HashMap<StatusKey.Workload, SortedSet<String>>();
    content
        .objects()
        .keySet()
        .forEach(
            ref ->
                result.put(
                    new StatusKey.Workload(
                        ref.group(), ref.resource(), ref.namespace(), ref.name()),
                    destinations));
    return result;
  }

  private Set<StatusKey.Workload> replace(String name, Map<StatusKey.Workload, Request> fresh) {
    var old = byBinding.getOrDefault(name, Map.of());
    var changed = new HashSet<StatusKey.Workload>();
    for (var e : old.entrySet()) {
      if (!Objects.equals(e.getValue(), fresh.get(e.getKey()))) {
        changed.add(e.getKey());
        var perObject = byObject.get(e.getKey());
        if (perObject != null) {
          perObject.remove(name);
          if (perObject.isEmpty()) {
            byObject.remove(e.getKey());
          }
        }
      }
    }
    for (var e : fresh.entrySet()) {
      if (!Objects.equals(e.getValue(), old.get(e.getKey()))) {
        changed.add(e.getKey());
        byObject.computeIfAbsent(e.getKey(), k -> new HashMap<>()).put(name, e.getValue());
      }
    }
    if (fresh.isEmpty()) {
      byBinding.remove(name);
    } else {
      byBinding.put(name, Map.copyOf(fresh));
    }
    return changed;
  }

  /** Every Binding's request for an object, sorted by Binding name. */
  synchronized List<Request> requestsFor(StatusKey.Workload key) {
    var perObject = byObject.get(key);
    if (perObject == null) {
      return List.of();
    }
    var result = new ArrayList<>(perObject.values());
    result.sort((a, b) -> a.binding().compareTo(b.binding()));
    return result;
  }

  /** Every indexed object. */
  synchronized Set<StatusKey.Workload> objects() {
    return Set.copyOf(byObject.keySet());
  }

  /** Objects whose requests name the given StatusCollector. */
  synchronized Set<StatusKey.Workload> usingCollector(String collector) {
    var result = new HashSet<StatusKey.Workload>();
    byObject.forEach(
        (key, requests) -> {
          if (requests.values().stream().anyMatch(r -> r.collectors().contains(collector))) {
            result.add(key);
          }
        });
    return result;
  }

  /** The kinds (at the version some Binding reads them) of every indexed object. */
  synchronized Set<GroupVersionResource> kinds() {
    var result = new HashSet<GroupVersionResource>();
    byObject.forEach(
        (key, requests) ->
            requests
                .values()
                .forEach(
                    r ->
                        result.add(
                            new GroupVersionResource(key.group(), r.version(), key.resource()))));
    return result;
  }

  /** §6.4: the merged singleton/multi request over every Binding that selects the object. */
  static ReportedStateRequest reportedStateRequest(Collection<Request> requests) {
    boolean singleton = false;
    boolean multi = false;
    var singletonWecs = new TreeSet<String>();
    var multiWecs = new TreeSet<String>();
    for (var r : requests) {
      if (r.singleton()) {
        singleton = true;
        singletonWecs.addAll(r.destinations());
      }
      if (r.multi()) {
        multi = true;
        multiWecs.addAll(r.destinations());
      }
    }
    return new ReportedStateRequest(singleton, singletonWecs, multi, multiWecs);
  }

  private static Map<StatusKey.Workload, Request> requestsOf(Binding binding) {
    var spec = binding.getSpec();
    if (spec == null || spec.workload() == null) {
      return Map.of();
    }
    var content = BindingSpecs.content(spec);
    var name = binding.getMetadata().getName();
    var policyUid = policyUid(binding);
    var result = new HashMap<StatusKey.Workload, Request>();
    content
        .objects()
        .forEach(
            (ref, bound) -> {
              var wants = bound.modulation();
              add(
                  result,
                  new StatusKey.Workload(ref.group(), ref.resource(), ref.namespace(), ref.name()),
                  new Request(
                      name,
                      policyUid,
                      bound.version(),
                      new Modulation(
                          false,
                          wants.statusCollectors(),
                          wants.wantSingletonReportedState(),
                          wants.wantMultiWecReportedState()),
                      content.destinations()));
            });
    return result;
  }

  private static void add(
      Map<StatusKey.Workload, Request> into, StatusKey.Workload key, Request request) {
    if (request.singleton() || request.multi() || !request.collectors().isEmpty()) {
      into.put(key, request);
    }
  }

  /** §6.8.1: the BindingPolicy UID, from the Binding's owner reference. */
  static String policyUid(Binding binding) {
    var owners = binding.getMetadata().getOwnerReferences();
    if (owners != null) {
      for (var owner : owners) {
        if ("BindingPolicy".equals(owner.getKind()) && owner.getUid() != null) {
          return owner.getUid();
        }
      }
    }
    return binding.getMetadata().getUid();
  }
}
