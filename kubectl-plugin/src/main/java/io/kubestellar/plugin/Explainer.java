/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

import io.kubestellar.api.control.v1alpha1.BindingPolicy;
import io.kubestellar.controller.model.binding.BindingContent;
import io.kubestellar.controller.model.binding.ClauseMatcher;
import io.kubestellar.controller.model.binding.NamespaceLabels;
import io.kubestellar.controller.model.binding.ObjectExplainer;
import io.kubestellar.controller.model.binding.ObjectRef;
import io.kubestellar.controller.model.binding.WorkloadObject;
import io.kubestellar.plugin.model.CellKey;
import io.kubestellar.plugin.model.ClusterVerdicts;
import io.kubestellar.plugin.model.DeliveryFacts;
import io.kubestellar.plugin.model.DeliveryMatrix;
import io.kubestellar.plugin.model.MatrixFilter;
import io.kubestellar.plugin.model.PolicyModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Answers "why is this object (not) on that cluster" for every policy and cluster, with the binding
 * model's own matching and explanation (D15) and, where it is bound, what the ITS says of its
 * delivery.
 */
final class Explainer {

  /** The answer for one object. */
  record Answer(String object, String version, List<PolicyAnswer> policies) {}

  /** One policy's verdict: the D15 line, each clause, each cluster. */
  record PolicyAnswer(
      String policy,
      String summary,
      boolean selected,
      List<ClauseAnswer> clauses,
      List<ClusterAnswer> clusters) {}

  /** One downsync clause. */
  record ClauseAnswer(String clause, boolean matches, String reason) {}

  /** One cluster, and the delivery where the object is bound there. */
  record ClusterAnswer(
      String cluster,
      boolean selected,
      String reason,
      boolean bound,
      String state,
      String manifestWork,
      String wecStatus,
      String drift,
      String lastError) {}

  private final Spaces spaces;

  Explainer(Spaces spaces) {
    this.spaces = spaces;
  }

  Answer explain(ObjectRef ref, ApiResources.Type type) {
    var wds = spaces.wds();
    var resource =
        ref.clusterScoped()
            ? wds.genericKubernetesResources(type.context()).withName(ref.name()).get()
            : wds.genericKubernetesResources(type.context())
                .inNamespace(ref.namespace())
                .withName(ref.name())
                .get();
    if (resource == null) {
      throw new UserError(
          type.resource()
              + " \""
              + ref.name()
              + "\" not found in the WDS"
              + (ref.clusterScoped() ? "" : " (namespace " + ref.namespace() + ")"));
    }
    var object =
        new WorkloadObject(
            ref,
            type.version(),
            resource.getMetadata().getResourceVersion(),
            resource.getMetadata().getLabels());
    NamespaceLabels namespaces =
        name -> {
          var ns = wds.namespaces().withName(name).get();
          return ns == null
              ? Optional.empty()
              : Optional.of(
                  ns.getMetadata().getLabels() == null ? Map.of() : ns.getMetadata().getLabels());
        };
    var clusters = DeliveryFactsReader.clusterLabels(spaces);
    var facts = DeliveryFactsReader.read(spaces);
    var row =
        DeliveryMatrix.of(facts, new MatrixFilter(null, null, ref, null)).rows().stream()
            .findFirst();
    var answers = new ArrayList<PolicyAnswer>();
    for (var policy : wds.resources(BindingPolicy.class).list().getItems()) {
      var model = PolicyModels.of(policy);
      var binding =
          facts.bindings().stream().filter(b -> b.name().equals(model.name())).findFirst();
      var content =
          new BindingContent(
              binding.map(b -> b.destinations()).orElse(new java.util.TreeSet<>()),
              new TreeMap<>());
      var summary =
          ObjectExplainer.explain(object, List.of(model), Map.of(model.name(), content), namespaces)
              .get(0);
      var clauses = new ArrayList<ClauseAnswer>();
      boolean selected = false;
      for (int i = 0; i < model.clauses().size(); i++) {
        var verdict = ClauseMatcher.evaluate(model.clauses().get(i), object, namespaces);
        selected |= verdict.matched();
        clauses.add(new ClauseAnswer("downsync[" + i + "]", verdict.matched(), verdict.reason()));
      }
      boolean listed = binding.isPresent() && binding.get().objects().containsKey(ref);
      var clusterAnswers = new ArrayList<ClusterAnswer>();
      for (var entry : clusters.entrySet()) {
        var cluster = entry.getKey();
        var verdict = ClusterVerdicts.of(model.clusterSelectors(), entry.getValue());
        boolean bound = listed && binding.get().destinations().contains(cluster);
        clusterAnswers.add(
            delivery(
                cluster,
                verdict,
                bound,
                row.map(r -> r.cells().get(cluster)).orElse(null),
                facts,
                ref));
      }
      answers.add(new PolicyAnswer(model.name(), summary, selected, clauses, clusterAnswers));
    }
    return new Answer(ref.toString(), type.version(), answers);
  }

  private static ClusterAnswer delivery(
      String cluster,
      ClusterVerdicts.ClusterVerdict verdict,
      boolean bound,
      io.kubestellar.plugin.model.Cell cell,
      DeliveryFacts facts,
      ObjectRef ref) {
    if (!bound || cell == null) {
      return new ClusterAnswer(
          cluster, verdict.selected(), verdict.reason(), false, null, null, null, null, null);
    }
    var key = new CellKey(cluster, ref);
    var report = facts.reports().get(key);
    var manifest = facts.manifests().get(key);
    String lastError =
        switch (cell.state()) {
          case FAILED -> cell.detail();
          default -> manifest == null ? null : manifest.message();
        };
    return new ClusterAnswer(
        cluster,
        verdict.selected(),
        verdict.reason(),
        true,
        cell.state().word(),
        cell.work(),
        report == null ? null : report.conditions(),
        report == null ? null : report.drift(),
        lastError);
  }

  static String table(Answer answer) {
    var out = new StringBuilder();
    out.append(answer.object()).append(" (read at ").append(answer.version()).append(")\n");
    if (answer.policies().isEmpty()) {
      out.append("no BindingPolicy exists\n");
    }
    for (var policy : answer.policies()) {
      out.append('\n').append(policy.summary()).append('\n');
      for (var clause : policy.clauses()) {
        out.append(
            String.format(
                "  %-12s %-9s %s%n",
                clause.clause(),
                clause.matches() ? "matches" : "no",
                clause.matches() ? "" : clause.reason()));
      }
      if (!policy.selected()) {
        continue;
      }
      for (var c : policy.clusters()) {
        out.append(
            String.format(
                "  %-12s %-9s %s%n", c.cluster(), c.bound() ? "bound" : "not bound", c.reason()));
        if (c.bound()) {
          out.append(
              String.format(
                  "  %-12s %-9s ManifestWork %s: %s",
                  "", "", c.manifestWork() == null ? "(none yet)" : c.manifestWork(), c.state()));
          out.append("; in the WEC: ").append(c.wecStatus() == null ? "no report" : c.wecStatus());
          out.append("; drift: ").append(c.drift() == null ? "none" : c.drift());
          out.append("; last error: ").append(c.lastError() == null ? "none" : c.lastError());
          out.append('\n');
        }
      }
    }
    return out.toString();
  }
}
