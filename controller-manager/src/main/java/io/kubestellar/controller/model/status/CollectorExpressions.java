/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The CEL environment of StatusCollector expressions and a cache of compiled programs, keyed by
 * expression text.
 *
 * <p>The environment holds the standard library and standard macros only, and exactly the four
 * variables {@code obj}, {@code returned}, {@code propagation} ({@code map(string, dyn)}) and
 * {@code inventory} ({@code map(string, string)}). Numbers compare across int/uint/double as in
 * cel-go. Thread-safe: programs are immutable and may be evaluated concurrently.
 */
public final class CollectorExpressions {

  /** The variable names declared in the environment. */
  public static final String OBJ = "obj";

  public static final String RETURNED = "returned";
  public static final String INVENTORY = "inventory";
  public static final String PROPAGATION = "propagation";

  /** Prefix of every runtime error text, as upstream writes it into rows and rowErrors. */
  public static final String EVALUATION_ERROR_PREFIX = "failed to evaluate expression: ";

  // Upper bound on cached programs; collectors change rarely, so simply start over when exceeded.
  private static final int MAX_CACHED = 4096;

  private static final Pattern LOCATION_PREFIX =
      Pattern.compile("^evaluation error at <input>:\\d+: ");
  private static final Pattern MISSING_KEY =
      Pattern.compile("^key '(.*)' is not present in map\\.$", Pattern.DOTALL);

  private final Cel cel;
  private final Map<String, Compiled> cache = new ConcurrentHashMap<>();

  public CollectorExpressions() {
    var options =
        CelOptions.current()
            .evaluateCanonicalTypesToNativeValues(true)
            .enableHeterogeneousNumericComparisons(true)
            .enableTimestampEpoch(true)
            .build();
    var dynMap = MapType.create(SimpleType.STRING, SimpleType.DYN);
    this.cel =
        CelFactory.standardCelBuilder()
            .setOptions(options)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar(OBJ, dynMap)
            .addVar(RETURNED, dynMap)
            .addVar(PROPAGATION, dynMap)
            .addVar(INVENTORY, MapType.create(SimpleType.STRING, SimpleType.STRING))
            .build();
  }

  /** The outcome of compiling one expression. */
  public sealed interface Compiled permits Program, Invalid {}

  /** A parsed and checked expression, ready to evaluate. */
  public record Program(String expression, CelRuntime.Program program) implements Compiled {

    /**
     * Evaluates against the given variables.
     *
     * @throws EvaluationFailure with upstream's message form when CEL reports an error
     */
    public Object evaluate(Map<String, ?> variables) throws EvaluationFailure {
      try {
        return program.eval(variables);
      } catch (CelEvaluationException e) {
        throw new EvaluationFailure(EVALUATION_ERROR_PREFIX + describe(e));
      } catch (RuntimeException e) {
        // CEL-Java surfaces a few problems as unchecked exceptions; they are still row errors.
        throw new EvaluationFailure(
            EVALUATION_ERROR_PREFIX
                + ("/ by zero".equals(e.getMessage()) ? "division by zero" : e.getMessage()));
      }
    }
  }

  /**
   * An expression that does not parse or type-check.
   *
   * @param message {@code failed to parse expression: ...} or {@code failed to check expression:
   *     ...}
   */
  public record Invalid(String message) implements Compiled {}

  /** A runtime error, with the full text a row error or cell shows. */
  public static final class EvaluationFailure extends Exception {
    public EvaluationFailure(String message) {
      super(message);
    }
  }

  /** Parses and checks {@code expression}, reusing an earlier result for the same text. */
  public Compiled compile(String expression) {
    var cached = cache.get(expression);
    if (cached != null) {
      return cached;
    }
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    var compiled = compileUncached(expression);
    cache.put(expression, compiled);
    return compiled;
  }

  /** How many compiled expressions are cached (for tests and metrics). */
  public int cachedCount() {
    return cache.size();
  }

  private Compiled compileUncached(String expression) {
    var parsed = cel.parse(expression);
    if (parsed.hasError()) {
      return new Invalid("failed to parse expression: " + parsed.getErrorString());
    }
    try {
      var checked = cel.check(parsed.getAst());
      if (checked.hasError()) {
        return new Invalid("failed to check expression: " + checked.getErrorString());
      }
      return new Program(expression, cel.createProgram(checked.getAst()));
    } catch (dev.cel.common.CelValidationException | CelEvaluationException e) {
      return new Invalid("failed to check expression: " + e.getMessage());
    }
  }

  /**
   * Turns a CEL-Java error into the text cel-go would show where the two libraries are known to
   * differ only in wording (a missing map key), and drops CEL-Java's character-offset prefix.
   */
  static String describe(CelEvaluationException e) {
    var message = String.valueOf(e.getMessage());
    message = LOCATION_PREFIX.matcher(message).replaceFirst("");
    var missingKey = MISSING_KEY.matcher(message);
    if (missingKey.matches()) {
      return "no such key: " + missingKey.group(1);
    }
    // CEL-Java passes on Java's own text for an integer division or modulus by zero.
    if (message.equals("/ by zero")) {
      return "division by zero";
    }
    return message;
  }
}
