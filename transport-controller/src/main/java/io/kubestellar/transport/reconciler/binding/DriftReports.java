/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.reconciler.binding;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubestellar.api.WireNames;
import io.kubestellar.api.control.v1alpha1.WorkStatus;
import io.kubestellar.runtime.InformerLiveness;
import io.kubestellar.runtime.informer.InformerRetry;
import io.kubestellar.transport.model.TransportKeys;
import io.kubestellar.transport.model.status.DriftReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The drift the status add-ons report (D16): the WorkStatuses of this WDS's objects that carry the
 * {@link WireNames#DRIFTED_LABEL} label, indexed by Binding. Only drifted objects are cached, so
 * the cache stays small however many objects are delivered.
 */
public final class DriftReports implements AutoCloseable {

  private static final String BY_BINDING = "binding";
  private static final Comparator<DriftReport> ORDER =
      Comparator.comparing(DriftReport::cluster)
          .thenComparing(DriftReport::groupKind)
          .thenComparing(DriftReport::namespace)
          .thenComparing(DriftReport::name);

  private final SharedIndexInformer<WorkStatus> informer;

  /**
   * @param its client of the ITS
   * @param wdsName only WorkStatuses of works labelled with this WDS are watched
   * @param onChange called with the Binding name whenever a report appears, changes or clears
   */
  public DriftReports(KubernetesClient its, String wdsName, Consumer<String> onChange) {
    informer =
        its.resources(WorkStatus.class)
            .inAnyNamespace()
            .withLabel(TransportKeys.WDS_LABEL, wdsName)
            .withLabel(WireNames.DRIFTED_LABEL, "true")
            .runnableInformer(0);
    InformerRetry.keepTrying(informer, "its:workstatuses(drifted)");
    informer.addIndexers(Map.of(BY_BINDING, ws -> bindingOf(ws).map(List::of).orElse(List.of())));
    informer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(WorkStatus ws) {
            bindingOf(ws).ifPresent(onChange);
          }

          @Override
          public void onUpdate(WorkStatus before, WorkStatus after) {
            // The add-on rewrites the reported status often; only the drift report matters here.
            if (!Objects.equals(before.getDrift(), after.getDrift())) {
              bindingOf(after).ifPresent(onChange);
            }
          }

          @Override
          public void onDelete(WorkStatus ws, boolean unknownFinalState) {
            bindingOf(ws).ifPresent(onChange);
          }
        });
  }

  private static java.util.Optional<String> bindingOf(WorkStatus ws) {
    var labels = ws.getMetadata().getLabels();
    return java.util.Optional.ofNullable(
        labels == null ? null : labels.get(TransportKeys.BINDING_LABEL));
  }

  /** Starts the informer, watched by {@code liveness}; returns at once. */
  public void start(InformerLiveness liveness) {
    liveness.watch("its:workstatuses(drifted)", informer);
    informer.start();
  }

  public boolean hasSynced() {
    return informer.hasSynced();
  }

  /** The drifted copies of a Binding's objects, as cached, in cluster and object order. */
  public List<DriftReport> of(String bindingName) {
    var reports = new ArrayList<DriftReport>();
    for (var ws : informer.getIndexer().byIndex(BY_BINDING, bindingName)) {
      var drift = ws.getDrift();
      var source = ws.getSpec() == null ? null : ws.getSpec().sourceRef();
      if (drift == null || source == null) {
        continue;
      }
      var fields = new ArrayList<String>();
      if (drift.fields() != null) {
        for (var field : drift.fields()) {
          fields.add(
              DriftReport.fieldText(
                  field.path(), field.desired(), field.actual(), field.managers()));
        }
      }
      var group = source.group() == null ? "" : source.group();
      reports.add(
          new DriftReport(
              ws.getMetadata().getNamespace(),
              group.isEmpty() ? source.kind() : group + "/" + source.kind(),
              source.namespace(),
              source.name(),
              fields,
              drift.moreFields() == null ? 0 : drift.moreFields(),
              Boolean.TRUE.equals(drift.conflict())));
    }
    reports.sort(ORDER);
    return reports;
  }

  @Override
  public void close() {
    informer.close();
  }
}
