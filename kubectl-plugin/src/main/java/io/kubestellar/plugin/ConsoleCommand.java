/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code console}: the read-only web console on localhost (D17). */
@Command(name = "console", mixinStandardHelpOptions = true)
final class ConsoleCommand extends PluginCommand implements Callable<Integer> {

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
      var out = out();
      out.println("console: http://" + address + ":" + server.port() + "/");
      out.flush();
      stopped.await();
    }
    return 0;
  }
}
