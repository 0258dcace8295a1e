/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime;

import java.net.InetSocketAddress;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Flags every component takes: management port, logging, shutdown. A picocli mixin. */
public final class CommonOptions {

  @Option(
      names = "--management-address",
      defaultValue = ":8081",
      description =
          "host:port (or :port) serving /healthz, /readyz and /metrics; port 0 picks a free port."
              + " Default: ${DEFAULT-VALUE}")
  String managementAddress;

  @Option(
      names = "--log-level",
      defaultValue = "INFO",
      description = "TRACE, DEBUG, INFO, WARN or ERROR. Default: ${DEFAULT-VALUE}")
  String logLevel;

  @Option(
      names = "--log-format",
      defaultValue = "TEXT",
      description = "TEXT or JSON (case-insensitive). Default: ${DEFAULT-VALUE}")
  LogFormat logFormat;

  @Option(
      names = "--shutdown-timeout",
      defaultValue = "PT20S",
      description =
          "How long a graceful shutdown may take before the process exits anyway (ISO-8601"
              + " duration). Default: ${DEFAULT-VALUE}")
  Duration shutdownTimeout;

  /** The validated, immutable form of these flags. */
  public CommonConfig toConfig() {
    var level = logLevel.toUpperCase(java.util.Locale.ROOT);
    if (!java.util.Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR").contains(level)) {
      throw new IllegalArgumentException(
          "--log-level must be one of TRACE, DEBUG, INFO, WARN, ERROR; got '" + logLevel + "'");
    }
    if (shutdownTimeout.isNegative() || shutdownTimeout.isZero()) {
      throw new IllegalArgumentException("--shutdown-timeout must be positive");
    }
    return new CommonConfig(parseAddress(managementAddress), level, logFormat, shutdownTimeout);
  }

  /** Parses {@code host:port} or {@code :port}; an empty host means every interface. */
  static InetSocketAddress parseAddress(String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "--management-address must look like host:port or :port; got '" + text + "'");
    }
    var host = text.substring(0, colon);
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--management-address has a port that is not a number: '" + text + "'");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "--management-address port must be within 0..65535; got " + port);
    }
    return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
  }

  /** Validated common configuration. */
  public record CommonConfig(
      InetSocketAddress managementAddress,
      String logLevel,
      LogFormat logFormat,
      Duration shutdownTimeout) {}
}
