/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime.work;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The one work queue of the project, for the loops keyed by object rather than by a custom resource
 * (status return and the status add-on, D18; the controllers keyed by a custom resource run on
 * JOSDK). It coalesces bursts (D7): a key added while already waiting is not added twice; it
 * becomes due after a short bounded delay, so several changes in quick succession are handled once.
 * A key is never handed to two workers at once; a key added while it is being worked on is handed
 * out again afterwards. Failed keys come back with per-key exponential backoff.
 *
 * @param <K> the key type
 */
public final class KeyedWorkQueue<K> {

  /** A key handed to a worker, with when its first still-unhandled change was seen. */
  public record Item<K>(K key, long firstSeenNanos) {}

  private final long delayNanos;
  private final long retryBaseNanos;
  private final long retryMaxNanos;
  private final LongSupplier nanoTime;
  private final DelayQueue<Due<K>> due = new DelayQueue<>();
  private final Map<K, State> states = new HashMap<>();
  private long sequence;
  private boolean shutDown;

  private static final class State {
    long seq;
    long dueAt;
    boolean queued;
    boolean processing;
    boolean dirty;
    long firstSeen;
    long dirtyFirstSeen;
    int failures;
  }

  private final class Due<T> implements Delayed {
    final T key;
    final long seq;
    final long at;

    Due(T key, long seq, long at) {
      this.key = key;
      this.seq = seq;
      this.at = at;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(at - nanoTime.getAsLong(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(at, ((Due<?>) other).at);
    }
  }

  /**
   * @param delay how long a new key waits for more changes before it is handed out
   * @param retryBase first backoff after a failure; doubles per consecutive failure
   * @param retryMax longest backoff
   */
  public KeyedWorkQueue(Duration delay, Duration retryBase, Duration retryMax) {
    this(delay, retryBase, retryMax, System::nanoTime);
  }

  KeyedWorkQueue(Duration delay, Duration retryBase, Duration retryMax, LongSupplier nanoTime) {
    this.delayNanos = delay.toNanos();
    this.retryBaseNanos = retryBase.toNanos();
    this.retryMaxNanos = retryMax.toNanos();
    this.nanoTime = nanoTime;
  }

  /** Adds a key, due after the coalescing delay unless it is already waiting. */
  public void add(K key) {
    long now = nanoTime.getAsLong();
    synchronized (states) {
      if (shutDown) {
        return;
      }
      var state = states.get(key);
      if (state == null) {
        state = new State();
        state.firstSeen = now;
        states.put(key, state);
        schedule(key, state, now + delayNanos);
      } else if (state.processing) {
        if (!state.dirty) {
          state.dirty = true;
          state.dirtyFirstSeen = now;
        }
      } else if (state.queued && state.dueAt > now + delayNanos) {
        // Waiting out a retry backoff: a fresh change is worth trying again soon.
        schedule(key, state, now + delayNanos);
      }
    }
  }

  /** Takes the next due key, waiting for one; null once the queue is shut down. */
  public Item<K> take() throws InterruptedException {
    while (true) {
      var next = due.take();
      synchronized (states) {
        if (shutDown) {
          due.add(next); // wake the next blocked worker too
          return null;
        }
        var state = states.get(next.key);
        if (state == null || state.seq != next.seq || !state.queued) {
          continue; // superseded by a later schedule
        }
        state.queued = false;
        state.processing = true;
        return new Item<>(next.key, state.firstSeen);
      }
    }
  }

  /** The worker is done with a key and it succeeded (or needs no retry). */
  public void done(K key) {
    release(key, -1, false);
  }

  /** The worker failed on a key: it comes back after a backoff (sooner if it changed meanwhile). */
  public void retry(K key) {
    release(key, -1, true);
  }

  /**
   * Not a failure, but the key should come back after {@code delay} (e.g. a cache is still syncing,
   * or a write met a newer version); sooner if it changes meanwhile.
   */
  public void again(K key, Duration delay) {
    release(key, delay.toNanos(), false);
  }

  /**
   * Ends a worker's turn on a key. A change seen during the turn brings it back after the
   * coalescing delay at the latest; a failure keeps the first unhandled change's time, since that
   * change is still unhandled.
   *
   * @param afterNanos when to hand the key out again; negative for not at all (unless changed)
   */
  private void release(K key, long afterNanos, boolean failed) {
    long now = nanoTime.getAsLong();
    synchronized (states) {
      var state = states.get(key);
      if (state == null) {
        return;
      }
      state.processing = false;
      long after = afterNanos;
      if (failed) {
        state.failures++;
        after = backoffNanos(state.failures);
      } else {
        state.failures = 0;
      }
      if (state.dirty) {
        state.dirty = false;
        if (!failed) {
          state.firstSeen = state.dirtyFirstSeen;
        }
        after = after < 0 ? delayNanos : Math.min(after, delayNanos);
      }
      if (after < 0) {
        states.remove(key);
      } else {
        schedule(key, state, now + after);
      }
    }
  }

  /** How many keys wait to be handed out (due or not) or are being worked on. */
  public int depth() {
    synchronized (states) {
      return states.size();
    }
  }

  /** Consecutive failures of a key so far. */
  int failures(K key) {
    synchronized (states) {
      var state = states.get(key);
      return state == null ? 0 : state.failures;
    }
  }

  /** Stops handing out keys; blocked {@link #take} calls return null. */
  public void shutDown() {
    synchronized (states) {
      shutDown = true;
      states.clear();
    }
    due.add(new Due<>(null, -1, nanoTime.getAsLong()));
  }

  long backoffNanos(int failures) {
    long backoff = retryBaseNanos;
    for (int i = 1; i < failures && backoff < retryMaxNanos; i++) {
      backoff *= 2;
    }
    return Math.min(backoff, retryMaxNanos);
  }

  private void schedule(K key, State state, long at) {
    state.seq = ++sequence;
    state.dueAt = at;
    state.queued = true;
    due.add(new Due<>(key, state.seq, at));
  }
}
