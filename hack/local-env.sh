#!/usr/bin/env bash
# Brings the local multi-cluster environment up or down, for people:
#
#   hack/local-env.sh up [--wec cluster1,cluster2] [--wec-label cluster1:environment=production]
#   hack/local-env.sh status
#   hack/local-env.sh down [--keep-data]
#
# Everything lives in ./.local-env (kubeconfig, logs, etcd data); --run-dir DIR picks another place.
set -euo pipefail
cd "$(dirname "$0")/.."

hack/build-tools.sh
jar=$(ls test/local-env/target/local-env-*-runnable.jar 2>/dev/null | head -n 1 || true)
if [[ -z "$jar" || -n "$(find test/local-env/src runtime/src -newer "$jar" -type f 2>/dev/null | head -n 1)" ]]; then
  echo "[local-env] building the launcher"
  mvn -q -B -pl test/local-env -am package -DskipTests -Dspotless.check.skip=true
  jar=$(ls test/local-env/target/local-env-*-runnable.jar | head -n 1)
fi
exec java -jar "$jar" "$@"
