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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
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

  /**
   * How many list requests are in flight at once. The lists are split by cluster namespace, so that
   * the API server encodes several at a time (it encodes one response on one thread) and the plugin
   * parses the first while the server still encodes the others.
   */
  private static final int LISTS_IN_FLIGHT = 8;

  /** What is read of a ManagedCluster to know its namespace: its name. */
  private static final Set<String> NAME_ONLY = Set.of("metadata.name");

  /** Lists what is needed and assembles the facts. */
  static DeliveryFacts read(Spaces spaces) {
    var wdsName = spaces.options().wdsName;
    var selector = WireNames.ORIGIN_WDS_LABEL + "=" + wdsName;
    // Reading is blocking, and the common pool has one thread on two cores: a pool of our own.
    var pool = Executors.newFixedThreadPool(LISTS_IN_FLIGHT, DeliveryFactsReader::daemon);
    try {
      // The ITS lists do not wait for the WDS client: the clusters (a small list) go first, then
      // each cluster namespace's ManifestWorks and WorkStatuses, while the Bindings are read.
      var clusters =
          CompletableFuture.supplyAsync(
              () -> {
                var items = list(spaces, CLUSTER_API, "managedclusters", null, null, NAME_ONLY);
                Timing.mark("clusters (" + items.size() + ")");
                return items;
              },
              pool);
      var bindings =
          CompletableFuture.supplyAsync(
              () -> {
                var items = spaces.wds().resources(Binding.class).list().getItems();
                Timing.mark("bindings (" + items.size() + ")");
                return items;
              },
              pool);
      var discovered = new ApiResources[1];
      BiFunction<String, String, String> resourceOfKind =
          (group, kind) -> {
            synchronized (discovered) {
              if (discovered[0] == null) {
                discovered[0] = ApiResources.discover(spaces.wds());
              }
            }
            return discovered[0].ofKind(group, kind).map(ApiResources.Type::resource).orElse(null);
          };
      var mailboxes = new MailboxLists(spaces, selector, pool, resourceOfKind);
      join(clusters).forEach(c -> mailboxes.read(c.path("metadata").path("name").asText()));
      // A destination with no ManagedCluster (deleted, or not yet made) may still hold works.
      var bound = join(bindings);
      bound.forEach(
          b -> {
            if (b.getSpec() != null && b.getSpec().destinations() != null) {
              b.getSpec().destinations().forEach(d -> mailboxes.read(d.clusterId()));
            }
          });
      var facts =
          new DeliveryFacts(
              bound.stream().map(DeliveryFactsReader::binding).toList(),
              mailboxes.manifests(),
              mailboxes.reports());
      Timing.mark(
          "facts (" + facts.manifests().size() + " works, " + facts.reports().size() + " reports)");
      return facts;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The ManifestWork and WorkStatus lists of cluster namespaces, each namespace read once and
   * turned into facts on the thread that read it, so that the facts of the first namespaces are
   * made while the API server still encodes the lists of the others.
   */
  private static final class MailboxLists {
    private final Spaces spaces;
    private final String selector;
    private final Executor pool;
    private final BiFunction<String, String, String> resourceOfKind;
    private final Map<String, CompletableFuture<Map<CellKey, ManifestFacts>>> works =
        new LinkedHashMap<>();
    private final Map<String, CompletableFuture<Map<CellKey, ReportFacts>>> reports =
        new LinkedHashMap<>();

    MailboxLists(
        Spaces spaces,
        String selector,
        Executor pool,
        BiFunction<String, String, String> resourceOfKind) {
      this.spaces = spaces;
      this.selector = selector;
      this.pool = pool;
      this.resourceOfKind = resourceOfKind;
    }

    /** Starts reading the namespace's lists, unless they are read already. */
    void read(String namespace) {
      if (namespace.isEmpty() || works.containsKey(namespace)) {
        return;
      }
      works.put(
          namespace,
          CompletableFuture.supplyAsync(
              () ->
                  DeliveryFactsReader.manifests(
                      list(spaces, WORK_API, "manifestworks", namespace, selector, WORK_FIELDS),
                      resourceOfKind),
              pool));
      reports.put(
          namespace,
          CompletableFuture.supplyAsync(
              () ->
                  DeliveryFactsReader.reports(
                      list(
                          spaces,
                          WORK_STATUS_API,
                          "workstatuses",
                          namespace,
                          selector,
                          REPORT_FIELDS)),
              pool));
    }

    Map<CellKey, ManifestFacts> manifests() {
      return merged(works);
    }

    Map<CellKey, ReportFacts> reports() {
      return merged(reports);
    }

    private static <V> Map<CellKey, V> merged(
        Map<String, CompletableFuture<Map<CellKey, V>>> lists) {
      var all = new HashMap<CellKey, V>();
      lists.values().forEach(list -> all.putAll(join(list)));
      return all;
    }
  }

  /**
   * One list request to the ITS, read as JSON trees straight from the response: the lists can hold
   * thousands of large objects, and typed objects would be parsed twice. {@code resourceVersion=0}
   * lets the API server answer from its watch cache.
   *
   * @param namespace the namespace listed, or null for a cluster-scoped kind
   * @param selector a label selector, or null
   */
  private static List<JsonNode> list(
      Spaces spaces,
      String apiVersion,
      String plural,
      String namespace,
      String selector,
      Set<String> fields) {
    var its = spaces.its();
    var url =
        new StringBuilder(its.getMasterUrl().toString().replaceAll("/$", ""))
            .append("/apis/")
            .append(apiVersion)
            .append('/');
    if (namespace != null) {
      url.append("namespaces/").append(namespace).append('/');
    }
    url.append(plural).append("?resourceVersion=0");
    if (selector != null) {
      url.append("&labelSelector=").append(URLEncoder.encode(selector, StandardCharsets.UTF_8));
    }
    var what = namespace == null ? plural : plural + " in " + namespace;
    // Compressed, a list of thousands of objects costs a tenth of the bytes to send and decrypt.
    var request =
        its.getHttpClient()
            .newHttpRequestBuilder()
            .uri(url.toString())
            .header("Accept-Encoding", "gzip")
            .build();
    try {
      var response = its.getHttpClient().sendAsync(request, InputStream.class).get();
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
                  + what
                  + " in the ITS failed: HTTP "
                  + response.code()
                  + " "
                  + new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return JsonListReader.items(in, fields);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the " + what + " list: " + e.getMessage(), e);
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
    return new DeliveryFacts(
        bindings.stream().map(DeliveryFactsReader::binding).toList(),
        manifests(works, resourceOfKind),
        reports(reports));
  }

  /**
   * What the ManifestWorks say of each cell: the work carrying the object, and the agent's report.
   *
   * @param resourceOfKind the resource of a group and kind, for manifests the agent has not
   *     reported on yet (asked only then)
   */
  static Map<CellKey, ManifestFacts> manifests(
      Collection<JsonNode> works, BiFunction<String, String, String> resourceOfKind) {
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
    return manifests;
  }

  /** What the WorkStatuses say of each cell: availability, conditions and drift. */
  static Map<CellKey, ReportFacts> reports(Collection<JsonNode> reports) {
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
    return reportFacts;
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
