/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.badinput;

/**
 * One entry of the bad-input bank: what a user applies, and where the answer must appear.
 *
 * @param name a short DNS-label name; the valid policy applied with it is {@code ok-<name>}
 * @param where where the user finds the message, for the report and the docs table
 * @param yaml what the user applies to the WDS with kubectl (may be empty when {@code setup} does
 *     it all), after the valid policy and its ConfigMap in the same stream
 * @param setup anything applied another way before the stream (large objects, other spaces)
 * @param check the assertions on the message; retried until they pass
 */
record BadInput(String name, String where, String yaml, Setup setup, Check check) {

  /** Work done before the kubectl stream, with the bank's clients. */
  @FunctionalInterface
  interface Setup {
    void run(Bank bank) throws Exception;
  }

  /** Assertions on what the user sees; {@code rejection} is kubectl's output when it failed. */
  @FunctionalInterface
  interface Check {
    void run(Bank bank, String rejection) throws Exception;
  }

  static BadInput of(String name, String where, String yaml, Check check) {
    return new BadInput(name, where, yaml, b -> {}, check);
  }

  @Override
  public String toString() {
    return name;
  }
}
