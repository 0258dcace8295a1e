/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts by lines (longest common subsequence), with three lines of context
 * around each change, as {@code diff -u} prints it.
 */
public final class UnifiedDiff {

  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /** The diff, or {@code ""} when the texts are equal. */
  public static String of(String fromLabel, String from, String toLabel, String to) {
    var a = from.lines().toList();
    var b = to.lines().toList();
    var edits = edits(a, b);
    if (edits.stream().allMatch(e -> e.op == ' ')) {
      return "";
    }
    var out = new StringBuilder();
    out.append("--- ").append(fromLabel).append('\n');
    out.append("+++ ").append(toLabel).append('\n');
    var changes = new ArrayList<Integer>();
    for (int i = 0; i < edits.size(); i++) {
      if (edits.get(i).op != ' ') {
        changes.add(i);
      }
    }
    int k = 0;
    while (k < changes.size()) {
      int last = k;
      // Changes closer than twice the context share one hunk.
      while (last + 1 < changes.size()
          && changes.get(last + 1) - changes.get(last) <= 2 * CONTEXT) {
        last++;
      }
      int first = Math.max(0, changes.get(k) - CONTEXT);
      int end = Math.min(edits.size(), changes.get(last) + CONTEXT + 1);
      appendHunk(out, edits.subList(first, end));
      k = last + 1;
    }
    return out.toString();
  }

  private static void appendHunk(StringBuilder out, List<Edit> hunk) {
    var first = hunk.get(0);
    int fromCount = (int) hunk.stream().filter(e -> e.op != '+').count();
    int toCount = (int) hunk.stream().filter(e -> e.op != '-').count();
    out.append("@@ -")
        .append(fromCount == 0 ? first.fromLine : first.fromLine + 1)
        .append(',')
        .append(fromCount)
        .append(" +")
        .append(toCount == 0 ? first.toLine : first.toLine + 1)
        .append(',')
        .append(toCount)
        .append(" @@\n");
    hunk.forEach(e -> out.append(e.op).append(e.text).append('\n'));
  }

  private record Edit(char op, String text, int fromLine, int toLine) {}

  private static List<Edit> edits(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    var lcs = new int[n + 1][m + 1];
    for (int x = n - 1; x >= 0; x--) {
      for (int y = m - 1; y >= 0; y--) {
        lcs[x][y] =
            a.get(x).equals(b.get(y))
                ? lcs[x + 1][y + 1] + 1
                : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
      }
    }
    var edits = new ArrayList<Edit>();
    int x = 0;
    int y = 0;
    while (x < n || y < m) {
      if (x < n && y < m && a.get(x).equals(b.get(y))) {
        edits.add(new Edit(' ', a.get(x), x++, y++));
      } else if (x < n && (y == m || lcs[x + 1][y] >= lcs[x][y + 1])) {
        edits.add(new Edit('-', a.get(x), x++, y));
      } else {
        edits.add(new Edit('+', b.get(y), x, y++));
      }
    }
    return edits;
  }
}
