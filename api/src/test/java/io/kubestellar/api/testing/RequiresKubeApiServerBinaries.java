/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Put this above {@code @EnableKubeAPIServer}: it runs {@link KubeApiServerBinaries} first, which
 * fails the class with instructions when the locally built binaries are missing (no download, no
 * skip).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KubeApiServerBinaries.class)
public @interface RequiresKubeApiServerBinaries {}
