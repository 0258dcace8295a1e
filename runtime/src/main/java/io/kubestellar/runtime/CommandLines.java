/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime;

import picocli.CommandLine;

/** Builds picocli command lines that all binaries configure alike. */
public final class CommandLines {

  private CommandLines() {}

  /**
   * A command line whose parse and validation errors (IllegalArgumentException from building the
   * configuration record) print one clear line and a pointer to --help, and give exit code 2.
   */
  public static CommandLine of(Object command) {
    var line = new CommandLine(command);
    line.setCaseInsensitiveEnumValuesAllowed(true);
    line.setParameterExceptionHandler(
        (exception, args) -> {
          var commandLine = exception.getCommandLine();
          commandLine
              .getErr()
              .println(commandLine.getCommandName() + ": " + exception.getMessage());
          commandLine
              .getErr()
              .println("Run '" + commandLine.getCommandName() + " --help' for the flags.");
          return commandLine.getCommandSpec().exitCodeOnInvalidInput();
        });
    line.setExecutionExceptionHandler(
        (exception, commandLine, parseResult) -> {
          if (exception instanceof IllegalArgumentException) {
            commandLine
                .getErr()
                .println(commandLine.getCommandName() + ": " + exception.getMessage());
            commandLine.usage(commandLine.getErr());
            return commandLine.getCommandSpec().exitCodeOnInvalidInput();
          }
          throw exception;
        });
    return line;
  }
}
