/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubestellar.e2e.chart.ExternalCommand;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.ManagedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An image run as a container by {@code runc} (as root), the way a kubelet would run the chart's
 * pod: read-only root filesystem, the image's non-root user, a tmpfs on /tmp, files bind-mounted
 * read-only. It shares the host's network namespace, so it reaches the local environment's API
 * servers on loopback and serves its management port there.
 */
final class RuncContainer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RUNC_TIMEOUT = Duration.ofSeconds(30);

  private final String id;
  private final Path state;
  private final ManagedProcess process;

  private RuncContainer(String id, Path state, ManagedProcess process) {
    this.id = id;
    this.state = state;
    this.process = process;
  }

  /**
   * Starts {@code image} as container {@code id} with the given arguments (after the image's
   * entrypoint), environment and read-only bind mounts (container path to host file).
   */
  static RuncContainer start(
      LocalEnvironment env,
      OciImage image,
      String id,
      Path work,
      List<String> args,
      Map<String, String> environment,
      Map<String, Path> mounts)
      throws IOException {
    var state = Files.createDirectories(work.resolve("runc-state"));
    // What an earlier run may have left: its container and its bundle.
    ExternalCommand.run(
        RUNC_TIMEOUT, List.of("runc", "--root", state.toString(), "delete", "--force", id));
    var bundle = work.resolve(id + "-bundle");
    deleteRecursively(bundle);
    Files.createDirectories(bundle);
    image.unpack(bundle.resolve("rootfs"));
    runc(state, "spec", "--bundle", bundle.toString());
    var spec = (ObjectNode) JSON.readTree(bundle.resolve("config.json").toFile());
    var config = image.containerConfig();

    var processNode = (ObjectNode) spec.get("process");
    processNode.put("terminal", false);
    var argv = processNode.putArray("args");
    @SuppressWarnings("unchecked")
    var entrypoint = (List<String>) config.get("Entrypoint");
    entrypoint.forEach(argv::add);
    args.forEach(argv::add);
    var envNode = processNode.putArray("env");
    @SuppressWarnings("unchecked")
    var imageEnv = (List<String>) config.get("Env");
    imageEnv.stream()
        .filter(e -> !environment.containsKey(e.substring(0, e.indexOf('='))))
        .forEach(envNode::add);
    environment.forEach((k, v) -> envNode.add(k + "=" + v));
    processNode.put("cwd", (String) config.get("WorkingDir"));
    var user = ((String) config.get("User")).split(":");
    var userNode = processNode.putObject("user");
    userNode.put("uid", Integer.parseInt(user[0]));
    userNode.put("gid", Integer.parseInt(user[1]));

    var root = (ObjectNode) spec.get("root");
    root.put("path", "rootfs");
    root.put("readonly", true);

    var mountsNode = (ArrayNode) spec.get("mounts");
    var tmp = mountsNode.addObject();
    tmp.put("destination", "/tmp");
    tmp.put("type", "tmpfs");
    tmp.put("source", "tmpfs");
    tmp.putArray("options").add("nosuid").add("nodev").add("mode=1777");
    mounts.forEach(
        (destination, source) -> {
          var mount = mountsNode.addObject();
          mount.put("destination", destination);
          mount.put("type", "bind");
          mount.put("source", source.toAbsolutePath().toString());
          mount.putArray("options").add("rbind").add("ro");
        });

    // The host's network: the API servers and the management port are on loopback.
    var namespaces = (ArrayNode) spec.get("linux").get("namespaces");
    for (int i = namespaces.size() - 1; i >= 0; i--) {
      if ("network".equals(namespaces.get(i).get("type").asText())) {
        namespaces.remove(i);
      }
    }
    JSON.writerWithDefaultPrettyPrinter().writeValue(bundle.resolve("config.json").toFile(), spec);

    var process =
        env.startProcess(
            "runc-" + id,
            List.of("runc", "--root", state.toString(), "run", "--bundle", bundle.toString(), id));
    return new RuncContainer(id, state, process);
  }

  ManagedProcess process() {
    return process;
  }

  /** The container's first process as the host sees it, from {@code runc state}. */
  long pid() throws IOException {
    var state = JSON.readTree(runc(this.state, "state", id).output());
    return state.get("pid").asLong();
  }

  @Override
  public void close() {
    // runc forwards SIGTERM to the container's process: a graceful stop, as a kubelet does it.
    process.stop(Duration.ofSeconds(30));
    ExternalCommand.run(
        RUNC_TIMEOUT, List.of("runc", "--root", state.toString(), "delete", "--force", id));
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (var path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static ExternalCommand runc(Path state, String... args) {
    var command = new ArrayList<String>();
    command.add("runc");
    if (!"spec".equals(args[0])) {
      command.addAll(List.of("--root", state.toString()));
    }
    command.addAll(List.of(args));
    return ExternalCommand.run(RUNC_TIMEOUT, command).requireSuccess();
  }
}
