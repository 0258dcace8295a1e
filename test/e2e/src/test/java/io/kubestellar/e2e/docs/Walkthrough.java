/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The runnable steps of one documentation page: every {@code ```bash} block, with the texts its
 * {@code # expect: <text>} lines require in the block's output. Blocks fenced otherwise ({@code
 * shell}, {@code text}, {@code yaml}) are for reading only.
 */
record Walkthrough(Path page, List<Walkthrough.Step> steps) {

  /** One block: where it starts (1-based line of the fence), its script and expectations. */
  record Step(int line, String script, List<String> expects) {}

  private static final Pattern EXPECT = Pattern.compile("^\\s*# expect: (.+?)\\s*$");

  static Walkthrough parse(Path page) {
    List<String> lines;
    try {
      lines = Files.readAllLines(page);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + page, e);
    }
    var steps = new ArrayList<Step>();
    StringBuilder script = null;
    List<String> expects = null;
    int start = 0;
    for (int i = 0; i < lines.size(); i++) {
      var line = lines.get(i);
      if (script == null) {
        if (line.strip().equals("```bash")) {
          script = new StringBuilder();
          expects = new ArrayList<>();
          start = i + 1;
        }
      } else if (line.strip().equals("```")) {
        steps.add(new Step(start, script.toString(), List.copyOf(expects)));
        script = null;
      } else {
        script.append(line).append('\n');
        var expect = EXPECT.matcher(line);
        if (expect.matches()) {
          expects.add(expect.group(1));
        }
      }
    }
    if (script != null) {
      throw new IllegalArgumentException(page + ":" + start + ": unclosed ```bash block");
    }
    return new Walkthrough(page, List.copyOf(steps));
  }
}
