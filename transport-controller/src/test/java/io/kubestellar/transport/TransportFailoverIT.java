/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport;

import static io.kubestellar.transport.TransportEnvironment.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.kubestellar.api.control.v1alpha1.Binding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several transport replicas on one WDS: one leads (JOSDK leader election, D18), the others stand
 * by with warm caches, and a stopped leader's Lease passes to a standby, which carries on.
 */
class TransportFailoverIT {

  private static final String LEASE = "transport-failover-it";

  /** The Lease duration: a standby must take over within it. */
  private static final Duration LEASE_TIME = Duration.ofSeconds(15);

  private static TransportEnvironment env;
  private static final List<TransportEnvironment.Replica> replicas = new ArrayList<>();

  @BeforeAll
  static void start() {
    env = new TransportEnvironment("transport-failover-it");
  }

  @AfterAll
  static void stop() {
    replicas.forEach(TransportEnvironment.Replica::stop);
    if (env != null) {
      env.close();
    }
  }

  @Test
  void aStoppedLeaderHandsOverToAStandbyThatCarriesOnAndNeverTwoLead() throws Exception {
    replicas.add(env.launchReplica(LEASE));
    replicas.add(env.launchReplica(LEASE));
    var bothLeading = new AtomicInteger();
    var sampler = Executors.newSingleThreadScheduledExecutor();
    sampler.scheduleAtFixedRate(
        () -> {
          if (replicas.stream().filter(r -> r.controller().isLeading()).count() > 1) {
            bothLeading.incrementAndGet();
          }
        },
        0,
        20,
        TimeUnit.MILLISECONDS);
    try {
      var first = awaitOneLeader();

      env.wds().resource(namespace("failover")).create();
      var settings = env.wds().resource(configMap("v1")).create();
      env.wds()
          .resources(Binding.class)
          .resource(env.binding("failover", List.of(settings), List.of(), "cluster1"))
          .create();
      await("the leader delivers the ConfigMap").atMost(TIMEOUT).until(() -> worksCarry("v1"));

      first.stop();
      replicas.remove(first);
      var stoppedAt = System.nanoTime();
      var second = awaitOneLeader();
      assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt))
          .as("the standby leads within the Lease time")
          .isLessThan(LEASE_TIME);
      assertThat(lease().getSpec().getHolderIdentity()).isNotBlank();

      env.wds()
          .configMaps()
          .inNamespace("failover")
          .withName("settings")
          .edit(c -> new ConfigMapBuilder(c).withData(Map.of("level", "v2")).build());
      await("the new leader delivers the edit").atMost(TIMEOUT).until(() -> worksCarry("v2"));

      replicas.add(env.launchReplica(LEASE));
      assertThat(replicas.get(replicas.size() - 1).controller().isLeading())
          .as("a new replica stands by while the leader runs")
          .isFalse();
      assertThat(second.controller().isLeading()).isTrue();
    } finally {
      sampler.shutdownNow();
    }
    assertThat(bothLeading.get()).as("samples with two leaders").isZero();
  }

  private static TransportEnvironment.Replica awaitOneLeader() {
    await("one replica leads")
        .atMost(TIMEOUT)
        .until(() -> replicas.stream().filter(r -> r.controller().isLeading()).count() == 1);
    return replicas.stream().filter(r -> r.controller().isLeading()).findFirst().orElseThrow();
  }

  private static boolean worksCarry(String level) {
    var works = env.worksOf("failover");
    return !works.isEmpty()
        && works.stream()
            .allMatch(w -> String.valueOf(w.getAdditionalProperties().get("spec")).contains(level));
  }

  private static Lease lease() {
    return env.wds().leases().inNamespace("kube-system").withName(LEASE).get();
  }

  private static io.fabric8.kubernetes.api.model.Namespace namespace(String name) {
    return new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build();
  }

  private static ConfigMap configMap(String level) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName("settings")
        .withNamespace("failover")
        .endMetadata()
        .withData(Map.of("level", level))
        .build();
  }
}
