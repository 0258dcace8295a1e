/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.support.AnnotationConsumer;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * Runs a {@code @ParameterizedTest} once per row of a YAML table, {@code
 * src/test/resources/<TestClass>/<value>.yaml}: a list of rows, each a list of arguments. YAML's
 * double-quoted strings spell tabs, newlines and other characters the way Java does; a string comes
 * as a {@code String}, a whole number as an {@code int}, a list as a {@code List<String>}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ArgumentsSource(GoldenTableSource.Provider.class)
public @interface GoldenTableSource {

  /** The table's file name without {@code .yaml}. */
  String value();

  /** Reads the table named by the annotation, next to the test class's golden cases. */
  final class Provider implements ArgumentsProvider, AnnotationConsumer<GoldenTableSource> {
    private String table;

    @Override
    public void accept(GoldenTableSource source) {
      table = source.value();
    }

    @Override
    public Stream<? extends Arguments> provideArguments(
        ParameterDeclarations parameters, ExtensionContext context) {
      var testClass = context.getRequiredTestClass();
      var resource = "/" + testClass.getSimpleName() + "/" + table + ".yaml";
      try (var in = testClass.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("no table " + resource);
        }
        var rows = GoldenCases.YAML.readTree(in);
        return StreamSupport.stream(rows.spliterator(), false)
            .map(row -> Arguments.of(values(row)))
            .toList()
            .stream();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static Object[] values(JsonNode row) {
      var values = new ArrayList<Object>();
      row.forEach(cell -> values.add(value(cell)));
      return values.toArray();
    }

    private static Object value(JsonNode cell) {
      if (cell.isArray()) {
        var list = new ArrayList<String>();
        cell.forEach(e -> list.add(e.textValue()));
        return List.copyOf(list);
      }
      if (cell.isInt()) {
        return cell.intValue();
      }
      if (cell.isTextual()) {
        return cell.textValue();
      }
      throw new IllegalArgumentException("not a string, whole number or list: " + cell);
    }
  }
}
