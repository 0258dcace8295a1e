/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime.work;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Worker threads that take keys from a {@link KeyedWorkQueue} and hand each to a handler, for loops
 * that want a push-style queue: {@link #enqueue} in, an {@link Outcome} out. A handler that throws
 * counts as {@link Outcome#FAILED}.
 *
 * @param <K> key type
 */
public final class KeyedWorkers<K> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KeyedWorkers.class);

  private final String name;
  private final KeyedWorkQueue<K> queue;
  private final Handler<K> handler;

  /** Handles one key; {@code item} also tells when its first unhandled change was seen. */
  @FunctionalInterface
  public interface Handler<K> {
    Outcome handle(KeyedWorkQueue.Item<K> item) throws InterruptedException;
  }

  private final List<Thread> threads = new ArrayList<>();

  /**
   * @param name thread-name prefix and log key
   * @param delay how long a changed key waits for more changes (D7)
   * @param minBackoff first retry delay after a failure; doubles per consecutive failure
   * @param maxBackoff longest retry delay
   */
  public KeyedWorkers(
      String name,
      Duration delay,
      Duration minBackoff,
      Duration maxBackoff,
      Function<K, Outcome> handler) {
    this(
        name,
        new KeyedWorkQueue<>(delay, minBackoff, maxBackoff),
        item -> handler.apply(item.key()));
  }

  /** Workers on a queue the caller built (and may add to directly). */
  public KeyedWorkers(String name, KeyedWorkQueue<K> queue, Handler<K> handler) {
    this.name = name;
    this.queue = queue;
    this.handler = handler;
  }

  /** Starts {@code count} workers; keys enqueued before are handed out then. */
  public synchronized void start(int count) {
    for (int i = 0; i < count; i++) {
      var thread = new Thread(this::work, name + "-worker-" + i);
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
  }

  /** Runs {@code key} after the coalescing delay; changes meanwhile fold into that run. */
  public void enqueue(K key) {
    queue.add(key);
  }

  /** Keys waiting or being handled. */
  public int depth() {
    return queue.depth();
  }

  private void work() {
    while (true) {
      KeyedWorkQueue.Item<K> item;
      try {
        item = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (item == null) {
        return;
      }
      var key = item.key();
      Outcome outcome;
      try {
        outcome = handler.handle(item);
      } catch (InterruptedException e) {
        return; // stopping
      } catch (RuntimeException e) {
        LOG.atWarn()
            .setMessage("work item failed; will retry")
            .addKeyValue("queue", name)
            .addKeyValue("key", key)
            .addKeyValue("error", String.valueOf(e.getMessage()))
            .setCause(LOG.isDebugEnabled() ? e : null)
            .log();
        outcome = Outcome.FAILED;
      }
      if (outcome instanceof Outcome.Failed) {
        queue.retry(key);
      } else if (outcome instanceof Outcome.Again again) {
        queue.again(key, again.after());
      } else {
        queue.done(key);
      }
    }
  }

  @Override
  public void close() {
    queue.shutDown();
    List<Thread> running;
    synchronized (this) {
      running = List.copyOf(threads);
    }
    for (var thread : running) {
      thread.interrupt();
    }
    for (var thread : running) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
