/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void takesKubectlFlagsBeforeTheCommand() {
    assertThat(Main.commandFirst("--kubeconfig", "k", "-n", "where", "where", "-o", "json"))
        .containsExactly("where", "--kubeconfig", "k", "-n", "where", "-o", "json");
    assertThat(Main.commandFirst("--context=wds1", "explain", "cm/x"))
        .containsExactly("explain", "--context=wds1", "cm/x");
  }

  @Test
  void leavesCommandLinesThatStartWithTheCommandAlone() {
    assertThat(Main.commandFirst("where", "explain")).containsExactly("where", "explain");
    assertThat(Main.commandFirst("--help")).containsExactly("--help");
  }

  @Test
  void refusesUnknownOptionsAsBadUsage() {
    assertThat(Main.run("where", "--no-such-flag")).isEqualTo(2);
  }

  @Test
  void everyCommandsHelpSaysWhatItDoes() {
    var main = Main.commandLine();
    assertThat(main.getUsageMessage())
        .contains("Answers about KubeStellar delivery", "Exit codes: 0 success");
    var commands = main.getSubcommands();
    assertThat(commands.get("explain").getUsageMessage())
        .contains("For every BindingPolicy and every cluster");
    assertThat(commands.get("preview").getUsageMessage()).contains("Dry run of a BindingPolicy");
    assertThat(commands.get("where").getUsageMessage())
        .contains("Objects × clusters: each cell says");
    assertThat(commands.get("diff").getUsageMessage()).contains("Unified diff of the object");
    assertThat(commands.get("console").getUsageMessage())
        .contains("Serves the read-only web console");
  }
}
