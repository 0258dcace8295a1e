/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Read-only clients of the WDS, the ITS and the WECs, opened from kubeconfig contexts on first use.
 */
final class Spaces implements AutoCloseable {

  static final KubernetesSerialization JSON = new KubernetesSerialization();

  private final SpaceOptions options;
  private final List<Path> files;
  private final Map<String, KubernetesClient> clients = new LinkedHashMap<>();

  Spaces(SpaceOptions options) {
    this.options = options;
    var list = options.kubeconfig != null ? options.kubeconfig : System.getenv("KUBECONFIG");
    var paths = new ArrayList<Path>();
    if (list == null || list.isBlank()) {
      paths.add(Path.of(System.getProperty("user.home"), ".kube", "config"));
    } else {
      for (var part : list.split(":")) {
        if (!part.isBlank()) {
          paths.add(Path.of(part));
        }
      }
    }
    this.files = paths;
  }

  SpaceOptions options() {
    return options;
  }

  KubernetesClient wds() {
    return client(options.wds(), "--wds-context");
  }

  KubernetesClient its() {
    return client(options.itsContext, "--its-context");
  }

  KubernetesClient wec(String cluster) {
    return client(options.wec(cluster), "--wec-context " + cluster + "=CONTEXT");
  }

  private synchronized KubernetesClient client(String context, String flag) {
    var client = clients.get(context);
    if (client == null) {
      var config = config(context, flag);
      Timing.mark("config " + context);
      client = new KubernetesClientBuilder().withConfig(config).build();
      clients.put(context, client);
      Timing.mark("client " + context);
    }
    return client;
  }

  private Config config(String context, String flag) {
    var named =
        Pattern.compile("(?m)^\\s*-?\\s*name:\\s*\"?" + Pattern.quote(context) + "\"?\\s*$");
    for (var file : files) {
      if (!Files.isRegularFile(file)) {
        continue;
      }
      try {
        var text = Files.readString(file);
        if (named.matcher(text).find()) {
          var config = Config.fromKubeconfig(context, text, file.toString());
          if (config.getMasterUrl() != null) {
            config.setRequestTimeout(10_000);
            return config;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read kubeconfig " + file + ": " + e.getMessage(), e);
      } catch (RuntimeException notThisFile) {
        // A file naming the context elsewhere (a user or cluster of that name) is not the one.
      }
    }
    throw new UserError(
        "no context '"
            + context
            + "' in kubeconfig "
            + files
            + "; set "
            + flag
            + " or --kubeconfig");
  }

  @Override
  public void close() {
    clients.values().forEach(KubernetesClient::close);
  }
}
