/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime.controller;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class QuietRetriesTest {

  private final LoggerContext context = new LoggerContext();
  private final QuietRetries filter = new QuietRetries();
  private final ch.qos.logback.classic.Logger processor =
      context.getLogger("io.javaoperatorsdk.operator.processing.event.EventProcessor");

  @Test
  void aRetriedTryAgainIsNotLoggedAtWarn() {
    processor.setLevel(Level.WARN);
    var wrapped = new RuntimeException("wrapped", new TryAgain("a WEC is unreachable"));
    assertThat(decide(Level.WARN, new Object[] {"scope", wrapped})).isEqualTo(FilterReply.DENY);
  }

  @Test
  void anyOtherFailureIsLoggedAsJosdkDoes() {
    processor.setLevel(Level.WARN);
    var bug = new IllegalStateException("a bug");
    assertThat(decide(Level.WARN, new Object[] {"scope", bug})).isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void atDebugTheRetriesShow() {
    processor.setLevel(Level.DEBUG);
    assertThat(decide(Level.WARN, new Object[] {"scope", new TryAgain("x")}))
        .isEqualTo(FilterReply.NEUTRAL);
  }

  private FilterReply decide(Level level, Object[] params) {
    return filter.decide(null, processor, level, "Uncaught error {}", params, null);
  }
}
