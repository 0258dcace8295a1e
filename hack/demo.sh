#!/usr/bin/env bash
# The main job: a local multi-cluster KubeStellar demo on real Kubernetes and OCM processes.
#
#   hack/demo.sh          build what is missing, start the environment, print how to reach it
#   hack/demo.sh down     stop everything the demo started
#
# The environment lives in ./.local-env (kubeconfig, logs, data).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == "down" ]]; then
  exec hack/local-env.sh down
fi
echo "[demo] step 1/2: real Kubernetes and OCM components (built once into the cache)"
hack/build-tools.sh
echo "[demo] step 2/2: starting the local environment (WDS wds1, ITS its1, WECs cluster1 and cluster2)"
exec hack/local-env.sh up --wec cluster1,cluster2 \
  --wec-label cluster1:environment=production --wec-label cluster2:environment=production
