/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.status;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A coalescing work queue (D7): an enqueued key runs after a short bounded delay, and every enqueue
 * of that key until then folds into the same run. A key never runs on two workers at once; an
 * enqueue while it runs makes it run once more afterwards. Failures retry with per-key exponential
 * backoff, never giving up.
 *
 * @param <K> key type
 */
final class StatusQueue<K> implements AutoCloseable {

  /** What the handler asks for after handling a key. */
  sealed interface Outcome {
    /** Done until the next enqueue. */
    record Done() implements Outcome {}

    /** Not a failure, but look again after this delay (e.g. a cache is still syncing). */
    record Again(Duration after) implements Outcome {}

    /** Failed: retry after the key's next backoff. */
    record Failed() implements Outcome {}
  }

  static final Outcome DONE = new Outcome.Done();
  static final Outcome FAILED = new Outcome.Failed();

  private static final Logger LOG = LoggerFactory.getLogger(StatusQueue.class);

  private final String name;
  private final long delayNanos;
  private final long minBackoffNanos;
  private final long maxBackoffNanos;
  private final Function<K, Outcome> handler;
  private final DelayQueue<Entry<K>> due = new DelayQueue<>();
  private final Map<K, Long> scheduled = new HashMap<>();
  private final Set<K> running = new HashSet<>();
  private final Map<K, Long> dirty = new HashMap<>();
  private final Map<K, Integer> failures = new HashMap<>();
  private volatile boolean stopped;
  private Thread[] workers = new Thread[0];

  StatusQueue(
      String name,
      Duration delay,
      Duration minBackoff,
      Duration maxBackoff,
      Function<K, Outcome> handler) {
    this.name = name;
    this.delayNanos = delay.toNanos();
    this.minBackoffNanos = Math.max(1, minBackoff.toNanos());
    this.maxBackoffNanos = Math.max(minBackoffNanos, maxBackoff.toNanos());
    this.handler = handler;
  }

  synchronized void start(int workerCount) {
    workers = new Thread[workerCount];
    for (int i = 0; i < workerCount; i++) {
      workers[i] = new Thread(this::work, name + "-worker-" + i);
      workers[i].setDaemon(true);
      workers[i].start();
    }
  }

  /** Runs {@code key} after the coalescing delay (or sooner, if a run is already due sooner). */
  void enqueue(K key) {
    enqueueAfter(key, delayNanos);
  }

  void enqueueAfter(K key, Duration delay) {
    enqueueAfter(key, delay.toNanos());
  }

  private synchronized void enqueueAfter(K key, long nanos) {
    if (stopped) {
      return;
    }
    long at = System.nanoTime() + Math.max(0, nanos);
    if (running.contains(key)) {
      dirty.merge(key, nanos, Math::min);
      return;
    }
    var current = scheduled.get(key);
    if (current != null && current - at <= 0) {
      return;
    }
    scheduled.put(key, at);
    due.add(new Entry<>(key, at));
  }

  /** Keys waiting or running. */
  synchronized int depth() {
    return scheduled.size() + running.size();
  }

  private void work() {
    while (!stopped) {
      Entry<K> entry;
      try {
        entry = due.poll(250, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (entry == null) {
        continue;
      }
      var key = entry.key();
      synchronized (this) {
        var at = scheduled.get(key);
        if (at == null || at != entry.at() || running.contains(key)) {
          continue; // superseded by an earlier schedule
        }
        scheduled.remove(key);
        running.add(key);
      }
      Outcome outcome;
      try {
        outcome = handler.apply(key);
      } catch (RuntimeException e) {
        LOG.atWarn()
            .setMessage("status work item failed; will retry")
            .addKeyValue("key", key)
            .addKeyValue("error", String.valueOf(e.getMessage()))
            .setCause(LOG.isDebugEnabled() ? e : null)
            .log();
        outcome = FAILED;
      }
      synchronized (this) {
        running.remove(key);
        long again = -1;
        if (outcome instanceof Outcome.Failed) {
          again = backoff(failures.merge(key, 1, Integer::sum));
        } else {
          failures.remove(key);
          if (outcome instanceof Outcome.Again a) {
            again = a.after().toNanos();
          }
        }
        var pending = dirty.remove(key);
        if (pending != null) {
          again = again < 0 ? pending : Math.min(again, pending);
        }
        if (again >= 0) {
          enqueueAfter(key, again);
        }
      }
    }
  }

  private long backoff(int failureCount) {
    long delay = minBackoffNanos;
    for (int i = 1; i < failureCount && delay < maxBackoffNanos; i++) {
      delay *= 2;
    }
    return Math.min(delay, maxBackoffNanos);
  }

  @Override
  public void close() {
    stopped = true;
    Thread[] threads;
    synchronized (this) {
      threads = workers;
    }
    for (var t : threads) {
      t.interrupt();
    }
    for (var t : threads) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private record Entry<K>(K key, long at) implements Delayed {
    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(at - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }
  }
}
