/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.reconciler;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A coalescing work queue with per-key exclusion (D7): an enqueued key runs after a short delay,
 * every further enqueue of that key before it runs is folded into the same run, a key never runs on
 * two workers at once, and an enqueue during a run makes it run once more afterwards. A failing key
 * is retried with per-key exponential backoff; an enqueue from an event still runs it after the
 * short delay.
 *
 * @param <K> key type
 */
public final class WorkQueue<K> implements AutoCloseable {

  /** What a handler asks for after handling a key. */
  public sealed interface Outcome {
    /** Done; the next run happens on the next enqueue. */
    record Done() implements Outcome {}

    /** Run again after the given delay (not a failure: the backoff is not increased). */
    record RunAgainAfter(Duration delay) implements Outcome {}

    /** Failed; run again after the key's next backoff delay. */
    record Failed() implements Outcome {}
  }

  /** The handler is done with the key. */
  public static final Outcome DONE = new Outcome.Done();

  /** The handler failed; retry with backoff. */
  public static final Outcome FAILED = new Outcome.Failed();

  private static final Logger LOG = LoggerFactory.getLogger(WorkQueue.class);

  private final String name;
  private final long delayNanos;
  private final long minBackoffNanos;
  private final long maxBackoffNanos;
  private final int workers;
  private final Function<K, Outcome> handler;
  private final ScheduledExecutorService timer;
  private final LinkedBlockingQueue<K> ready = new LinkedBlockingQueue<>();
  private final Map<K, Long> dueAt = new HashMap<>();
  private final Set<K> inReady = new HashSet<>();
  private final Set<K> running = new HashSet<>();
  private final Set<K> dirty = new HashSet<>();
  private final Map<K, Integer> failures = new HashMap<>();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private Thread[] threads = new Thread[0];

  /**
   * @param name for thread names and logs
   * @param delay coalescing delay applied to every enqueue from an event
   * @param minBackoff first retry delay after a failure
   * @param maxBackoff longest retry delay
   * @param workers worker threads
   * @param handler handles one key; exceptions count as failures
   */
  public WorkQueue(
      String name,
      Duration delay,
      Duration minBackoff,
      Duration maxBackoff,
      int workers,
      Function<K, Outcome> handler) {
    this.name = name;
    this.delayNanos = delay.toNanos();
    this.minBackoffNanos = Math.max(1, minBackoff.toNanos());
    this.maxBackoffNanos = maxBackoff.toNanos();
    this.workers = workers;
    this.handler = handler;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              var thread = new Thread(r, name + "-timer");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts the workers. */
  public synchronized void start() {
    threads = new Thread[workers];
    for (int i = 0; i < workers; i++) {
      threads[i] = new Thread(this::work, name + "-worker-" + i);
      threads[i].setDaemon(true);
      threads[i].start();
    }
  }

  /** Runs {@code key} after the coalescing delay, or in the run already scheduled before then. */
  public void enqueue(K key) {
    enqueueAfter(key, delayNanos);
  }

  /** Runs {@code key} after {@code delay}, or in a run already scheduled before then. */
  public void enqueueAfter(K key, Duration delay) {
    enqueueAfter(key, delay.toNanos());
  }

  private void enqueueAfter(K key, long nanos) {
    if (stopped.get()) {
      return;
    }
    long due = System.nanoTime() + nanos;
    synchronized (this) {
      if (running.contains(key)) {
        dirty.add(key);
        return;
      }
      if (inReady.contains(key)) {
        return;
      }
      var scheduled = dueAt.get(key);
      if (scheduled != null && scheduled - due <= 0) {
        return;
      }
      dueAt.put(key, due);
    }
    if (nanos <= 0) {
      promote(key, due);
    } else {
      timer.schedule(() -> promote(key, due), nanos, TimeUnit.NANOSECONDS);
    }
  }

  private void promote(K key, long due) {
    synchronized (this) {
      var scheduled = dueAt.get(key);
      // Superseded by an earlier schedule that already promoted, or by a run that consumed it.
      if (scheduled == null || scheduled != due || inReady.contains(key)) {
        return;
      }
      dueAt.remove(key);
      inReady.add(key);
    }
    ready.add(key);
  }

  /** Keys waiting or running, for the queue-depth gauge. */
  public synchronized int depth() {
    return dueAt.size() + inReady.size() + running.size();
  }

  private void work() {
    while (!stopped.get()) {
      K key;
      try {
        key = ready.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (key == null) {
        continue;
      }
      synchronized (this) {
        inReady.remove(key);
        if (running.contains(key)) {
          dirty.add(key);
          continue;
        }
        running.add(key);
        dueAt.remove(key);
      }
      Outcome outcome;
      try {
        outcome = handler.apply(key);
      } catch (RuntimeException e) {
        LOG.atWarn()
            .setMessage("work item failed; will retry")
            .addKeyValue("queue", name)
            .addKeyValue("key", key)
            .addKeyValue("error", String.valueOf(e.getMessage()))
            .setCause(LOG.isDebugEnabled() ? e : null)
            .log();
        outcome = FAILED;
      }
      long again = -1;
      synchronized (this) {
        running.remove(key);
        if (outcome instanceof Outcome.Failed) {
          int count = failures.merge(key, 1, Integer::sum);
          again = backoff(count);
        } else {
          failures.remove(key);
          if (outcome instanceof Outcome.RunAgainAfter after) {
            again = after.delay().toNanos();
          }
        }
        if (dirty.remove(key)) {
          again = again < 0 ? delayNanos : Math.min(again, delayNanos);
        }
      }
      if (again >= 0) {
        enqueueAfter(key, again);
      }
    }
  }

  private long backoff(int failures) {
    long delay = minBackoffNanos;
    for (int i = 1; i < failures && delay < maxBackoffNanos; i++) {
      delay *= 2;
    }
    return Math.min(delay, maxBackoffNanos);
  }

  @Override
  public void close() {
    stopped.set(true);
    timer.shutdownNow();
    for (var thread : threads) {
      thread.interrupt();
    }
    for (var thread : threads) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
