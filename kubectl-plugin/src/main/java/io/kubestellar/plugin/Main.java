/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kubectl kubestellar} (alias {@code kubectl ks}): answers at a glance, read-only. */
@Command(
    name = "kubectl-kubestellar",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    resourceBundle = "io.kubestellar.plugin.Help",
    subcommands = {
      ExplainCommand.class,
      PreviewCommand.class,
      WhereCommand.class,
      DiffCommand.class,
      ConsoleCommand.class
    })
public final class Main {

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    Timing.mark("main");
    int code = run(args);
    Timing.report(System.err);
    System.exit(code);
  }

  private static final Set<String> COMMANDS =
      Set.of("explain", "preview", "where", "diff", "console");
  private static final Set<String> VALUED =
      Set.of(
          "--kubeconfig",
          "--context",
          "--wds-context",
          "--its-context",
          "--wec-context",
          "--wds-name",
          "-n",
          "--namespace",
          "-o",
          "--output");

  /**
   * kubectl takes flags before or after the command ({@code kubectl --context x get ...}); picocli
   * takes a command's options after it. The command name is therefore moved to the front.
   */
  static String[] commandFirst(String... args) {
    for (int i = 0; i < args.length; i++) {
      if (COMMANDS.contains(args[i])) {
        var reordered = new ArrayList<String>();
        reordered.add(args[i]);
        for (int j = 0; j < args.length; j++) {
          if (j != i) {
            reordered.add(args[j]);
          }
        }
        return reordered.toArray(String[]::new);
      }
      if (!args[i].startsWith("-")) {
        break;
      }
      if (VALUED.contains(args[i])) {
        i++;
      }
    }
    return args;
  }

  /** Runs the command line and returns its exit code. */
  public static int run(String... args) {
    return commandLine().execute(commandFirst(args));
  }

  /** The command line with its subcommands, help texts (bundle {@code Help}) and error handling. */
  static CommandLine commandLine() {
    var commandLine = new CommandLine(new Main());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(
        (e, cl, parsed) -> {
          var message =
              e instanceof UserError
                  ? e.getMessage()
                  : e instanceof KubernetesClientException k
                      ? "the API server refused or failed: " + k.getMessage()
                      : e.toString();
          cl.getErr().println("error: " + message);
          cl.getErr().flush();
          return cl.getCommandSpec().exitCodeOnExecutionException();
        });
    return commandLine;
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      var version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"kubectl-kubestellar " + (version == null ? "(development)" : version)};
    }
  }
}
