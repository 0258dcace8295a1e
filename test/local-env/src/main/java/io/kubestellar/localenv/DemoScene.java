/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.localenv;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * What the demo looks at: the example's objects in each WEC, the BindingPolicy and Binding in the
 * WDS, the CombinedStatus; and kubectl, run as a user would.
 */
public final class DemoScene {

  static final String NAMESPACE = "myapp";
  static final String NAME = "myapp";
  static final String POLICY = "app-deployment";

  static final ResourceDefinitionContext BINDING_POLICIES =
      control("BindingPolicy", "bindingpolicies", false);
  static final ResourceDefinitionContext BINDINGS = control("Binding", "bindings", false);
  static final ResourceDefinitionContext COMBINED_STATUSES =
      control("CombinedStatus", "combinedstatuses", true);

  private final LocalEnvironment env;
  private final Kubectl kubectl;

  public DemoScene(LocalEnvironment env, Path repoRoot, Path kubectl) {
    this.env = env;
    this.kubectl = new Kubectl(kubectl, env.kubeconfig(), repoRoot);
  }

  private static ResourceDefinitionContext control(String kind, String plural, boolean namespaced) {
    return new ResourceDefinitionContext.Builder()
        .withGroup("control.kubestellar.io")
        .withVersion("v1alpha1")
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(namespaced)
        .build();
  }

  /** Runs kubectl in the repository against a context, printing its output indented. */
  public void kubectlPrint(String context, String... args) {
    kubectl.run(context, args).lines().forEach(line -> System.out.println("  " + line));
  }

  /**
   * Waits until the Deployment is Available in every given WEC and the CombinedStatus has a row for
   * each, reporting each step as it is reached.
   */
  public void awaitDelivered(
      List<String> wecs, Duration timeout, BiConsumer<String, Object[]> progress) {
    var reached = new LinkedHashMap<String, Boolean>();
    var deadline = Instant.now().plus(timeout);
    while (true) {
      var pending = new ArrayList<String>();
      for (var wec : wecs) {
        step(
            reached,
            progress,
            wec + ": Deployment myapp/myapp delivered",
            deployment(wec) != null,
            pending);
        step(
            reached,
            progress,
            wec + ": Deployment Available",
            "True".equals(available(deployment(wec))),
            pending);
      }
      var rows = combinedStatusRows();
      step(
          reached,
          progress,
          "CombinedStatus has a row per cluster",
          rows.size() == wecs.size(),
          pending);
      // The summary shows the rows; wait until they say what the WECs say.
      step(
          reached,
          progress,
          "CombinedStatus shows the Deployment Available in each cluster",
          rows.size() == wecs.size() && everyRowAvailable(),
          pending);
      if (pending.isEmpty()) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "timed out after "
                + timeout.toSeconds()
                + "s waiting for: "
                + String.join("; ", pending));
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  private static void step(
      Map<String, Boolean> reached,
      BiConsumer<String, Object[]> progress,
      String what,
      boolean done,
      List<String> pending) {
    if (!done) {
      pending.add(what);
    } else if (reached.put(what, true) == null) {
      progress.accept("  %s", new Object[] {what});
    }
  }

  private Deployment deployment(String wec) {
    return env.client(wec).apps().deployments().inNamespace(NAMESPACE).withName(NAME).get();
  }

  private static String available(Deployment deployment) {
    if (deployment == null
        || deployment.getStatus() == null
        || deployment.getStatus().getConditions() == null) {
      return "-";
    }
    return deployment.getStatus().getConditions().stream()
        .filter(c -> "Available".equals(c.getType()))
        .map(c -> c.getStatus())
        .findFirst()
        .orElse("-");
  }

  private GenericKubernetesResource combinedStatus() {
    var items =
        env.client(DemoCommand.WDS)
            .genericKubernetesResources(COMBINED_STATUSES)
            .inNamespace(NAMESPACE)
            .withLabel("status.kubestellar.io/name", NAME)
            .withLabel("status.kubestellar.io/binding-policy", POLICY)
            .list()
            .getItems();
    return items.isEmpty() ? null : items.get(0);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> results(GenericKubernetesResource combined) {
    if (combined == null) {
      return List.of();
    }
    var results = combined.getAdditionalProperties().get("results");
    return results instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
  }

  @SuppressWarnings("unchecked")
  /** Whether every row of the demo's collector has {@code available} True. */
  private boolean everyRowAvailable() {
    var results = results(combinedStatus());
    if (results.isEmpty()) {
      return false;
    }
    int column = asList(results.get(0).get("columnNames")).indexOf("available");
    return column >= 0
        && asList(results.get(0).get("rows")).stream()
            .map(row -> asList(((Map<?, ?>) row).get("columns")))
            .allMatch(
                cells ->
                    column < cells.size()
                        && "True".equals(cellText((Map<?, ?>) cells.get(column))));
  }

  private List<Map<String, Object>> combinedStatusRows() {
    var results = results(combinedStatus());
    if (results.isEmpty()) {
      return List.of();
    }
    var rows = results.get(0).get("rows");
    return rows instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
  }

  /** The summary: what is where, its status, the CombinedStatus, and the components. */
  String summary(List<String> wecs, List<DemoComponents.Running> components) {
    var out = new StringBuilder();
    var rule = "=".repeat(100);
    out.append(rule).append('\n');
    out.append("KubeStellar demo: BindingPolicy ")
        .append(POLICY)
        .append(
            " sends app.kubernetes.io/name=myapp objects to clusters labelled environment=production\n");
    out.append(rule).append('\n');

    var wds = env.client(DemoCommand.WDS);
    var policy = wds.genericKubernetesResources(BINDING_POLICIES).withName(POLICY).get();
    var binding = wds.genericKubernetesResources(BINDINGS).withName(POLICY).get();
    out.append(
        String.format(
            "WDS %s: BindingPolicy %-16s %s%n", DemoCommand.WDS, POLICY, conditions(policy)));
    out.append(String.format("         Binding       %-16s %s%n", POLICY, conditions(binding)));
    out.append(String.format("         destinations  %s%n", destinations(binding)));
    var wdsDeployment = wds.apps().deployments().inNamespace(NAMESPACE).withName(NAME).get();
    out.append(
        String.format(
            "         Deployment myapp/myapp: replicas %s (not run in the WDS; it only holds the definition)%n%n",
            wdsDeployment.getSpec().getReplicas()));

    out.append(
        "Objects in each cluster (delivered as ManifestWorks through the ITS by the OCM work agent):\n");
    out.append(String.format("  %-10s %-11s %-14s %s%n", "CLUSTER", "KIND", "NAME", "STATUS"));
    for (var wec : wecs) {
      var client = env.client(wec);
      var ns = client.namespaces().withName(NAMESPACE).get();
      out.append(
          String.format(
              "  %-10s %-11s %-14s %s%n",
              wec, "Namespace", NAMESPACE, ns == null ? "(missing)" : ns.getStatus().getPhase()));
      var deployment = deployment(wec);
      out.append(
          String.format(
              "  %-10s %-11s %-14s %s%n",
              wec,
              "Deployment",
              NAMESPACE + "/" + NAME,
              deployment == null
                  ? "(missing)"
                  : "Available="
                      + available(deployment)
                      + ", "
                      + readiness(deployment)
                      + " ready"));
      var service = client.services().inNamespace(NAMESPACE).withName(NAME).get();
      out.append(
          String.format(
              "  %-10s %-11s %-14s %s%n",
              wec,
              "Service",
              NAMESPACE + "/" + NAME,
              service == null ? "(missing)" : "ClusterIP " + service.getSpec().getClusterIP()));
    }

    var combined = combinedStatus();
    out.append('\n');
    if (combined == null) {
      out.append("CombinedStatus: (none yet)\n");
    } else {
      out.append("CombinedStatus ")
          .append(NAMESPACE)
          .append('/')
          .append(combined.getMetadata().getName())
          .append(" (Deployment myapp/myapp x BindingPolicy ")
          .append(POLICY)
          .append(")\n");
      for (var result : results(combined)) {
        out.append("  collector ").append(result.get("name")).append(":\n");
        var columns = (List<?>) result.getOrDefault("columnNames", List.of());
        var header = new StringBuilder("  ");
        for (var column : columns) {
          header.append(String.format("%-16s", column.toString().toUpperCase()));
        }
        out.append(header.toString().stripTrailing()).append('\n');
        for (var row : asList(result.get("rows"))) {
          var line = new StringBuilder("  ");
          for (var cell : asList(((Map<?, ?>) row).get("columns"))) {
            line.append(String.format("%-16s", cellText((Map<?, ?>) cell)));
          }
          out.append(line.toString().stripTrailing()).append('\n');
        }
      }
    }

    out.append(
        "\nComponents (separate processes, each with its own ServiceAccount token and the chart's RBAC):\n");
    for (var component : components) {
      out.append(
          String.format(
              "  %-24s pid %-8d %s%n",
              component.name(), component.process().pid(), component.url("/metrics")));
    }
    out.append("kubeconfig: ").append(env.kubeconfig()).append('\n');
    out.append(rule);
    return out.toString();
  }

  private static List<?> asList(Object value) {
    return value instanceof List<?> list ? list : List.of();
  }

  private static String cellText(Map<?, ?> cell) {
    var type = String.valueOf(cell.get("type"));
    return switch (type) {
      case "String" -> String.valueOf(cell.get("string"));
      case "Number" -> String.valueOf(cell.get("float"));
      case "Bool" -> String.valueOf(cell.get("bool"));
      case "Null" -> "null";
      case "Object" -> String.valueOf(cell.get("object"));
      case "Array" -> String.valueOf(cell.get("array"));
      default -> String.valueOf(cell);
    };
  }

  private static String readiness(Deployment deployment) {
    var status = deployment.getStatus();
    var ready = status == null || status.getReadyReplicas() == null ? 0 : status.getReadyReplicas();
    return ready + "/" + deployment.getSpec().getReplicas();
  }

  @SuppressWarnings("unchecked")
  private static String conditions(GenericKubernetesResource object) {
    if (object == null) {
      return "(missing)";
    }
    var status = (Map<String, Object>) object.getAdditionalProperties().get("status");
    if (status == null || !(status.get("conditions") instanceof List<?> conditions)) {
      return "(no conditions)";
    }
    var parts = new ArrayList<String>();
    for (var c : conditions) {
      var condition = (Map<String, Object>) c;
      parts.add(
          condition.get("type")
              + "="
              + condition.get("status")
              + " ("
              + condition.get("reason")
              + ")");
    }
    return String.join(", ", parts);
  }

  @SuppressWarnings("unchecked")
  private static String destinations(GenericKubernetesResource binding) {
    if (binding == null) {
      return "(no Binding)";
    }
    var spec = (Map<String, Object>) binding.getAdditionalProperties().get("spec");
    var names = new ArrayList<String>();
    if (spec != null && spec.get("destinations") instanceof List<?> destinations) {
      for (var d : destinations) {
        names.add(Objects.toString(((Map<String, Object>) d).get("clusterId")));
      }
    }
    var workload = spec == null ? null : (Map<String, Object>) spec.get("workload");
    int objects = 0;
    if (workload != null) {
      objects += asList(workload.get("clusterScope")).size();
      objects += asList(workload.get("namespaceScope")).size();
    }
    return names + ", " + objects + " objects";
  }
}
