/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
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
import io.kubestellar.localenv.AdminComponents;
import io.kubestellar.localenv.EnvironmentSpec;
import io.kubestellar.localenv.Kinds;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.ManagedProcess;
import io.kubestellar.localenv.SpaceObjects;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ThrowingRunnable;

/**
 * The whole status pipeline as separate processes on the local environment: controller-manager
 * (binding + status), transport-controller and one status-addon agent per WEC, next to the real OCM
 * work agents; plus the user-side actions the status stories need.
 */
final class StatusPipeline implements AutoCloseable {

  /** How long the status stories wait for the pipeline to carry a change through. */
  static final Duration TIMEOUT = Duration.ofSeconds(120);

  static final ResourceDefinitionContext BINDING_POLICIES = Kinds.BINDING_POLICIES;
  static final ResourceDefinitionContext STATUS_COLLECTORS = Kinds.STATUS_COLLECTORS;

  /** The WECs of the default environment, each with its status add-on agent. */
  private static final List<String> WECS = List.of("cluster1", "cluster2");

  final LocalEnvironment env;
  final KubernetesClient wds;
  final KubernetesClient its;
  private final AdminComponents components;

  private StatusPipeline(LocalEnvironment env, AdminComponents components) {
    this.env = env;
    this.wds = env.client("wds1");
    this.its = env.client("its1");
    this.components = components;
  }

  /** Starts the environment (wds1, its1, cluster1, cluster2) and every component. */
  static StatusPipeline start(String dir) {
    var env = LocalEnvironment.start(EnvironmentSpec.underTarget(dir));
    try {
      return new StatusPipeline(env, AdminComponents.startStatusPipeline(env, WECS));
    } catch (RuntimeException e) {
      env.close();
      throw e;
    }
  }

  /** Starts (or restarts after {@link #kill}) one component process. */
  ManagedProcess startComponent(String name, String module, List<String> extra) {
    return components.start(name, module, extra);
  }

  /** Kills a component (SIGKILL) and starts it again with the same arguments and port. */
  void killAndRestart(String name) {
    components.killAndRestart(name);
  }

  /** Waits until every component answers /readyz. */
  void awaitReady() {
    components.awaitReady();
  }

  // ---- user actions --------------------------------------------------------------------------

  /**
   * Label that marks a namespace as part of a story's application, so the story's BindingPolicy can
   * select it: KubeStellar never creates namespaces in WECs, so a policy must deliver them too.
   */
  static final String PART_OF = SpaceObjects.PART_OF;

  /** Applies a WDS namespace labelled {@code app.kubernetes.io/part-of=<name>}. */
  void namespace(String name) {
    SpaceObjects.namespace(wds, name, Map.of(PART_OF, name));
  }

  Deployment deployment(String namespace, String name, int replicas) {
    namespace(namespace);
    return wds.apps()
        .deployments()
        .inNamespace(namespace)
        .resource(
            SpaceObjects.deployment(
                namespace, name, replicas, Map.of("app.kubernetes.io/name", name)))
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
    var deployments = new LinkedHashMap<String, Object>();
    deployments.put("objectNames", List.of(object));
    deployments.putAll(modulation);
    return SpaceObjects.bindingPolicy(
        wds, name, SpaceObjects.namespacedDeploymentsSpec(clusterLabels, namespace, deployments));
  }

  /** Applies a StatusCollector given as its spec map. */
  void collector(String name, Map<String, Object> spec) {
    SpaceObjects.statusCollector(wds, name, spec);
  }

  GenericKubernetesResource getCollector(String name) {
    return wds.genericKubernetesResources(STATUS_COLLECTORS).withName(name).get();
  }

  /** The CombinedStatus of (Deployment, policy), found by its labels. */
  CombinedStatus combinedStatus(String namespace, String name, String policy) {
    var list = SpaceObjects.combinedStatuses(wds, namespace, name, policy);
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

  /** Waits up to {@link #TIMEOUT} until {@code assertions} pass; {@code what} names the wait. */
  static void eventually(String what, ThrowingRunnable assertions) {
    await(what).atMost(TIMEOUT).untilAsserted(assertions);
  }
}
