#!/usr/bin/env bash
# Runs a benchmark command and prints its figures. Benchmarks measure; tests assert.
#
#   hack/bench.sh list                 the benchmarks there are
#   hack/bench.sh <name> [--help|...]  e.g. hack/bench.sh binding --objects 1000 --clusters 10
#
# Each benchmark starts what it needs on the local multi-cluster environment (real API servers).
set -euo pipefail
cd "$(dirname "$0")/.."

hack/build-tools.sh >/dev/null
name=${1:-list}
modules=test/e2e
# The where benchmark runs the kubectl plugin through its launcher, which needs the plugin's jar.
if [[ "$name" == "where" ]]; then
  modules=test/e2e,kubectl-plugin
fi
echo "[bench] building the components and the benchmark jar"
mvn -q -B -ntp -pl "$modules" -am package -DskipTests -Dspotless.check.skip=true
jar=$(ls test/e2e/target/e2e-*-runnable.jar | head -n 1)
shift || true
if [[ "$name" == "list" ]]; then
  unzip -l "$jar" 'io/kubestellar/bench/*Benchmark.class' | awk '/Benchmark.class/ {print $4}' \
    | sed 's#io/kubestellar/bench/##; s#Benchmark.class##' | tr 'A-Z' 'a-z'
  exit 0
fi
class="io.kubestellar.bench.$(tr '[:lower:]' '[:upper:]' <<<"${name:0:1}")${name:1}Benchmark"
exec java -cp "$jar" "$class" "$@"
