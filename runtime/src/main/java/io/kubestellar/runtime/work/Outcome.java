/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime.work;

import java.time.Duration;

/** What a handler of {@link KeyedWorkers} asks for after handling a key. */
public sealed interface Outcome {

  /** Done until the next change of the key. */
  Outcome DONE = new Done();

  /** Failed: retry after the key's next backoff. */
  Outcome FAILED = new Failed();

  /** Done until the next change of the key. */
  record Done() implements Outcome {}

  /** Not a failure, but look again after this delay (e.g. a cache is still syncing). */
  record Again(Duration after) implements Outcome {}

  /** Failed: retry after the key's next backoff. */
  record Failed() implements Outcome {}
}
