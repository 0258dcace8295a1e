/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The components' own executors: named daemon threads, so that thread dumps say whose they are and
 * none of them keeps the JVM alive after the bounded stop.
 */
public final class DaemonThreads {

  private DaemonThreads() {}

  /** Daemon threads, all called {@code name}. */
  public static ThreadFactory named(String name) {
    return runnable -> {
      var thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** One daemon thread working through tasks in order. */
  public static ExecutorService single(String name) {
    return Executors.newSingleThreadExecutor(named(name));
  }

  /** One daemon thread for delayed and periodic tasks. */
  public static ScheduledExecutorService scheduled(String name) {
    return Executors.newSingleThreadScheduledExecutor(named(name));
  }

  /** {@code threads} daemon threads sharing one queue of tasks. */
  public static ExecutorService pool(int threads, String name) {
    return Executors.newFixedThreadPool(threads, named(name));
  }

  /** Interrupts the executor's tasks and waits up to {@code grace} for them to end. */
  public static void stop(ExecutorService executor, Duration grace) {
    executor.shutdownNow();
    try {
      executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
