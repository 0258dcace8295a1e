/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.status;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubestellar.api.control.v1alpha1.StatusCollector;
import io.kubestellar.controller.model.status.StatusCollectorDefinition;
import io.kubestellar.controller.model.status.StatusCollectorValidator;
import io.kubestellar.runtime.work.Outcome;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * StatusCollectors as the evaluator reads them, and their own status: {@code status.errors} lists
 * what is wrong with a collector (D15: parse and structure errors are visible with kubectl) and
 * {@code status.observedGeneration} the generation that was checked.
 */
final class StatusCollectors {

  private static final Logger LOG = LoggerFactory.getLogger(StatusCollectors.class);

  private final KubernetesClient wds;
  private final SharedIndexInformer<StatusCollector> informer;
  private final StatusCollectorValidator validator;
  private final StatusMetrics metrics;

  StatusCollectors(
      KubernetesClient wds,
      SharedIndexInformer<StatusCollector> informer,
      StatusCollectorValidator validator,
      StatusMetrics metrics) {
    this.wds = wds;
    this.informer = informer;
    this.validator = validator;
    this.metrics = metrics;
  }

  /** The collector's definition, if it exists. Validity is the evaluator's to check. */
  Optional<StatusCollectorDefinition> definition(String name) {
    var collector = informer.getStore().getByKey(name);
    if (collector == null || collector.getMetadata().getDeletionTimestamp() != null) {
      return Optional.empty();
    }
    return Optional.of(StatusCollectorDefinitions.of(name, collector.getSpec()));
  }

  /** Checks one collector and writes its status if it differs. */
  Outcome reconcile(String name) {
    var collector = informer.getStore().getByKey(name);
    if (collector == null || collector.getMetadata().getDeletionTimestamp() != null) {
      return Outcome.DONE;
    }
    var errors = validator.validate(StatusCollectorDefinitions.of(name, collector.getSpec()));
    var generation = collector.getMetadata().getGeneration();
    var status = collector.getStatus();
    var currentErrors = status == null || status.errors() == null ? List.of() : status.errors();
    var currentGeneration = status == null ? null : status.observedGeneration();
    if (currentErrors.equals(errors) && Objects.equals(currentGeneration, generation)) {
      return Outcome.DONE;
    }
    var patch = JsonNodeFactory.instance.objectNode();
    var body = patch.putObject("status");
    body.put("observedGeneration", generation == null ? 0 : generation);
    if (errors.isEmpty()) {
      body.putNull("errors");
    } else {
      var list = body.putArray("errors");
      errors.forEach(list::add);
    }
    try {
      wds.resources(StatusCollector.class)
          .withName(name)
          .subresource("status")
          .patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
      metrics.write("statuscollector");
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return Outcome.DONE;
      }
      throw e;
    }
    (errors.isEmpty() ? LOG.atDebug() : LOG.atInfo())
        .setMessage(errors.isEmpty() ? "StatusCollector is valid" : "StatusCollector is invalid")
        .addKeyValue("statusCollector", name)
        .addKeyValue("errors", errors)
        .log();
    return Outcome.DONE;
  }

  boolean hasSynced() {
    return informer.hasSynced();
  }

  List<String> names() {
    return informer.getStore().listKeys();
  }
}
