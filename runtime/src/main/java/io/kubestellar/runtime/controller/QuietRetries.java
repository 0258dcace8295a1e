/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime.controller;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Keeps JOSDK from logging, with a stack trace at WARN, every retry of a reconcile that ended in
 * {@link TryAgain}: such a failure is already told where users look (a condition, an Event), and a
 * WEC that stays unreachable would otherwise print one trace per backoff step. Shown when JOSDK
 * logs at DEBUG. Any other failure is logged by JOSDK as usual.
 */
public final class QuietRetries extends TurboFilter {

  private static final String EVENT_PROCESSOR =
      "io.javaoperatorsdk.operator.processing.event.EventProcessor";

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (!EVENT_PROCESSOR.equals(logger.getName()) || level.isGreaterOrEqual(Level.ERROR)) {
      return FilterReply.NEUTRAL;
    }
    var thrown = t;
    if (thrown == null && params != null && params.length > 0) {
      thrown = params[params.length - 1] instanceof Throwable last ? last : null;
    }
    for (var cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof TryAgain) {
        return logger.getEffectiveLevel().toInt() <= Level.DEBUG_INT
            ? FilterReply.NEUTRAL
            : FilterReply.DENY;
      }
    }
    return FilterReply.NEUTRAL;
  }
}
