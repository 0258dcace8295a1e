/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.api.control.v1alpha1.BindingPolicy;
import io.kubestellar.api.control.v1alpha1.CombinedStatus;
import io.kubestellar.api.control.v1alpha1.Condition;
import io.kubestellar.api.control.v1alpha1.NamedStatusCombination;
import io.kubestellar.api.control.v1alpha1.Value;
import io.kubestellar.localenv.ComponentJars;
import io.kubestellar.localenv.EnvironmentSpec;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.ManagedProcess;
import io.kubestellar.localenv.ToolPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole status pipeline as separate processes on the local environment: controller-manager
 * (binding + status), transport-controller and one status-addon agent per WEC, next to the real OCM
 * work agents; plus the user-side actions the status stories need.
 */
final class StatusPipeline implements AutoCloseable {

  static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  static final ResourceDefinitionContext BINDING_POLICIES =
      new ResourceDefinitionContext.Builder()
          .withGroup("control.kubestellar.io")
          .withVersion("v1alpha1")
          .withPlural("bindingpolicies")
          .withKind("BindingPolicy")
          .withNamespaced(false)
          .build();
  static final ResourceDefinitionContext STATUS_COLLECTORS =
      new ResourceDefinitionContext.Builder()
          .withGroup("control.kubestellar.io")
          .withVersion("v1alpha1")
          .withPlural("statuscollectors")
          .withKind("StatusCollector")
          .withNamespaced(false)
          .build();

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final LocalEnvironment env;
  final KubernetesClient wds;
  final KubernetesClient its;
  private final Map<String, Integer> managementPorts = new LinkedHashMap<>();

  private StatusPipeline(LocalEnvironment env) {
    this.env = env;
    this.wds = env.client("wds1");
    this.its = env.client("its1");
  }

  /** Starts the environment (wds1, its1, cluster1, cluster2) and every component. */
  static StatusPipeline start(String dir) {
    var env =
        LocalEnvironment.start(
            EnvironmentSpec.defaults(Path.of("target", dir).toAbsolutePath()),
            ToolPaths.fromEnvironment());
    var pipeline = new StatusPipeline(env);
    try {
      pipeline.installCrds();
      pipeline.startComponent("controller-manager", "controller-manager", spaceArgs());
      pipeline.startComponent("transport-controller", "transport-controller", spaceArgs());
      for (var wec : List.of("cluster1", "cluster2")) {
        pipeline.startComponent("status-addon-" + wec, "status-addon", agentArgs(wec, env));
      }
      pipeline.awaitReady();
    } catch (RuntimeException e) {
      env.close();
      throw e;
    }
    return pipeline;
  }

  private static List<String> spaceArgs() {
    return List.of("--wds-name", "wds1");
  }

  private static List<String> agentArgs(String wec, LocalEnvironment env) {
    var kubeconfig = env.kubeconfig().toString();
    return List.of("--cluster-name", wec, "--wec-kubeconfig", kubeconfig, "--wec-context", wec);
  }

  private void installCrds() {
    var root = ComponentJars.fromWorkingDirectory().repoRoot().resolve("config").resolve("crd");
    try (Stream<Path> files = Files.list(root)) {
      for (var file : files.sorted().toList()) {
        CustomResourceDefinition crd;
        try (InputStream in = Files.newInputStream(file)) {
          crd = wds.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
        }
        wds.apiextensions().v1().customResourceDefinitions().resource(crd).serverSideApply();
        if (crd.getMetadata().getName().startsWith("workstatuses.")) {
          its.apiextensions().v1().customResourceDefinitions().resource(crd).serverSideApply();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts (or restarts after {@link #kill}) one component process. */
  ManagedProcess startComponent(String name, String module, List<String> extra) {
    var port = managementPorts.computeIfAbsent(name, n -> freePort());
    var args = new ArrayList<String>();
    args.addAll(List.of("--management-address", "127.0.0.1:" + port));
    var kubeconfig = env.kubeconfig().toString();
    if (module.equals("status-addon")) {
      args.addAll(List.of("--its-kubeconfig", kubeconfig, "--its-context", "its1"));
    } else {
      args.addAll(
          List.of(
              "--wds-kubeconfig",
              kubeconfig,
              "--wds-context",
              "wds1",
              "--its-kubeconfig",
              kubeconfig,
              "--its-context",
              "its1"));
    }
    args.addAll(extra);
    return env.startComponent(name, ComponentJars.fromWorkingDirectory().jar(module), args);
  }

  /** Kills a component (SIGKILL) and starts it again with the same arguments and port. */
  void killAndRestart(String name) {
    var process = env.process(name);
    process.kill();
    process.start();
  }

  /** Waits until every component answers /readyz. */
  void awaitReady() {
    for (var entry : managementPorts.entrySet()) {
      var url = "http://127.0.0.1:" + entry.getValue() + "/readyz";
      await(entry.getKey() + " ready (log: " + env.process(entry.getKey()).logFile() + ")")
          .atMost(READY_TIMEOUT)
          .pollInterval(Duration.ofMillis(250))
          .ignoreExceptions()
          .until(() -> get(url) == 200);
    }
  }

  private static int get(String url) throws IOException, InterruptedException {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- user actions --------------------------------------------------------------------------

  /**
   * Label that marks a namespace as part of a story's application, so the story's BindingPolicy can
   * select it: KubeStellar never creates namespaces in WECs, so a policy must deliver them too.
   */
  static final String PART_OF = "app.kubernetes.io/part-of";

  /** Applies a WDS namespace labelled {@code app.kubernetes.io/part-of=<name>}. */
  void namespace(String name) {
    wds.namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels(PART_OF, name)
                .endMetadata()
                .build())
        .serverSideApply();
  }

  Deployment deployment(String namespace, String name, int replicas) {
    namespace(namespace);
    return wds.apps()
        .deployments()
        .inNamespace(namespace)
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .addToLabels("app.kubernetes.io/name", name)
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector()
                .addToMatchLabels("app", name)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", name)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("web")
                .withImage("registry.example/web:1")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .serverSideApply();
  }

  Deployment getDeployment(String namespace, String name) {
    return wds.apps().deployments().inNamespace(namespace).withName(name).get();
  }

  void scale(String namespace, String name, int replicas) {
    wds.apps()
        .deployments()
        .inNamespace(namespace)
        .withName(name)
        .edit(d -> new DeploymentBuilder(d).editSpec().withReplicas(replicas).endSpec().build());
  }

  /**
   * Applies a BindingPolicy selecting, for the clusters matching {@code clusterLabels}, the
   * Deployment {@code <namespace>/<object>} with the given modulation, and its namespace (labelled
   * by {@link #namespace}) as a user would, since WECs get only the namespaces a policy selects.
   */
  GenericKubernetesResource policy(
      String name,
      Map<String, String> clusterLabels,
      String namespace,
      String object,
      Map<String, Object> modulation) {
    var clause = new LinkedHashMap<String, Object>();
    clause.put("apiGroup", "apps");
    clause.put("resources", List.of("deployments"));
    clause.put("namespaces", List.of(namespace));
    clause.put("objectNames", List.of(object));
    clause.putAll(modulation);
    var namespaceClause =
        Map.<String, Object>of(
            "apiGroup",
            "",
            "resources",
            List.of("namespaces"),
            "objectSelectors",
            List.of(Map.of("matchLabels", Map.of(PART_OF, namespace))));
    var spec =
        Map.<String, Object>of(
            "clusterSelectors",
            List.of(Map.of("matchLabels", clusterLabels)),
            "downsync",
            List.of(namespaceClause, clause));
    return wds.genericKubernetesResources(BINDING_POLICIES)
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion("control.kubestellar.io/v1alpha1")
                .withKind("BindingPolicy")
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withAdditionalProperties(Map.of("spec", spec))
                .build())
        .forceConflicts()
        .serverSideApply();
  }

  /** Applies a StatusCollector given as its spec map. */
  void collector(String name, Map<String, Object> spec) {
    wds.genericKubernetesResources(STATUS_COLLECTORS)
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion("control.kubestellar.io/v1alpha1")
                .withKind("StatusCollector")
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withAdditionalProperties(Map.of("spec", spec))
                .build())
        .forceConflicts()
        .serverSideApply();
  }

  GenericKubernetesResource getCollector(String name) {
    return wds.genericKubernetesResources(STATUS_COLLECTORS).withName(name).get();
  }

  /** The CombinedStatus of (Deployment, policy), found by its labels. */
  CombinedStatus combinedStatus(String namespace, String name, String policy) {
    var list =
        wds.resources(CombinedStatus.class)
            .inNamespace(namespace)
            .withLabel("status.kubestellar.io/name", name)
            .withLabel("status.kubestellar.io/binding-policy", policy)
            .list()
            .getItems();
    return list.isEmpty() ? null : list.get(0);
  }

  BindingPolicy getPolicy(String name) {
    return wds.resources(BindingPolicy.class).withName(name).get();
  }

  Binding getBinding(String name) {
    return wds.resources(Binding.class).withName(name).get();
  }

  // ---- reading what users see ------------------------------------------------------------------

  /** The collector names of a CombinedStatus's results, in order. */
  static List<String> names(CombinedStatus cs) {
    return cs.getResults() == null
        ? List.of()
        : cs.getResults().stream().map(NamedStatusCombination::name).toList();
  }

  /** The result of one collector; fails when there is none. */
  static NamedStatusCombination result(CombinedStatus cs, String collector) {
    assertThat(cs).isNotNull();
    return cs.getResults().stream()
        .filter(r -> r.name().equals(collector))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no result for " + collector));
  }

  /** A cell as text (see {@link #text}). */
  static String cell(NamedStatusCombination result, int row, int column) {
    assertThat(result.rows()).hasSizeGreaterThan(row);
    return text(result.rows().get(row).columns().get(column));
  }

  /** A cell's string, number text or bool; the type name for other types ({@code NULL}, ...). */
  static String text(Value v) {
    return switch (v.type()) {
      case STRING -> v.string();
      case NUMBER -> v.number();
      case BOOL -> String.valueOf(v.bool());
      default -> String.valueOf(v.type());
    };
  }

  /** A condition of a list; fails when it is absent. */
  static Condition condition(List<Condition> conditions, String type) {
    assertThat(conditions).isNotNull();
    return conditions.stream()
        .filter(c -> c.type().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no condition " + type));
  }

  @Override
  public void close() {
    env.close();
  }
}
