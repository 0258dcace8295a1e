/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.kubestellar.api.WireNames;
import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.controller.model.binding.ObjectRef;
import io.kubestellar.plugin.model.BindingFacts;
import io.kubestellar.plugin.model.CellKey;
import io.kubestellar.plugin.model.DeliveryFacts;
import io.kubestellar.plugin.model.ManifestFacts;
import io.kubestellar.plugin.model.ReportFacts;
import io.kubestellar.transport.model.JsonObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * Turns Bindings (WDS), ManifestWorks and WorkStatuses (ITS) into {@link DeliveryFacts}. Used by
 * {@code where} on freshly listed objects and by the console on its informers' caches.
 */
final class DeliveryFactsReader {

  static final String WORK_API = "work.open-cluster-management.io/v1";
  static final String WORK_KIND = "ManifestWork";
  static final String WORK_STATUS_API = "control.kubestellar.io/v1alpha1";
  static final String WORK_STATUS_KIND = "WorkStatus";
  static final String CLUSTER_API = "cluster.open-cluster-management.io/v1";
  static final String CLUSTER_KIND = "ManagedCluster";

  private DeliveryFactsReader() {}

  /** Lists what is needed and assembles the facts. */
  static DeliveryFacts read(Spaces spaces) {
    var wdsName = spaces.options().wdsName;
    // Three independent lists, each from one request; in parallel they cost the slowest one. Each
    // on its own thread: the common pool has one thread on two cores, and reading is blocking.
    var pool = Executors.newFixedThreadPool(3, DeliveryFactsReader::daemon);
    var bindings =
        CompletableFuture.supplyAsync(
            () -> {
              var items = spaces.wds().resources(Binding.class).list().getItems();
              Timing.mark("bindings (" + items.size() + ")");
              return items;
            },
            pool);
    var works =
        CompletableFuture.supplyAsync(
            () -> listLabelled(spaces, WORK_API, "manifestworks", wdsName, WORK_FIELDS), pool);
    var reports =
        CompletableFuture.supplyAsync(
            () -> listLabelled(spaces, WORK_STATUS_API, "workstatuses", wdsName, REPORT_FIELDS),
            pool);
    pool.shutdown();
    var discovered = new ApiResources[1];
    var facts =
        assemble(
            join(bindings),
            join(works),
            join(reports),
            (group, kind) -> {
              if (discovered[0] == null) {
                discovered[0] = ApiResources.discover(spaces.wds());
              }
              return discovered[0]
                  .ofKind(group, kind)
                  .map(ApiResources.Type::resource)
                  .orElse(null);
            });
    Timing.mark("facts");
    return facts;
  }

  /**
   * One list request, read as JSON trees straight from the response: the lists can hold thousands
   * of large objects, and typed objects would be parsed twice. {@code resourceVersion=0} lets the
   * API server answer from its watch cache.
   */
  private static List<JsonNode> listLabelled(
      Spaces spaces, String apiVersion, String plural, String wdsName, Set<String> fields) {
    var selector =
        URLEncoder.encode(WireNames.ORIGIN_WDS_LABEL + "=" + wdsName, StandardCharsets.UTF_8);
    var its = spaces.its();
    var url =
        its.getMasterUrl().toString().replaceAll("/$", "")
            + "/apis/"
            + apiVersion
            + "/"
            + plural
            + "?resourceVersion=0&labelSelector="
            + selector;
    // Compressed, a list of thousands of objects costs a tenth of the bytes to send and decrypt.
    var request =
        its.getHttpClient()
            .newHttpRequestBuilder()
            .uri(url)
            .header("Accept-Encoding", "gzip")
            .build();
    try {
      var response = its.getHttpClient().sendAsync(request, InputStream.class).get();
      Timing.mark(plural + " response");
      try (var body = response.body()) {
        if (response.code() == 404) {
          return List.of();
        }
        InputStream in =
            "gzip".equalsIgnoreCase(response.header("Content-Encoding"))
                ? new GZIPInputStream(body)
                : body;
        if (response.code() != 200) {
          throw new UserError(
              "listing "
                  + plural
                  + " in the ITS failed: HTTP "
                  + response.code()
                  + " "
                  + new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        var items = JsonListReader.items(in, fields);
        Timing.mark(plural + " (" + items.size() + ")");
        return items;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the " + plural + " list: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new UserError("cannot reach the ITS: " + e.getCause().getMessage());
    }
  }

  /**
   * What {@link #assemble} reads of a ManifestWork: of its manifests only their identity (the
   * objects themselves are the bulk of the list), its conditions and the agent's per-manifest
   * report.
   */
  static final Set<String> WORK_FIELDS =
      Set.of(
          "metadata.name",
          "metadata.namespace",
          "spec.workload.manifests.apiVersion",
          "spec.workload.manifests.kind",
          "spec.workload.manifests.metadata.name",
          "spec.workload.manifests.metadata.namespace",
          "status.conditions",
          "status.resourceStatus.manifests.resourceMeta",
          "status.resourceStatus.manifests.conditions");

  /** What {@link #assemble} reads of a WorkStatus: whose it is, its conditions, its drift. */
  static final Set<String> REPORT_FIELDS =
      Set.of("metadata.name", "metadata.namespace", "spec.sourceRef", "status.conditions", "drift");

  private static Thread daemon(Runnable runnable) {
    var thread = new Thread(runnable, "list");
    thread.setDaemon(true);
    return thread;
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /**
   * @param resourceOfKind the resource of a group and kind, for manifests the agent has not
   *     reported on yet (asked only then)
   */
  static DeliveryFacts assemble(
      Collection<Binding> bindings,
      Collection<JsonNode> works,
      Collection<JsonNode> reports,
      BiFunction<String, String, String> resourceOfKind) {
    var bindingFacts = bindings.stream().map(DeliveryFactsReader::binding).toList();
    var manifests = new HashMap<CellKey, ManifestFacts>();
    var kinds = new HashMap<String, String>();
    for (var tree : works) {
      var cluster = tree.path("metadata").path("namespace").asText();
      var name = tree.path("metadata").path("name").asText();
      var workApplied = condition(tree.path("status").path("conditions"), "Applied");
      var seen = new java.util.HashSet<String>();
      for (var manifest : tree.path("status").path("resourceStatus").path("manifests")) {
        var meta = manifest.path("resourceMeta");
        var group = meta.path("group").asText("");
        var ref =
            new ObjectRef(
                group,
                meta.path("resource").asText(""),
                meta.path("namespace").asText(""),
                meta.path("name").asText(""));
        kinds.put(group + "/" + meta.path("kind").asText(""), ref.resource());
        seen.add(
            group + "/" + meta.path("kind").asText("") + "/" + ref.namespace() + "/" + ref.name());
        var conditions = manifest.path("conditions");
        var applied = condition(conditions, "Applied");
        manifests.put(
            new CellKey(cluster, ref),
            new ManifestFacts(
                name, applied, condition(conditions, "Available"), falseMessage(conditions)));
      }
      for (var manifest : tree.path("spec").path("workload").path("manifests")) {
        var group = JsonObjects.groupOf(JsonObjects.text(manifest, "apiVersion"));
        var kind = JsonObjects.text(manifest, "kind");
        var ns = JsonObjects.text(manifest.path("metadata"), "namespace");
        var objectName = JsonObjects.text(manifest.path("metadata"), "name");
        if (!seen.contains(group + "/" + kind + "/" + ns + "/" + objectName)) {
          var failed = Boolean.FALSE.equals(workApplied) ? Boolean.FALSE : null;
          var message =
              failed == null ? null : falseMessage(tree.path("status").path("conditions"));
          var resource = kinds.get(group + "/" + kind);
          if (resource == null) {
            resource = resourceOfKind.apply(group, kind);
          }
          if (resource != null) {
            manifests.putIfAbsent(
                new CellKey(cluster, new ObjectRef(group, resource, ns, objectName)),
                new ManifestFacts(name, failed, null, message));
          }
        }
      }
    }
    var reportFacts = new HashMap<CellKey, ReportFacts>();
    for (var tree : reports) {
      var source = tree.path("spec").path("sourceRef");
      var ref =
          new ObjectRef(
              source.path("group").asText(""),
              source.path("resource").asText(""),
              source.path("namespace").asText(""),
              source.path("name").asText(""));
      var conditions = tree.path("status").path("conditions");
      var available = condition(conditions, "Available");
      if (available == null) {
        available = condition(conditions, "Ready");
      }
      var drift = tree.path("drift");
      String driftText = null;
      if (drift.isObject()) {
        driftText = drift.path("message").asText("the WEC copy differs from what was delivered");
      }
      reportFacts.put(
          new CellKey(tree.path("metadata").path("namespace").asText(), ref),
          new ReportFacts(
              tree.path("metadata").path("name").asText(),
              available,
              words(conditions),
              driftText));
    }
    return new DeliveryFacts(bindingFacts, manifests, reportFacts);
  }

  static BindingFacts binding(Binding binding) {
    var objects = new TreeMap<ObjectRef, String>();
    var spec = binding.getSpec();
    var destinations = new TreeSet<String>();
    if (spec != null) {
      if (spec.workload() != null && spec.workload().clusterScope() != null) {
        spec.workload()
            .clusterScope()
            .forEach(
                c ->
                    objects.put(
                        new ObjectRef(nz(c.group()), c.resource(), "", c.name()), c.version()));
      }
      if (spec.workload() != null && spec.workload().namespaceScope() != null) {
        spec.workload()
            .namespaceScope()
            .forEach(
                c ->
                    objects.put(
                        new ObjectRef(nz(c.group()), c.resource(), c.namespace(), c.name()),
                        c.version()));
      }
      if (spec.destinations() != null) {
        spec.destinations().forEach(d -> destinations.add(d.clusterId()));
      }
    }
    var status = binding.getStatus();
    List<String> errors = status == null || status.errors() == null ? List.of() : status.errors();
    return new BindingFacts(binding.getMetadata().getName(), destinations, objects, errors);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** The status of a condition as a Boolean (null when absent or Unknown). */
  static Boolean condition(JsonNode conditions, String type) {
    for (var c : conditions) {
      if (type.equals(c.path("type").asText())) {
        var status = c.path("status").asText();
        return status.equals("True") ? Boolean.TRUE : status.equals("False") ? Boolean.FALSE : null;
      }
    }
    return null;
  }

  private static String falseMessage(JsonNode conditions) {
    for (var c : conditions) {
      if ("False".equals(c.path("status").asText())) {
        return c.path("type").asText()
            + "=False: "
            + c.path("message").asText(c.path("reason").asText());
      }
    }
    return null;
  }

  static String words(JsonNode conditions) {
    if (!conditions.isArray() || conditions.isEmpty()) {
      return null;
    }
    var list = new ArrayList<String>();
    conditions.forEach(c -> list.add(c.path("type").asText() + "=" + c.path("status").asText()));
    return list.stream().collect(Collectors.joining(", "));
  }

  /** The ManagedClusters of the ITS: name to labels. */
  static Map<String, Map<String, String>> clusterLabels(Spaces spaces) {
    return clusterLabels(
        spaces.its().genericKubernetesResources(CLUSTER_API, CLUSTER_KIND).list().getItems());
  }

  static Map<String, Map<String, String>> clusterLabels(
      Collection<GenericKubernetesResource> clusters) {
    var result = new TreeMap<String, Map<String, String>>();
    for (var c : clusters) {
      var labels = c.getMetadata().getLabels();
      result.put(c.getMetadata().getName(), labels == null ? Map.of() : labels);
    }
    return result;
  }
}
