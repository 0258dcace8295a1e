/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubestellar.model.GroupResource;
import io.kubestellar.transport.model.JsonObjects;
import io.kubestellar.transport.model.ObjectCleaner;
import io.kubestellar.transport.model.TransportKeys;
import io.kubestellar.transport.model.Wrapee;
import io.kubestellar.transport.model.customtransform.CustomTransformInput;
import io.kubestellar.transport.model.customtransform.CustomTransformRules;
import io.kubestellar.transport.model.template.TemplateExpander;
import io.kubestellar.transport.model.work.BindingIdentity;
import io.kubestellar.transport.model.work.BundlingLimits;
import io.kubestellar.transport.model.work.ManifestWorkRenderer;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the transport sends of a WDS object to one cluster, computed with the transport model
 * itself: built-in cleaning (D4), the CustomTransforms of its group and resource, and template
 * expansion with the cluster's properties when the object asks for it.
 */
public final class SentObjects {

  private final ObjectCleaner cleaner = new ObjectCleaner();
  private final BundlingLimits limits;

  /**
   * @param limits the transport's bundling limits, to tell whether the object fits in a
   *     ManifestWork
   */
  public SentObjects(BundlingLimits limits) {
    this.limits = limits;
  }

  /**
   * @param object the object as sent
   * @param templateErrors why template expansion failed (then D5 keeps what was delivered)
   * @param tooLarge why the object cannot be delivered at all, or null
   */
  public record Sent(ObjectNode object, List<String> templateErrors, String tooLarge) {}

  /**
   * Renders one object for one cluster.
   *
   * @param wdsObject the object as read from the WDS
   * @param resource its resource (plural) name
   * @param customTransforms every CustomTransform of the WDS (those of other resources are ignored)
   * @param cluster the destination
   * @param properties the destination's template properties
   */
  public Sent render(
      JsonNode wdsObject,
      String resource,
      Collection<CustomTransformInput> customTransforms,
      String cluster,
      Map<String, String> properties) {
    var object = cleaner.clean(wdsObject);
    var group = JsonObjects.groupOf(JsonObjects.text(object, "apiVersion"));
    CustomTransformRules.digest(new GroupResource(group, resource), customTransforms)
        .applyTo(object);
    var annotations = JsonObjects.objectAt(object, "metadata", "annotations");
    List<String> errors = List.of();
    if ("true".equals(JsonObjects.text(annotations, TransportKeys.EXPAND_TEMPLATES_ANNOTATION))) {
      var wrapee = new Wrapee(object, "", resource, false);
      var expansion = TemplateExpander.expand(cluster + "/" + wrapee.ref(), object, properties);
      if (expansion.wantedChange()) {
        object = (ObjectNode) expansion.output();
      }
      errors = expansion.errors();
    }
    var bundle =
        new ManifestWorkRenderer("preview", limits)
            .render(
                new BindingIdentity("preview", "preview", 0),
                cluster,
                List.of(new Wrapee(object, "preview", resource, false)));
    var tooLarge = bundle.oversized().isEmpty() ? null : bundle.oversized().get(0).message();
    return new Sent(object, errors, tooLarge);
  }
}
