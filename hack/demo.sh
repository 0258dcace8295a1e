#!/usr/bin/env bash
# The local multi-cluster KubeStellar demo: real Kubernetes and OCM processes, and the three
# KubeStellar components running as they would in pods (own process, own ServiceAccount token with
# the chart's RBAC).
#
#   hack/demo.sh                 build what is missing, start everything, apply examples/app-deployment/,
#                                print what landed where with its status; leaves it all running
#   hack/demo.sh status          the recorded processes and whether they run
#   hack/demo.sh stop NAME       stop one component (e.g. transport-controller); start NAME starts it again
#   hack/demo.sh down            stop everything the demo started and remove .local-env
#
# The environment lives in ./.local-env (kubeconfig, logs, data); DEMO_RUN_DIR picks another place.
# DEMO_SKIP_BUILD=1 skips building (tests run the demo right after the build); MAVEN_OFFLINE=1 builds
# with mvn -o.
set -euo pipefail
cd "$(dirname "$0")/.."

run_dir=${DEMO_RUN_DIR:-.local-env}
launcher() { ls test/local-env/target/local-env-*-runnable.jar 2>/dev/null | head -n 1 || true; }
# Runs the launcher from a private copy: a JVM loads classes lazily from its jar, and a rebuild in
# the checkout while the demo starts must not swap the jar underneath it.
run_launcher() {
  local jar copy rc
  jar=$(launcher)
  [[ -n "$jar" ]] || { echo "[demo] no launcher jar in test/local-env/target; run hack/demo.sh first" >&2; return 1; }
  copy=$(mktemp --suffix=.jar)
  cp "$jar" "$copy"
  set +e
  java -jar "$copy" "$@"
  rc=$?
  set -e
  rm -f "$copy"
  return $rc
}

case "${1:-}" in
  down|status)
    run_launcher "$1" --run-dir "$run_dir" "${@:2}"; exit $? ;;
  stop|start)
    run_launcher demo "$1" --run-dir "$run_dir" "${@:2}"; exit $? ;;
  up) shift ;;
  ""|--*) ;;
  *)
    sed -n '2,14p' "$0" >&2; exit 2 ;;
esac

started=$(date +%s)
build() {
  echo "[demo] step 0/4: tools: real Kubernetes and OCM components (built once into the cache)"
  hack/build-tools.sh

  # The runnable jars of the components and the launcher, rebuilt when any source is newer.
  modules=(controller-manager transport-controller status-addon test/local-env)
  stale=""
  for module in "${modules[@]}"; do
    jar=$(ls "$module"/target/*-runnable.jar 2>/dev/null | head -n 1 || true)
    if [[ -z "$jar" ]]; then
      stale="$stale $module(missing)"
    elif [[ -n "$(find api/src runtime/src "$module"/src pom.xml api/pom.xml runtime/pom.xml "$module"/pom.xml -newer "$jar" -type f 2>/dev/null | head -n 1)" ]]; then
      stale="$stale $module(sources changed)"
    fi
  done
  if [[ -n "$stale" ]]; then
    echo "[demo] step 0/4: building the runnable jars:$stale (mvn package -DskipTests; log in target/demo-build.log)"
    mkdir -p target
    list=$(IFS=,; echo "${modules[*]}")
    build_began=$(date +%s)
    set +e
    mvn -B ${MAVEN_OFFLINE:+-o} -pl "$list" -am package -DskipTests -Dspotless.check.skip=true \
        >target/demo-build.log 2>&1 &
    mvn_pid=$!
    last=""
    while kill -0 "$mvn_pid" 2>/dev/null; do
      line=$(grep -E '^\[INFO\] Building .+ \[[0-9]+/[0-9]+\]$' target/demo-build.log | tail -n 1 || true)
      if [[ -n "$line" && "$line" != "$last" ]]; then
        echo "[demo]   ${line#\[INFO\] } ($(( $(date +%s) - build_began ))s)"
        last=$line
      fi
      sleep 2
    done
    wait "$mvn_pid"; rc=$?
    set -e
    if [[ $rc -ne 0 ]]; then
      tail -n 40 target/demo-build.log >&2
      echo "[demo] the build failed; full log: target/demo-build.log" >&2
      exit 1
    fi
    echo "[demo]   jars built in $(( $(date +%s) - build_began ))s"
  else
    echo "[demo] step 0/4: runnable jars are up to date"
  fi
}

if [[ "${DEMO_SKIP_BUILD:-}" == 1 ]]; then
  echo "[demo] step 0/4: build skipped (DEMO_SKIP_BUILD=1)"
else
  build
fi

set +e
run_launcher demo --run-dir "$run_dir" "$@"
rc=$?
set -e
echo "[demo] wall time $(( $(date +%s) - started ))s"
exit $rc
