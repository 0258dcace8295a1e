/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.work;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubestellar.api.WireNames;
import io.kubestellar.model.GroupResource;
import io.kubestellar.transport.model.JsonObjects;
import io.kubestellar.transport.model.ObjectRef;
import io.kubestellar.transport.model.TransportKeys;
import io.kubestellar.transport.model.Wrapee;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Bundles a destination's workload objects into OCM ManifestWorks (§4.6, §4.7, D2) and renders each
 * as neutral JSON data a reconciler can convert and write.
 *
 * <p>Objects are taken in the given order (Binding order) and cut into shards by count and by the
 * summed size of their JSON as Go measures it. Names are {@code <binding>-<wds>-<shard>}, or with
 * one object per work {@code <binding uid>-<wds>-<object uid>}. The namespace is the destination.
 * Unlike upstream, an object exactly as large as the limit never produces an empty extra shard, and
 * an object too large for any ManifestWork is reported without stopping the others.
 */
public final class ManifestWorkRenderer {

  /** apiVersion of the rendered objects. */
  public static final String API_VERSION = "work.open-cluster-management.io/v1";

  /** kind of the rendered objects. */
  public static final String KIND = "ManifestWork";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String wdsName;
  private final BundlingLimits limits;
  private final UpdateStrategy updateStrategy;

  /**
   * A renderer with the default update strategy, {@link UpdateStrategy#SERVER_SIDE_APPLY}.
   *
   * @param wdsName the WDS name ({@code --wds-name}), used in names and labels
   * @param limits the bundling limits
   */
  public ManifestWorkRenderer(String wdsName, BundlingLimits limits) {
    this(wdsName, limits, UpdateStrategy.SERVER_SIDE_APPLY);
  }

  /**
   * @param wdsName the WDS name ({@code --wds-name}), used in names and labels
   * @param limits the bundling limits
   * @param updateStrategy how the work agent updates delivered objects (D16)
   */
  public ManifestWorkRenderer(
      String wdsName, BundlingLimits limits, UpdateStrategy updateStrategy) {
    this.wdsName = Objects.requireNonNull(wdsName, "wdsName");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.updateStrategy = Objects.requireNonNull(updateStrategy, "updateStrategy");
  }

  /**
   * Renders the ManifestWorks of one Binding for one destination.
   *
   * @param binding the Binding's name, uid and generation
   * @param destination the destination cluster name (the mailbox namespace)
   * @param objects the objects for this destination, in Binding order
   * @return the works in shard order for every object that fits, and every object too large to fit
   *     (which is left out, so other objects keep flowing; the caller reports it and keeps what was
   *     delivered before for this destination)
   */
  public WorkBundle render(BindingIdentity binding, String destination, List<Wrapee> objects) {
    var oversized = new ArrayList<OversizedObject>();
    var batches = new ArrayList<List<Wrapee>>();
    var batch = new ArrayList<Wrapee>();
    long batchBytes = 0;
    for (var wrapee : objects) {
      long bytes = GoJsonSize.of(wrapee.object());
      if (bytes > limits.maxBytes()) {
        oversized.add(new OversizedObject(wrapee.ref(), bytes, limits.maxBytes()));
        continue;
      }
      // Same cut rule as upstream (a batch's total stays below the limit), minus empty batches.
      if (!batch.isEmpty()
          && (batchBytes + bytes >= limits.maxBytes() || batch.size() + 1 > limits.maxObjects())) {
        batches.add(batch);
        batch = new ArrayList<>();
        batchBytes = 0;
      }
      batch.add(wrapee);
      batchBytes += bytes;
    }
    if (!batch.isEmpty()) {
      batches.add(batch);
    }
    var works = new ArrayList<RenderedWork>();
    for (int shard = 0; shard < batches.size(); shard++) {
      works.add(renderWork(binding, destination, batches.get(shard), shard));
    }
    return new WorkBundle(works, oversized);
  }

  /** The name of the ManifestWork holding {@code batch} as shard {@code shard}. */
  String workName(BindingIdentity binding, List<Wrapee> batch, int shard) {
    if (limits.maxObjects() == 1) {
      // Tied to the object rather than its position, so it is stable as the Binding changes.
      return binding.uid() + "-" + wdsName + "-" + batch.get(batch.size() - 1).uid();
    }
    return binding.name() + "-" + wdsName + "-" + shard;
  }

  private RenderedWork renderWork(
      BindingIdentity binding, String destination, List<Wrapee> batch, int shard) {
    var manifests = NODES.arrayNode();
    var configs = NODES.arrayNode();
    var gloss = new LinkedHashSet<ObjectRef>();
    var appliedResources = new TreeSet<GroupResource>();
    for (var wrapee : batch) {
      manifests.add(wrapee.object());
      var ref = wrapee.ref();
      gloss.add(ref);
      if (wrapee.createOnly()) {
        var identifier = NODES.objectNode();
        identifier.put("group", ref.group());
        identifier.put("resource", wrapee.resource());
        identifier.put("namespace", ref.namespace());
        identifier.put("name", ref.name());
        var config = configs.addObject();
        config.set("resourceIdentifier", identifier);
        config.putObject("updateStrategy").put("type", "CreateOnly");
      } else {
        appliedResources.add(new GroupResource(ref.group(), wrapee.resource()));
      }
    }
    if (updateStrategy == UpdateStrategy.SERVER_SIDE_APPLY) {
      // The agent takes the first matching update strategy, so these wildcards come after the
      // per-object CreateOnly entries; one entry per group and resource keeps the work small.
      for (var groupResource : appliedResources) {
        var identifier = NODES.objectNode();
        identifier.put("group", groupResource.group());
        identifier.put("resource", groupResource.resource());
        identifier.put("namespace", "*");
        identifier.put("name", "*");
        var config = configs.addObject();
        config.set("resourceIdentifier", identifier);
        var strategy = config.putObject("updateStrategy");
        strategy.put("type", "ServerSideApply");
        strategy
            .putObject("serverSideApply")
            .put("fieldManager", WireNames.APPLY_FIELD_MANAGER)
            .put("force", true);
      }
    }
    var work = NODES.objectNode();
    work.put("apiVersion", API_VERSION);
    work.put("kind", KIND);
    var metadata = work.putObject("metadata");
    metadata.put("name", workName(binding, batch, shard));
    metadata.put("namespace", destination);
    var labels = metadata.putObject("labels");
    labels.put(TransportKeys.BINDING_LABEL, binding.name());
    labels.put(TransportKeys.WDS_LABEL, wdsName);
    var annotations = metadata.putObject("annotations");
    annotations.put(
        TransportKeys.BINDING_GENERATION_ANNOTATION, Long.toString(binding.generation()));
    var spec = work.putObject("spec");
    spec.putObject("workload").set("manifests", manifests);
    if (!configs.isEmpty()) {
      spec.set("manifestConfigs", configs);
    }
    annotations.put(TransportKeys.CONTENT_HASH_ANNOTATION, ContentHash.of(work));
    return new RenderedWork(work, gloss);
  }

  /** The gloss of a ManifestWork as read from the ITS: identities of its object manifests. */
  public static List<ObjectRef> glossOf(ObjectNode manifestWork) {
    var refs = new ArrayList<ObjectRef>();
    for (var manifest : manifestWork.path("spec").path("workload").path("manifests")) {
      if (manifest.isObject()) {
        refs.add(ObjectRef.of(manifest));
      }
    }
    return refs;
  }

  /** Whether {@code manifestWork} carries the labels of a work rendered from this WDS. */
  public boolean isOwnWork(ObjectNode manifestWork, String bindingName) {
    var labels = manifestWork.path("metadata").path("labels");
    return bindingName.equals(JsonObjects.text(labels, TransportKeys.BINDING_LABEL))
        && wdsName.equals(JsonObjects.text(labels, TransportKeys.WDS_LABEL));
  }
}
