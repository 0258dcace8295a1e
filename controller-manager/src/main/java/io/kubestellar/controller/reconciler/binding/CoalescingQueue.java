/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.binding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A work queue of keys with a short coalescing delay (D7): a key added while already waiting is not
 * added twice, a key added while being processed is processed once more afterwards, and no key is
 * processed by two workers at once. A failed key is retried with exponential backoff.
 */
final class CoalescingQueue {

  private static final Logger LOG = LoggerFactory.getLogger(CoalescingQueue.class);
  private static final Duration FIRST_RETRY = Duration.ofMillis(100);
  private static final Duration LAST_RETRY = Duration.ofSeconds(30);

  private final Duration delay;
  private final int workers;
  private final Consumer<String> handler;
  private final DelayQueue<Entry> ready = new DelayQueue<>();
  private final Map<String, Long> waiting = new HashMap<>();
  private final Set<String> processing = new HashSet<>();
  private final Set<String> dirty = new HashSet<>();
  private final Map<String, Integer> failures = new HashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  private record Entry(String key, long dueNanos) implements Delayed {
    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
      return Long.compare(dueNanos, ((Entry) o).dueNanos);
    }
  }

  /**
   * @param delay how long a key waits for more changes before it is processed
   * @param handler processes a key; an exception means "retry later"
   */
  CoalescingQueue(Duration delay, int workers, Consumer<String> handler) {
    this.delay = delay;
    this.workers = workers;
    this.handler = handler;
  }

  /** Adds a key to be processed after the coalescing delay. */
  void add(String key) {
    addAfter(key, delay);
  }

  /** Adds a key to be processed after the given delay (or sooner if already due sooner). */
  synchronized void addAfter(String key, Duration after) {
    if (processing.contains(key)) {
      dirty.add(key);
      return;
    }
    long due = System.nanoTime() + after.toNanos();
    var current = waiting.get(key);
    if (current != null && current <= due) {
      return;
    }
    waiting.put(key, due);
    ready.add(new Entry(key, due));
  }

  /** Keys waiting or being processed. */
  synchronized int depth() {
    return waiting.size() + processing.size();
  }

  /** Starts the workers. */
  synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    for (int i = 0; i < workers; i++) {
      var thread = new Thread(this::work, "binding-worker-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  /** Stops the workers, waiting a little for the current keys to finish; pending keys stay. */
  void stop() {
    List<Thread> stopping;
    synchronized (this) {
      running = false;
      stopping = new ArrayList<>(threads);
      threads.clear();
    }
    stopping.forEach(Thread::interrupt);
    for (var thread : stopping) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void work() {
    while (running) {
      Entry entry;
      try {
        entry = ready.take();
      } catch (InterruptedException e) {
        return;
      }
      synchronized (this) {
        var due = waiting.get(entry.key());
        if (due == null || due != entry.dueNanos()) {
          continue; // superseded by an earlier schedule of the same key
        }
        waiting.remove(entry.key());
        processing.add(entry.key());
      }
      boolean failed = false;
      try {
        handler.accept(entry.key());
      } catch (RuntimeException e) {
        failed = true;
        LOG.atWarn()
            .setMessage("reconcile failed; will retry")
            .addKeyValue("binding", entry.key())
            .addKeyValue("error", e.toString())
            .log();
      }
      synchronized (this) {
        processing.remove(entry.key());
        if (failed) {
          int n = failures.merge(entry.key(), 1, Integer::sum);
          var backoff = FIRST_RETRY.multipliedBy(1L << Math.min(n - 1, 16));
          dirty.remove(entry.key());
          addAfter(entry.key(), backoff.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : backoff);
        } else {
          failures.remove(entry.key());
          if (dirty.remove(entry.key())) {
            addAfter(entry.key(), delay);
          }
        }
      }
    }
  }
}
