/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.badinput;

import static io.kubestellar.e2e.badinput.Bank.OK_NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubestellar.localenv.SpaceObjects;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bad-input bank (issue 13): every input of {@link BadInputs} is applied with kubectl at the
 * same moment as a valid policy and ConfigMap of its own ({@code ok-<case>}), all cases at once on
 * one environment. For each, the user must find a clear answer where they look (an API rejection
 * naming the field, a condition or {@code status.errors} entry naming object and cause), and the
 * valid ConfigMap must reach every WEC with the WDS content.
 */
class BadInputBankIT {

  private static final Logger LOG = LoggerFactory.getLogger(BadInputBankIT.class);
  private static final Duration ANSWER = Duration.ofSeconds(120);

  /**
   * Every case converges at the same time, so waits share one deadline (after a short minimum): a
   * failing case costs the rest of that time, not two minutes each.
   */
  private static final Duration LEAST = Duration.ofSeconds(10);

  private static volatile long deadline;
  private static final List<BadInput> CASES = BadInputs.all();

  @AutoClose private static Bank bank;

  /** kubectl's output for the inputs it refused, by case name. */
  private static final Map<String, String> REJECTIONS = new ConcurrentHashMap<>();

  @BeforeAll
  static void applyEveryInputAtOnce() throws Exception {
    bank = Bank.start("bad-input-bank-it");
    SpaceObjects.namespace(bank.wds, OK_NAMESPACE, Map.of(SpaceObjects.PART_OF, "bank"));
    SpaceObjects.namespace(bank.wds, BadInputs.CEL_NAMESPACE, Map.of(SpaceObjects.PART_OF, "bank"));
    bank.wds
        .apps()
        .deployments()
        .inNamespace(BadInputs.CEL_NAMESPACE)
        .resource(SpaceObjects.deployment(BadInputs.CEL_NAMESPACE, "web", 1, Map.of()))
        .serverSideApply();
    bank.kubectl.apply(
        "wds1",
        BadInputs.policy(
            "bank-base",
            BadInputs.EDGE,
            "[{apiGroup: '', resources: [namespaces], objectSelectors: [{matchLabels:"
                + " {app.kubernetes.io/part-of: bank}}]}]"));
    for (var wec : Bank.WECS) {
      await(wec + " gets the bank's namespaces")
          .atMost(ANSWER)
          .until(
              () ->
                  bank.wec(wec).namespaces().withName(OK_NAMESPACE).get() != null
                      && bank.wec(wec).namespaces().withName(BadInputs.CEL_NAMESPACE).get()
                          != null);
    }

    var started = System.nanoTime();
    var pool = Executors.newFixedThreadPool(6);
    try {
      var applies = new java.util.ArrayList<Future<?>>();
      for (var c : CASES) {
        applies.add(pool.submit(() -> apply(c)));
      }
      for (var f : applies) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    LOG.info(
        "bank: applied {} inputs in {} ms",
        CASES.size(),
        Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  /** Applies a case's setup, then its valid policy and ConfigMap and its input in one stream. */
  private static Void apply(BadInput c) throws Exception {
    c.setup().run(bank);
    var ok = "ok-" + c.name();
    var stream =
        BadInputs.doc(
            BadInputs.configMap(
                OK_NAMESPACE,
                ok,
                Map.of(),
                "{case: %s, token: '%s'}".formatted(c.name(), UUID.randomUUID())),
            BadInputs.configMapPolicy(ok, BadInputs.EDGE, ok),
            c.yaml());
    try {
      bank.kubectl.apply("wds1", stream);
    } catch (IllegalStateException e) {
      REJECTIONS.put(c.name(), e.getMessage());
    }
    return null;
  }

  private static Duration remaining() {
    return Duration.ofNanos(Math.max(LEAST.toNanos(), deadline - System.nanoTime()));
  }

  @TestFactory
  Stream<DynamicTest> eachInputGetsAClearAnswerAndTheValidPolicyBesideItIsDelivered() {
    deadline = System.nanoTime() + ANSWER.toNanos();
    assertThat(CASES).hasSizeGreaterThanOrEqualTo(40);
    assertThat(CASES.stream().map(BadInput::name).distinct()).hasSameSizeAs(CASES);
    return CASES.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.name() + " → " + c.where(),
                    () -> {
                      await(c.name() + ": " + c.where())
                          .atMost(remaining())
                          .ignoreExceptions()
                          .untilAsserted(() -> c.check().run(bank, REJECTIONS.get(c.name())));
                      var ok = "ok-" + c.name();
                      await(ok + " is delivered unharmed beside " + c.name())
                          .atMost(remaining())
                          .ignoreExceptions()
                          .untilAsserted(
                              () -> {
                                BadInputs.deliveredAsInWds(ok).run(bank, null);
                                assertThat(bank.policyCondition(ok, "Ready").status())
                                    .isEqualTo("True");
                              });
                    }));
  }
}
