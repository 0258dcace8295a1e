/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubestellar.transport.model.JsonObjects;
import io.kubestellar.transport.model.TransportKeys;
import io.kubestellar.transport.model.Wrapee;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides, per object of a Binding and per destination, whether and how templates are expanded
 * (§4.5), following upstream: only objects annotated {@code
 * control.kubestellar.io/expand-templates: "true"} are considered; the first destination decides
 * whether the object contains templates at all; errors are kept only for the first destination that
 * produced some.
 */
public final class DestinationCustomizer {

  private final Function<String, Map<String, String>> propertiesOf;

  /**
   * @param propertiesOf the template properties of a destination, by cluster name (see {@link
   *     ClusterProperties}); only called for destinations that are expanded for
   */
  public DestinationCustomizer(Function<String, Map<String, String>> propertiesOf) {
    this.propertiesOf = propertiesOf;
  }

  /**
   * @param objects the Binding's objects after cleaning and CustomTransforms, in Binding order
   * @param destinations the Binding's destinations (cluster names), in Binding order
   */
  public Customization customize(List<Wrapee> objects, List<String> destinations) {
    Map<String, List<Wrapee>> perDestination = null;
    var errors = new ArrayList<String>();
    for (int index = 0; index < objects.size(); index++) {
      var wrapee = objects.get(index);
      boolean requested =
          "true"
              .equals(
                  JsonObjects.text(
                      JsonObjects.objectAt(wrapee.object(), "metadata", "annotations"),
                      TransportKeys.EXPAND_TEMPLATES_ANNOTATION));
      boolean customizeThis = false;
      boolean reported = false;
      var ref = wrapee.ref().toString();
      for (int d = 0; d < destinations.size(); d++) {
        var destination = destinations.get(d);
        var forDestination = wrapee;
        if (requested && (d == 0 || customizeThis)) {
          var expansion =
              TemplateExpander.expand(
                  destination + "/" + ref, wrapee.object(), propertiesOf.apply(destination));
          customizeThis = expansion.wantedChange();
          if (customizeThis) {
            forDestination = wrapee.withObject((ObjectNode) expansion.output());
            if (expansion.failed() && !reported) {
              reported = true;
              errors.addAll(expansion.errors());
            }
          }
        }
        if (customizeThis && perDestination == null) {
          perDestination = new LinkedHashMap<>();
          for (var dest : destinations) {
            perDestination.put(dest, new ArrayList<>(objects.subList(0, index)));
          }
        }
        if (perDestination != null) {
          perDestination.get(destination).add(forDestination);
        }
      }
    }
    Set<String> sensitive = perDestination == null ? Set.of() : new LinkedHashSet<>(destinations);
    return new Customization(
        objects, perDestination == null ? Map.of() : perDestination, errors, sensitive);
  }
}
