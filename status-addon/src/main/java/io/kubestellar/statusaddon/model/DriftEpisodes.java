/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.model;

import io.kubestellar.api.control.v1alpha1.Drift;
import io.kubestellar.api.control.v1alpha1.DriftField;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Drift episodes per object and when to ask the work agent to repair them (D16).
 *
 * <p>An episode starts when an object is first seen to differ from its manifest and ends when it
 * matches again. A difference is reported once it has lasted {@link Settings#settle()} (so that a
 * change seen in the ITS before its application reaches the WEC cache is not reported); a repair is
 * requested {@link Settings#repairDelay()} after the difference was first seen, and again, if it
 * lasts or comes back, after an exponential backoff per object ({@link Settings#backoffBase()}
 * doubling up to {@link Settings#backoffMax()}). An object that needed {@link
 * Settings#conflictRequests()} requests within {@link Settings#conflictWindow()} is in conflict:
 * another writer in the cluster keeps setting the fields.
 *
 * <p>Calls for one object must not overlap (the work queue hands an object to one worker at a
 * time); calls for different objects may.
 */
public final class DriftEpisodes {

  /**
   * How drift is handled.
   *
   * @param repair whether repairs are requested at all (false: report only)
   * @param repairDelay from first seeing a difference to the first repair request
   * @param settle how long a difference must last before it is reported
   * @param backoffBase wait after the first request before another one
   * @param backoffMax longest wait between requests (the work agent's own resync)
   * @param conflictWindow requests older than this are forgotten
   * @param conflictRequests requests within the window that make a conflict
   */
  public record Settings(
      boolean repair,
      Duration repairDelay,
      Duration settle,
      Duration backoffBase,
      Duration backoffMax,
      Duration conflictWindow,
      int conflictRequests) {

    /** Defaults of everything but the two flags. */
    public static Settings of(boolean repair, Duration repairDelay) {
      return new Settings(
          repair,
          repairDelay,
          Duration.ofSeconds(1),
          Duration.ofSeconds(5),
          Duration.ofMinutes(5),
          Duration.ofMinutes(10),
          3);
    }
  }

  /**
   * What to do for an object now.
   *
   * @param requestRepair ask the work agent to re-apply now, then call {@link #repairRequested}
   * @param newlyReported the difference is reported for the first time in this episode
   * @param wakeAt when to look at the object again even if nothing changes; null for never
   */
  public record Plan(boolean requestRepair, boolean newlyReported, Instant wakeAt) {
    static final Plan NOTHING = new Plan(false, false, null);
  }

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private static final class State {
    Instant firstSeen; // null between episodes
    boolean reported;
    int episodeRequests;
    Instant nextRequest;
    DriftDetector.Result result;
    final Deque<Instant> requests = new ArrayDeque<>(); // successful or not, within the window
  }

  private final Settings settings;
  private final Map<ObjectKey, State> states = new ConcurrentHashMap<>();

  public DriftEpisodes(Settings settings) {
    this.settings = Objects.requireNonNull(settings);
  }

  /** Takes in the latest comparison of an object (a result without fields: it matches). */
  public Plan observe(ObjectKey key, DriftDetector.Result result, Instant now) {
    return observe(key, result, now, null);
  }

  /**
   * As {@link #observe(ObjectKey, DriftDetector.Result, Instant)}; {@code reported} is the drift
   * the object's WorkStatus already shows (null: none). An episode that starts while one is shown
   * (the agent restarted) continues it: same detection time and request count, reported at once, so
   * that a restart does not remove and re-add the report.
   */
  public Plan observe(ObjectKey key, DriftDetector.Result result, Instant now, Drift reported) {
    var state = states.get(key);
    if (!result.any()) {
      if (state != null) {
        endEpisode(key, state, now);
      }
      return Plan.NOTHING;
    }
    if (state == null) {
      state = new State();
      states.put(key, state);
    }
    forgetOld(state, now);
    state.result = result;
    if (state.firstSeen == null) {
      state.firstSeen = now;
      state.reported = false;
      state.episodeRequests = 0;
      // state.nextRequest is kept: a difference that comes back soon after a repair waits for
      // the backoff of the requests still in the window, so a fight slows down.
      var shown = reported == null ? null : parse(reported.detectedTime());
      if (shown != null && !shown.isAfter(now)) {
        state.firstSeen = shown;
        state.reported = true;
        state.episodeRequests =
            reported.repairRequests() == null ? 0 : Math.max(0, reported.repairRequests());
      }
    }
    var reportAt = state.firstSeen.plus(settings.settle());
    if (!state.reported && now.isBefore(reportAt)) {
      return new Plan(false, false, reportAt);
    }
    boolean newlyReported = !state.reported;
    state.reported = true;
    if (!settings.repair()) {
      return new Plan(false, newlyReported, null);
    }
    var due = nextRequest(state);
    if (!now.isBefore(due)) {
      return new Plan(true, newlyReported, null);
    }
    return new Plan(false, newlyReported, due);
  }

  /**
   * Records a repair request made now ({@code accepted}: the WEC took it); returns when to look
   * again if the difference lasts.
   */
  public Instant repairRequested(ObjectKey key, Instant now, boolean accepted) {
    var state = states.get(key);
    if (state == null) {
      return null;
    }
    state.requests.addLast(now);
    if (accepted) {
      state.episodeRequests++;
    }
    state.nextRequest = now.plus(backoff(state.requests.size()));
    return state.nextRequest;
  }

  /** What the WorkStatus reports for the object now; null when nothing is reported. */
  public Drift report(ObjectKey key) {
    var state = states.get(key);
    if (state == null || state.firstSeen == null || !state.reported) {
      return null;
    }
    var fields = state.result.fields();
    int recent = state.requests.size();
    boolean conflict = settings.repair() && recent >= settings.conflictRequests();
    // In conflict, the managers are named once, as the other writers.
    var message = new StringBuilder(describe(fields.get(0), !conflict));
    int others = fields.size() - 1 + state.result.moreFields();
    if (others > 0) {
      message.append(" and ").append(others).append(others == 1 ? " more field" : " more fields");
    }
    if (!settings.repair()) {
      message.append("; not repaired (drift repair is off)");
    } else if (conflict) {
      message
          .append("; keeps coming back after ")
          .append(recent)
          .append(" repairs")
          .append(otherManagers(fields))
          .append("; re-applying every ")
          .append(text(backoff(recent)));
    } else {
      message.append("; re-applying");
    }
    return new Drift(
        fields,
        state.result.moreFields() == 0 ? null : state.result.moreFields(),
        SECONDS.format(state.firstSeen.truncatedTo(ChronoUnit.SECONDS)),
        state.episodeRequests,
        conflict,
        message.toString());
  }

  /** The object is gone or no longer reported on: forget it. */
  public void forget(ObjectKey key) {
    states.remove(key);
  }

  /** Objects whose drift is reported now. */
  public int reportedCount() {
    int count = 0;
    for (var state : states.values()) {
      if (state.firstSeen != null && state.reported) {
        count++;
      }
    }
    return count;
  }

  /** Whether anything is kept for the object (for tests and bounds). */
  public boolean tracks(ObjectKey key) {
    return states.containsKey(key);
  }

  private void endEpisode(ObjectKey key, State state, Instant now) {
    state.firstSeen = null;
    state.reported = false;
    state.result = null;
    forgetOld(state, now);
    if (state.requests.isEmpty()) {
      states.remove(key); // nothing left that a recurrence would need
    }
  }

  private Instant nextRequest(State state) {
    var first = state.firstSeen.plus(settings.repairDelay());
    if (state.requests.isEmpty() || state.nextRequest == null) {
      return first;
    }
    var afterBackoff = state.requests.peekLast().plus(backoff(state.requests.size()));
    return afterBackoff.isAfter(first) ? afterBackoff : first;
  }

  private void forgetOld(State state, Instant now) {
    var horizon = now.minus(settings.conflictWindow());
    while (!state.requests.isEmpty() && state.requests.peekFirst().isBefore(horizon)) {
      state.requests.removeFirst();
    }
    if (state.requests.isEmpty()) {
      state.nextRequest = null;
    }
  }

  private static Instant parse(String time) {
    try {
      return time == null ? null : Instant.parse(time);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  /** The wait after the n-th request (n >= 1) within the window. */
  Duration backoff(int requests) {
    var wait = settings.backoffBase();
    for (int i = 1; i < requests && wait.compareTo(settings.backoffMax()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(settings.backoffMax()) > 0 ? settings.backoffMax() : wait;
  }

  private static String describe(DriftField field, boolean withManagers) {
    var text =
        new StringBuilder(field.path())
            .append(" is ")
            .append(field.actual() == null ? "absent" : shorten(field.actual()))
            .append(", desired ")
            .append(shorten(field.desired()));
    if (withManagers && field.managers() != null && !field.managers().isEmpty()) {
      text.append(" (set by ").append(String.join(", ", field.managers())).append(')');
    }
    return text.toString();
  }

  private static String otherManagers(List<DriftField> fields) {
    var managers = new java.util.TreeSet<String>();
    for (var field : fields) {
      if (field.managers() != null) {
        managers.addAll(field.managers());
      }
    }
    return managers.isEmpty() ? "" : " (also set by " + String.join(", ", managers) + ")";
  }

  private static String shorten(String json) {
    return json.length() <= 60 ? json : json.substring(0, 57) + "...";
  }

  /** {@code 5s}, {@code 1m20s}, {@code 5m}. */
  static String text(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds < 60) {
      return duration.toMillis() % 1000 == 0 ? seconds + "s" : duration.toMillis() + "ms";
    }
    long minutes = seconds / 60;
    long rest = seconds % 60;
    return rest == 0 ? minutes + "m" : minutes + "m" + rest + "s";
  }
}
