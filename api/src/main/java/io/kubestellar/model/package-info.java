/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Plain value types the binaries' pure models share (no Kubernetes client, no wire classes), so
 * that each binary's {@code model/} may use them.
 */
package io.kubestellar.model;
