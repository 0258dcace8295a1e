/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.reconciler.binding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.transport.model.TransportKeys;
import io.kubestellar.transport.model.work.ContentHash;
import io.kubestellar.transport.model.work.ExistingWork;
import io.kubestellar.transport.model.work.RenderedWork;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The ManifestWorks in the ITS labelled with this WDS's name: a JOSDK event source indexed by
 * Binding, the content hash of each (computed once per resourceVersion), and the writes.
 */
public final class ManifestWorks {

  /** The OCM ManifestWork resource. */
  public static final ResourceDefinitionContext CONTEXT =
      new ResourceDefinitionContext.Builder()
          .withGroup("work.open-cluster-management.io")
          .withVersion("v1")
          .withKind("ManifestWork")
          .withPlural("manifestworks")
          .withNamespaced(true)
          .build();

  private static final String BY_BINDING = "binding";

  private final MixedOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      works;
  private final KubernetesClient its;
  private final String wdsName;
  private volatile InformerEventSource<GenericKubernetesResource, Binding> source;
  private final ObjectMapper mapper = new ObjectMapper();
  private final Map<String, Hashed> hashes = new ConcurrentHashMap<>();
  private final Map<String, String> ourWrites = new ConcurrentHashMap<>();

  private record Hashed(String resourceVersion, String hash) {}

  /**
   * @param its client of the ITS
   * @param wdsName only works labelled with this WDS are watched
   */
  public ManifestWorks(KubernetesClient its, String wdsName) {
    this.its = its;
    this.wdsName = wdsName;
    this.works = its.genericKubernetesResources(CONTEXT);
  }

  /**
   * The event source of the Binding controller that watches these works in the ITS: a change to a
   * work brings its Binding (named by the work's label) back to a sync, which repairs it (D6).
   */
  public InformerEventSource<GenericKubernetesResource, Binding> eventSource(
      EventSourceContext<Binding> context) {
    var configuration =
        InformerEventSourceConfiguration.from(
                new GroupVersionKind(CONTEXT.getGroup(), CONTEXT.getVersion(), CONTEXT.getKind()),
                Binding.class)
            .withName("its:manifestworks")
            .withKubernetesClient(its)
            .withWatchAllNamespaces()
            .withLabelSelector(TransportKeys.WDS_LABEL + "=" + wdsName)
            .withSecondaryToPrimaryMapper(
                work -> bindingOf(work).map(ResourceID::new).map(Set::of).orElse(Set.of()))
            // The echo of our own write carries nothing the sync that wrote it did not know.
            .withOnAddFilter(work -> !isEchoOfOurWrite(null, work))
            .withOnUpdateFilter((after, before) -> !isEchoOfOurWrite(before, after))
            .build();
    var created =
        new InformerEventSource<GenericKubernetesResource, Binding>(configuration, context) {
          @Override
          public void onDelete(GenericKubernetesResource work, boolean unknownFinalState) {
            hashes.remove(work.getMetadata().getUid());
            super.onDelete(work, unknownFinalState);
          }
        };
    created.addIndexers(
        Map.of(BY_BINDING, work -> bindingOf(work).map(List::of).orElse(List.of())));
    source = created;
    return created;
  }

  /**
   * Whether this event is the watch's copy of a write of ours, which a sync would only confirm: the
   * work turns to the content hash we were writing. The mark is set before the write (the event may
   * come before the response), and goes with the first event of that work, ours or not, so none is
   * kept; an edit by someone else keeps the hash annotation as it was, and is not taken for ours.
   */
  private boolean isEchoOfOurWrite(
      GenericKubernetesResource before, GenericKubernetesResource after) {
    var writing =
        ourWrites.remove(key(after.getMetadata().getNamespace(), after.getMetadata().getName()));
    return writing != null
        && writing.equals(recordedHash(after))
        && (before == null || !writing.equals(recordedHash(before)));
  }

  private static String recordedHash(GenericKubernetesResource work) {
    var annotations = work.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(TransportKeys.CONTENT_HASH_ANNOTATION);
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  private static java.util.Optional<String> bindingOf(GenericKubernetesResource work) {
    var labels = work.getMetadata().getLabels();
    return java.util.Optional.ofNullable(
        labels == null ? null : labels.get(TransportKeys.BINDING_LABEL));
  }

  /** The works of a Binding, as cached. */
  public List<GenericKubernetesResource> of(String bindingName) {
    return source.byIndex(BY_BINDING, bindingName);
  }

  /** The Binding names that have works, as cached. */
  public Set<String> bindingNames() {
    return source
        .list(w -> true)
        .map(ManifestWorks::bindingOf)
        .flatMap(java.util.Optional::stream)
        .collect(Collectors.toSet());
  }

  /** How many works are cached. */
  public int size() {
    var watched = source;
    return watched == null ? 0 : (int) watched.keys().count();
  }

  /** What the plan needs to know of a cached work. */
  public ExistingWork existing(GenericKubernetesResource work) {
    var metadata = work.getMetadata();
    var annotations = metadata.getAnnotations();
    var recorded =
        annotations == null ? "" : annotations.get(TransportKeys.CONTENT_HASH_ANNOTATION);
    var cached = hashes.get(metadata.getUid());
    String actual;
    if (cached != null && cached.resourceVersion().equals(metadata.getResourceVersion())) {
      actual = cached.hash();
    } else {
      actual = ContentHash.of(toTree(work));
      hashes.put(metadata.getUid(), new Hashed(metadata.getResourceVersion(), actual));
    }
    return new ExistingWork(metadata.getNamespace(), metadata.getName(), recorded, actual);
  }

  /** The cached work with this namespace and name, or null. */
  public GenericKubernetesResource get(String namespace, String name) {
    return source.get(new ResourceID(name, namespace)).orElse(null);
  }

  /**
   * Creates the work, or replaces the content of the existing one (keeping its finalizers and the
   * labels and annotations others added). Returns the written object.
   */
  public GenericKubernetesResource write(RenderedWork desired) {
    var key = key(desired.namespace(), desired.name());
    ourWrites.put(key, desired.contentHash());
    try {
      return send(desired);
    } catch (RuntimeException e) {
      ourWrites.remove(key);
      throw e;
    }
  }

  private GenericKubernetesResource send(RenderedWork desired) {
    var object = mapper.convertValue(desired.manifestWork(), GenericKubernetesResource.class);
    var current = get(desired.namespace(), desired.name());
    if (current == null) {
      try {
        return works.inNamespace(desired.namespace()).resource(object).create();
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
        // Created meanwhile (the cache lags); replace it below.
        current = works.inNamespace(desired.namespace()).withName(desired.name()).get();
        if (current == null) {
          throw e;
        }
      }
    }
    var metadata = object.getMetadata();
    metadata.setResourceVersion(current.getMetadata().getResourceVersion());
    metadata.setFinalizers(current.getMetadata().getFinalizers());
    if (current.getMetadata().getLabels() != null) {
      var labels = new java.util.LinkedHashMap<>(current.getMetadata().getLabels());
      labels.putAll(metadata.getLabels());
      metadata.setLabels(labels);
    }
    if (current.getMetadata().getAnnotations() != null) {
      var annotations = new java.util.LinkedHashMap<>(current.getMetadata().getAnnotations());
      annotations.putAll(metadata.getAnnotations());
      metadata.setAnnotations(annotations);
    }
    return works.inNamespace(desired.namespace()).resource(object).update();
  }

  /** Deletes a work; a work already gone counts as deleted. */
  public void delete(String namespace, String name) {
    works.inNamespace(namespace).withName(name).delete();
  }

  /** The work as a JSON tree. */
  public ObjectNode toTree(GenericKubernetesResource work) {
    return mapper.valueToTree(work);
  }

  /**
   * Text per work of a Binding that the OCM work agent reports as not applied ({@code Applied}
   * condition False), naming the work and its cluster.
   */
  public List<String> notApplied(String bindingName) {
    var texts = new ArrayList<String>();
    for (var work : of(bindingName)) {
      var status = work.getAdditionalProperties().get("status");
      if (!(status instanceof Map<?, ?> statusMap)
          || !(statusMap.get("conditions") instanceof List<?> conditions)) {
        continue;
      }
      for (var condition : conditions) {
        if (condition instanceof Map<?, ?> c
            && "Applied".equals(c.get("type"))
            && "False".equals(c.get("status"))) {
          texts.add(
              "ManifestWork "
                  + work.getMetadata().getName()
                  + " in cluster "
                  + work.getMetadata().getNamespace()
                  + " is not applied: "
                  + c.get("message")
                  + manifestFailures(statusMap));
        }
      }
    }
    texts.sort(null);
    return texts;
  }

  /**
   * The work agent's overall Applied message is generic ("Failed to apply manifest work"); the
   * reason (e.g. {@code namespaces "x" not found}) is on each manifest's own Applied condition.
   */
  private static String manifestFailures(Map<?, ?> status) {
    var failures = new ArrayList<String>();
    if (status.get("resourceStatus") instanceof Map<?, ?> resourceStatus
        && resourceStatus.get("manifests") instanceof List<?> manifests) {
      for (var manifest : manifests) {
        if (!(manifest instanceof Map<?, ?> m) || !(m.get("conditions") instanceof List<?> cs)) {
          continue;
        }
        for (var condition : cs) {
          if (condition instanceof Map<?, ?> c
              && "Applied".equals(c.get("type"))
              && "False".equals(c.get("status"))) {
            failures.add(describe(m.get("resourceMeta")) + ": " + stable(c.get("message")));
          }
        }
      }
    }
    return failures.isEmpty() ? "" : " (" + String.join("; ", failures) + ")";
  }

  private static final java.util.regex.Pattern POINTER =
      java.util.regex.Pattern.compile("\\(0x[0-9a-f]+\\)");

  private static final int MAX_MANIFEST_MESSAGE = 300;

  /**
   * The agent's message made stable across its retries: Go dumps of invalid objects carry pointer
   * addresses that change at every attempt, and a changing message would rewrite the Binding status
   * (and record an Event) every few seconds. Long dumps are cut.
   */
  static String stable(Object message) {
    var text = POINTER.matcher(String.valueOf(message)).replaceAll("(…)");
    return text.length() <= MAX_MANIFEST_MESSAGE
        ? text
        : text.substring(0, MAX_MANIFEST_MESSAGE) + "…";
  }

  private static String describe(Object resourceMeta) {
    if (!(resourceMeta instanceof Map<?, ?> meta)) {
      return "manifest";
    }
    var namespace = meta.get("namespace");
    return meta.get("kind")
        + " "
        + (namespace == null || "".equals(namespace) ? "" : namespace + "/")
        + meta.get("name");
  }
}
