/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.api.control.v1alpha1.BindingPolicy;
import io.kubestellar.api.control.v1alpha1.Condition;
import io.kubestellar.api.control.v1alpha1.NamedStatusCombination;
import io.kubestellar.localenv.AdminComponents;
import io.kubestellar.localenv.EnvironmentSpec;
import io.kubestellar.localenv.Kinds;
import io.kubestellar.localenv.Kubectl;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.SpaceObjects;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The environment the bank runs in (wds1, its1, cluster1, cluster2 and every component as a
 * process) and what the checks read: the places a user looks for an answer.
 */
final class Bank implements AutoCloseable {

  static final List<String> WECS = List.of("cluster1", "cluster2");

  /** The namespace of the valid ConfigMaps, delivered to every WEC before the bank starts. */
  static final String OK_NAMESPACE = "bank-ok";

  static final ResourceDefinitionContext CUSTOM_TRANSFORMS =
      new ResourceDefinitionContext.Builder()
          .withGroup("control.kubestellar.io")
          .withVersion("v1alpha1")
          .withPlural("customtransforms")
          .withKind("CustomTransform")
          .withNamespaced(false)
          .build();

  final LocalEnvironment env;
  final KubernetesClient wds;
  final KubernetesClient its;
  final Kubectl kubectl;

  private Bank(LocalEnvironment env) {
    this.env = env;
    this.wds = env.client("wds1");
    this.its = env.client("its1");
    this.kubectl = Kubectl.of(env);
  }

  static Bank start(String dir) {
    var env = LocalEnvironment.start(EnvironmentSpec.underTarget(dir));
    try {
      AdminComponents.startStatusPipeline(env, WECS);
      return new Bank(env);
    } catch (RuntimeException e) {
      env.close();
      throw e;
    }
  }

  KubernetesClient wec(String name) {
    return env.client(name);
  }

  // ---- where users look ------------------------------------------------------------------------

  BindingPolicy policy(String name) {
    return withStatus(BindingPolicy.class, name, BindingPolicy::getStatus);
  }

  List<String> policyErrors(String name) {
    return orEmpty(policy(name).getStatus().errors());
  }

  Condition policyCondition(String name, String type) {
    return condition(policy(name).getStatus().conditions(), type, "BindingPolicy " + name);
  }

  Binding binding(String name) {
    return withStatus(Binding.class, name, Binding::getStatus);
  }

  List<String> bindingErrors(String name) {
    return orEmpty(binding(name).getStatus().errors());
  }

  Condition bindingCondition(String name, String type) {
    return condition(binding(name).getStatus().conditions(), type, "Binding " + name);
  }

  /** The WDS object of that kind and name, which must exist and have a status. */
  private <T extends HasMetadata> T withStatus(
      Class<T> kind, String name, Function<T, Object> status) {
    var object = wds.resources(kind).withName(name).get();
    assertThat(object).as("%s %s", kind.getSimpleName(), name).isNotNull();
    assertThat(status.apply(object)).as("status of %s %s", kind.getSimpleName(), name).isNotNull();
    return object;
  }

  private static List<String> orEmpty(List<String> list) {
    return list == null ? List.of() : list;
  }

  /** {@code status.<field>} of a StatusCollector or CustomTransform, as strings. */
  @SuppressWarnings("unchecked")
  List<String> statusList(ResourceDefinitionContext kind, String name, String field) {
    GenericKubernetesResource object = wds.genericKubernetesResources(kind).withName(name).get();
    assertThat(object).as("%s %s", kind.getKind(), name).isNotNull();
    var status = (Map<String, Object>) object.getAdditionalProperties().get("status");
    assertThat(status).as("status of %s %s", kind.getKind(), name).isNotNull();
    var list = (List<String>) status.get(field);
    return list == null ? List.of() : list;
  }

  List<String> collectorErrors(String name) {
    return statusList(Kinds.STATUS_COLLECTORS, name, "errors");
  }

  /** The result of {@code collector} in the CombinedStatus of (Deployment, policy). */
  NamedStatusCombination result(String namespace, String name, String policy, String collector) {
    var list = SpaceObjects.combinedStatuses(wds, namespace, name, policy);
    assertThat(list).as("CombinedStatus of %s/%s and %s", namespace, name, policy).hasSize(1);
    var results = list.get(0).getResults();
    assertThat(results).as("results of the CombinedStatus of %s", policy).isNotNull();
    return results.stream()
        .filter(r -> r.name().equals(collector))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no result for " + collector + " in " + results));
  }

  ConfigMap wecConfigMap(String wec, String namespace, String name) {
    return wec(wec).configMaps().inNamespace(namespace).withName(name).get();
  }

  ConfigMap wdsConfigMap(String namespace, String name) {
    return wds.configMaps().inNamespace(namespace).withName(name).get();
  }

  private static Condition condition(List<Condition> conditions, String type, String of) {
    return (conditions == null ? List.<Condition>of() : conditions)
        .stream()
            .filter(c -> type.equals(c.type()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no condition " + type + " on " + of));
  }

  @Override
  public void close() {
    env.close();
  }
}
