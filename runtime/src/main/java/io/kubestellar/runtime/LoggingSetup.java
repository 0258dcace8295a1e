/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Configures Logback once from the component's flags: format and level. */
public final class LoggingSetup {

  /** Text layout: time, level, logger, message, then MDC and key-value pairs. */
  static final String TEXT_PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{24} - %msg%replace( %mdc){'^ $',''}%replace("
          + " %kvp){'^ $',''}%n";

  private LoggingSetup() {}

  /**
   * Replaces the console appender of the root logger. Noisy client libraries are held at WARN
   * unless the level asks for DEBUG or finer.
   */
  public static void configure(LogFormat format, String level) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();

    Encoder<ILoggingEvent> encoder;
    if (format == LogFormat.JSON) {
      var json = new JsonEncoder();
      json.setContext(context);
      json.start();
      encoder = json;
    } else {
      var text = new PatternLayoutEncoder();
      text.setContext(context);
      text.setPattern(TEXT_PATTERN);
      text.start();
      encoder = text;
    }
    var appender = new ConsoleAppender<ILoggingEvent>();
    appender.setContext(context);
    appender.setName("console");
    appender.setTarget("System.err");
    appender.setEncoder(encoder);
    appender.start();
    root.addAppender(appender);

    var rootLevel = Level.toLevel(level, Level.INFO);
    root.setLevel(rootLevel);
    var libraries = rootLevel.isGreaterOrEqual(Level.INFO) ? Level.WARN : rootLevel;
    for (var name : new String[] {"io.fabric8", "io.javaoperatorsdk", "okhttp3", "io.vertx"}) {
      context.getLogger(name).setLevel(libraries);
    }
    context.resetTurboFilterList();
    var retries = new io.kubestellar.runtime.controller.QuietRetries();
    retries.setContext(context);
    retries.start();
    context.addTurboFilter(retries);
    // Every KubeStellar kind is v1alpha1; fabric8 warns about that on each first use.
    context
        .getLogger("io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils")
        .setLevel(rootLevel.isGreaterOrEqual(Level.INFO) ? Level.ERROR : rootLevel);
  }
}
