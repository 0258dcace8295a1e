/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code console}: the read-only web console on localhost (D17). */
@Command(
    name = "console",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the read-only web console: policies and their conditions, the objects × clusters"
          + " matrix of where (filterable by namespace, policy and state), and for each cell the"
          + " explain answer and the diff. The page refreshes itself from watches. Stop with Ctrl-C."
    })
final class ConsoleCommand implements Callable<Integer> {

  @Mixin SpaceOptions options;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--address",
      defaultValue = "127.0.0.1",
      description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only).")
  String address;

  @Option(
      names = "--port",
      defaultValue = "8090",
      description = "Port to listen on; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
  int port;

  @Override
  public Integer call() throws Exception {
    var stopped = new CountDownLatch(1);
    try (var spaces = new Spaces(options);
        var server = new ConsoleServer(spaces, address, port)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      var out = spec.commandLine().getOut();
      out.println("console: http://" + address + ":" + server.port() + "/");
      out.flush();
      stopped.await();
    }
    return 0;
  }
}
