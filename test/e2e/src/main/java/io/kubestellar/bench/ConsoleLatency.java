/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubestellar.api.control.v1alpha1.WorkStatus;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.SpaceObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The console part of {@link WhereBenchmark}: the time from a change in a WEC to the console
 * showing it, read as its page reads it — on every {@code /api/events} notification, one {@code
 * /api/state} (a notification during a read makes one more read, as the page's script does).
 *
 * <p>The object is a one-replica Deployment delivered to both WECs with {@code minReadySeconds: 2},
 * so a replaced pod leaves the Deployment unavailable for 2 s. Two kinds of change, alternating
 * between the WECs, one at a time:
 *
 * <ul>
 *   <li>a status change: its pod deleted in the WEC. The WEC's Deployment reports {@code
 *       Available=False} (the cell turns {@code applied}), then 2 s later {@code True} ({@code
 *       available} again); both transitions are measured, from the watch event showing each in the
 *       WEC.
 *   <li>a drift: {@code spec.replicas} set to 2 in the WEC ({@code kubectl scale}); measured from
 *       the watch event showing it to the cell turning {@code drifted}. The status add-on reports
 *       drift only once it has lasted 1 s (D16), by design.
 * </ul>
 *
 * Each is also timed where it reaches the ITS (the WorkStatus, by this JVM's watch), so the figures
 * split into WEC → ITS (the status add-on) and ITS → console.
 */
final class ConsoleLatency {

  static final String NAMESPACE = "where-console";
  private static final String POLICY = "where-console";
  private static final String NAME = "web";
  private static final List<String> WECS = List.of("cluster1", "cluster2");
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalEnvironment env;
  private final HttpClient http = HttpClient.newHttpClient();

  /** When each fact was last seen to become true (nanoTime), by {@code fact|wec}. */
  private final Map<String, Long> seen = new ConcurrentHashMap<>();

  /** The cell states the console last showed, by WEC. */
  private final Map<String, String> shown = new ConcurrentHashMap<>();

  private final Semaphore notified = new Semaphore(0);
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final List<Long> stateReads = Collections.synchronizedList(new ArrayList<>());

  final List<Long> unavailableToConsole = Collections.synchronizedList(new ArrayList<>());
  final List<Long> availableToConsole = Collections.synchronizedList(new ArrayList<>());
  final List<Long> statusToIts = Collections.synchronizedList(new ArrayList<>());
  final List<Long> statusItsToConsole = Collections.synchronizedList(new ArrayList<>());
  final List<Long> driftToConsole = Collections.synchronizedList(new ArrayList<>());
  final List<Long> driftToIts = Collections.synchronizedList(new ArrayList<>());
  final List<Long> driftItsToConsole = Collections.synchronizedList(new ArrayList<>());

  ConsoleLatency(LocalEnvironment env) {
    this.env = env;
  }

  /** The Deployment and its policy in the WDS (before the pipeline settles). */
  void deliver() {
    var wds = env.client("wds1");
    SpaceObjects.namespace(wds, NAMESPACE, Map.of(SpaceObjects.PART_OF, NAMESPACE));
    Deployment web =
        BenchPipeline.deployment(NAMESPACE, NAME, Map.of(SpaceObjects.PART_OF, NAMESPACE));
    web.getSpec().setMinReadySeconds(2);
    wds.apps().deployments().inNamespace(NAMESPACE).resource(web).serverSideApply();
    BenchPipeline.policy(
        wds, POLICY, Map.of("location-group", "edge"), Map.of(SpaceObjects.PART_OF, NAMESPACE));
  }

  /** Measures {@code changes} status changes and {@code changes} drifts against the console. */
  void measure(int port, int changes) throws Exception {
    watch();
    var base = "http://127.0.0.1:" + port;
    var events = new Thread(() -> listen(base), "console-events");
    var page = new Thread(() -> refresh(base), "console-page");
    events.setDaemon(true);
    page.setDaemon(true);
    events.start();
    page.start();
    try {
      Measures.waitFor(
          "the console showing the Deployment available in both WECs",
          Duration.ofMinutes(3),
          () -> WECS.stream().allMatch(w -> "available".equals(shown.get(w))));
      for (int k = 0; k < changes; k++) {
        statusChange(WECS.get(k % WECS.size()));
        drift(WECS.get(k % WECS.size()));
        System.out.printf(
            "[where] console: %d/%d status changes and drifts measured; load average %s%n",
            k + 1, changes, Measures.loadAverage());
      }
    } finally {
      stopped.set(true);
      notified.release();
    }
  }

  private void statusChange(String wec) throws InterruptedException {
    clear(wec, "wec-unavailable", "wec-available", "its-unavailable", "its-available");
    clear(wec, "console-applied", "console-available");
    var client = env.client(wec);
    client.pods().inNamespace(NAMESPACE).withLabel("app", NAME).delete();
    Measures.waitFor(
        wec + ": the replaced pod's Deployment unavailable, then available, in the console",
        TIMEOUT,
        () ->
            after(wec, "wec-unavailable", "console-applied")
                && after(wec, "wec-available", "console-available")
                && after(wec, "console-applied", "console-available"));
    unavailableToConsole.add(between(wec, "wec-unavailable", "console-applied"));
    availableToConsole.add(between(wec, "wec-available", "console-available"));
    if (after(wec, "wec-unavailable", "its-unavailable")) {
      statusToIts.add(between(wec, "wec-unavailable", "its-unavailable"));
      statusItsToConsole.add(between(wec, "its-unavailable", "console-applied"));
    }
    if (after(wec, "wec-available", "its-available")) {
      statusToIts.add(between(wec, "wec-available", "its-available"));
      statusItsToConsole.add(between(wec, "its-available", "console-available"));
    }
  }

  private void drift(String wec) throws InterruptedException {
    clear(wec, "wec-edited", "its-drift", "console-drifted", "console-available");
    BenchPipeline.scaleToTwo(env.client(wec), NAMESPACE, NAME);
    Measures.waitFor(
        wec + ": the edit drifted in the console, then repaired and available again",
        TIMEOUT,
        () ->
            after(wec, "wec-edited", "console-drifted")
                && after(wec, "console-drifted", "console-available"));
    driftToConsole.add(between(wec, "wec-edited", "console-drifted"));
    if (after(wec, "wec-edited", "its-drift")) {
      driftToIts.add(between(wec, "wec-edited", "its-drift"));
      driftItsToConsole.add(between(wec, "its-drift", "console-drifted"));
    }
  }

  private void watch() {
    BenchPipeline.watchWecDeployments(
        env,
        WECS,
        NAMESPACE,
        (wec, d) -> {
          if (d.getSpec() != null && Objects.equals(d.getSpec().getReplicas(), 2)) {
            seen.putIfAbsent(key("wec-edited", wec), System.nanoTime());
          }
          availability(
              "wec",
              wec,
              d.getStatus() == null ? null : JSON.convertValue(d.getStatus(), JsonNode.class));
        });
    env.client("its1")
        .resources(WorkStatus.class)
        .inAnyNamespace()
        .inform(
            SpaceObjects.onAddOrUpdate(
                ws -> {
                  var source = ws.getSpec() == null ? null : ws.getSpec().sourceRef();
                  if (source == null
                      || !NAMESPACE.equals(source.namespace())
                      || !"Deployment".equals(source.kind())) {
                    return;
                  }
                  var wec = ws.getMetadata().getNamespace();
                  if (ws.getDrift() != null) {
                    seen.putIfAbsent(key("its-drift", wec), System.nanoTime());
                  }
                  availability(
                      "its",
                      wec,
                      ws.getStatus() == null
                          ? null
                          : JSON.convertValue(ws.getStatus(), JsonNode.class));
                }));
  }

  /**
   * Records, for one side ({@code wec} or {@code its}), when the Deployment's status first says
   * {@code Available=False} after a change, and when it says {@code True} again after that.
   */
  private void availability(String side, String wec, JsonNode status) {
    String available = null;
    if (status != null) {
      for (var c : status.path("conditions")) {
        if ("Available".equals(c.path("type").asText())) {
          available = c.path("status").asText();
        }
      }
    }
    if ("False".equals(available)) {
      seen.putIfAbsent(key(side + "-unavailable", wec), System.nanoTime());
    } else if ("True".equals(available) && seen.containsKey(key(side + "-unavailable", wec))) {
      seen.putIfAbsent(key(side + "-available", wec), System.nanoTime());
    }
  }

  /** Follows {@code /api/events}: every {@code change} event asks the page to refresh. */
  private void listen(String base) {
    while (!stopped.get()) {
      try {
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/events")).build(),
                HttpResponse.BodyHandlers.ofLines())
            .body()
            .filter(line -> line.startsWith("event: change"))
            .forEach(line -> notified.release());
      } catch (IOException | UncheckedIOException e) {
        // the console restarted or closed the stream: connect again, as EventSource does
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The page: reads {@code /api/state} after each notification, folding those that queue up. */
  private void refresh(String base) {
    var request = HttpRequest.newBuilder(URI.create(base + "/api/state?namespace=&policy=&state="));
    while (!stopped.get()) {
      try {
        notified.acquire();
        notified.drainPermits();
        long began = System.nanoTime();
        var body = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()).body();
        var state = JSON.readTree(body);
        long at = System.nanoTime();
        stateReads.add(at - began);
        for (var row : state.path("matrix").path("rows")) {
          if (row.path("object").asText().equals("deployments.apps/" + NAMESPACE + "/" + NAME)) {
            row.path("cells")
                .fields()
                .forEachRemaining(
                    cell -> {
                      var word = cell.getValue().path("state").asText();
                      if (!word.equals(shown.put(cell.getKey(), word))) {
                        seen.put(key("console-" + word, cell.getKey()), at);
                      }
                    });
          }
        }
      } catch (IOException e) {
        // the console is not answering (yet); the next notification tries again
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void clear(String wec, String... facts) {
    for (var fact : facts) {
      seen.remove(key(fact, wec));
    }
  }

  private boolean after(String wec, String first, String then) {
    var a = seen.get(key(first, wec));
    var b = seen.get(key(then, wec));
    return a != null && b != null && b >= a;
  }

  private long between(String wec, String first, String then) {
    return seen.get(key(then, wec)) - seen.get(key(first, wec));
  }

  private static String key(String fact, String wec) {
    return fact + "|" + wec;
  }

  /** Prints the figures, each with the load average. */
  void report(String load) {
    var figures = new LinkedHashMap<String, List<Long>>();
    figures.put("status change (Available False) -> cell applied", unavailableToConsole);
    figures.put("status change (Available True) -> cell available", availableToConsole);
    figures.put("  of which WEC -> WorkStatus (status add-on)", statusToIts);
    figures.put("  of which WorkStatus -> cell (console)", statusItsToConsole);
    figures.put("drift edit -> cell drifted", driftToConsole);
    figures.put("  of which WEC -> WorkStatus drift (1 s settle, D16)", driftToIts);
    figures.put("  of which WorkStatus drift -> cell (console)", driftItsToConsole);
    figures.put("one /api/state read (the page's refresh)", stateReads);
    figures.forEach(
        (what, values) ->
            System.out.printf(
                "[where] console, %-52s %s; load %s%n", what, Measures.figures(values), load));
  }

  static Path logFile(Path runDir) {
    return runDir.resolve("console.log");
  }
}
