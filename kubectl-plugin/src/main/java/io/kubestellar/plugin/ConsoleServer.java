/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kubestellar.controller.model.binding.ObjectRef;
import io.kubestellar.plugin.model.CellState;
import io.kubestellar.plugin.model.DeliveryMatrix;
import io.kubestellar.plugin.model.MatrixFilter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only web console (D17): one page and its script and style, served from the jar, a JSON
 * API over the informers' caches, and server-sent events that tell open pages to refresh.
 */
final class ConsoleServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);
  private static final Map<String, String> ASSETS =
      Map.of(
          "/", "index.html",
          "/index.html", "index.html",
          "/console.js", "console.js",
          "/console.css", "console.css");

  private final Spaces spaces;
  private final HttpServer server;
  private final LiveFacts facts;
  private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(daemon("console-events"));
  private final AtomicBoolean notifyPending = new AtomicBoolean();
  private volatile ApiResources resources;

  ConsoleServer(Spaces spaces, String address, int port) throws IOException {
    this.spaces = spaces;
    this.facts = new LiveFacts(spaces.wds(), spaces.its(), spaces.options().wdsName, this::changed);
    this.resources = ApiResources.discover(spaces.wds());
    server = HttpServer.create(new InetSocketAddress(address, port), 0);
    server.setExecutor(Executors.newCachedThreadPool(daemon("console-http")));
    server.createContext("/", this::asset);
    server.createContext("/api/state", exchange -> json(exchange, state(query(exchange))));
    server.createContext("/api/cell", exchange -> json(exchange, cell(query(exchange))));
    server.createContext("/api/events", this::events);
    server.start();
    timer.scheduleAtFixedRate(() -> send(": keep-alive\n\n"), 15, 15, TimeUnit.SECONDS);
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Coalesces bursts of watch events into one notification per 50 ms. */
  private void changed() {
    if (notifyPending.compareAndSet(false, true)) {
      timer.schedule(
          () -> {
            notifyPending.set(false);
            send("event: change\ndata: " + facts.version() + "\n\n");
          },
          50,
          TimeUnit.MILLISECONDS);
    }
  }

  private void send(String message) {
    var bytes = message.getBytes(StandardCharsets.UTF_8);
    for (var out : listeners) {
      try {
        out.write(bytes);
        out.flush();
      } catch (IOException gone) {
        listeners.remove(out);
      }
    }
  }

  private void events(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, 0);
    var out = exchange.getResponseBody();
    out.write(
        ("event: change\ndata: " + facts.version() + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    listeners.add(out);
  }

  private void asset(HttpExchange exchange) throws IOException {
    var file = ASSETS.get(exchange.getRequestURI().getPath());
    if (file == null || !exchange.getRequestMethod().equals("GET")) {
      reply(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
      return;
    }
    try (var in = ConsoleServer.class.getResourceAsStream("/console/" + file)) {
      var type =
          file.endsWith(".js")
              ? "text/javascript"
              : file.endsWith(".css") ? "text/css" : "text/html";
      reply(exchange, 200, type + "; charset=utf-8", in.readAllBytes());
    }
  }

  Map<String, Object> state(Map<String, String> query) {
    var current =
        DeliveryFactsReader.assemble(
            facts.bindings(), facts.works(), facts.reports(), this::resourceOfKind);
    var states = new TreeSet<CellState>();
    if (!query.getOrDefault("state", "").isEmpty()) {
      states.add(CellState.parse(query.get("state")));
    }
    var filter =
        new MatrixFilter(
            blankToNull(query.get("policy")), blankToNull(query.get("namespace")), null, states);
    var all = DeliveryMatrix.of(current, MatrixFilter.ALL);
    var namespaces = new TreeSet<String>();
    all.rows().stream()
        .map(r -> r.object().namespace())
        .filter(ns -> !ns.isEmpty())
        .forEach(namespaces::add);
    var policies = new ArrayList<Map<String, Object>>();
    for (var policy : facts.policies()) {
      var entry = new LinkedHashMap<String, Object>();
      entry.put("name", policy.getMetadata().getName());
      var status = policy.getStatus();
      entry.put(
          "conditions",
          status == null || status.conditions() == null ? List.of() : status.conditions());
      entry.put("errors", status == null || status.errors() == null ? List.of() : status.errors());
      policies.add(entry);
    }
    policies.sort((a, b) -> a.get("name").toString().compareTo(b.get("name").toString()));
    var result = new LinkedHashMap<String, Object>();
    result.put("version", facts.version());
    result.put("policies", policies);
    result.put("namespaces", namespaces);
    result.put("matrix", MatrixView.of(DeliveryMatrix.of(current, filter)));
    return result;
  }

  private String resourceOfKind(String group, String kind) {
    return resources.ofKind(group, kind).map(ApiResources.Type::resource).orElse(null);
  }

  Map<String, Object> cell(Map<String, String> query) {
    var ref =
        new ObjectRef(
            query.getOrDefault("group", ""),
            query.getOrDefault("resource", ""),
            query.getOrDefault("namespace", ""),
            query.getOrDefault("name", ""));
    var cluster = query.getOrDefault("cluster", "");
    var result = new LinkedHashMap<String, Object>();
    result.put("object", ref.toString());
    result.put("cluster", cluster);
    var type = resources.of(ref.group(), ref.resource());
    if (type.isEmpty()) {
      resources = ApiResources.discover(spaces.wds());
      type = resources.of(ref.group(), ref.resource());
    }
    if (type.isEmpty()) {
      result.put(
          "explain",
          "the WDS serves no resource " + ref.resource() + " in group '" + ref.group() + "'");
      result.put("diff", "");
      return result;
    }
    try {
      result.put("explain", Explainer.table(new Explainer(spaces).explain(ref, type.get())));
    } catch (UserError | io.fabric8.kubernetes.client.KubernetesClientException e) {
      result.put("explain", e.getMessage());
    }
    try {
      var diff = new Differ(spaces).diff(ref, type.get(), cluster);
      result.put(
          "diff",
          diff.diff().isEmpty()
              ? "no differences: the WEC copy is what is sent"
              : Differ.table(diff));
    } catch (UserError | io.fabric8.kubernetes.client.KubernetesClientException e) {
      result.put("diff", e.getMessage());
    }
    return result;
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static Map<String, String> query(HttpExchange exchange) {
    var result = new LinkedHashMap<String, String>();
    var raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      for (var pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          result.put(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return result;
  }

  private static void json(HttpExchange exchange, Object body) throws IOException {
    try {
      reply(
          exchange,
          200,
          "application/json",
          Spaces.JSON.asJson(body).getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      LOG.atWarn()
          .addKeyValue("path", exchange.getRequestURI().getPath())
          .setCause(e)
          .log("console request failed");
      reply(
          exchange,
          500,
          "text/plain",
          String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void reply(HttpExchange exchange, int code, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(code, body.length);
    try (var out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      var thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    server.stop(0);
    timer.shutdownNow();
    facts.close();
  }
}
