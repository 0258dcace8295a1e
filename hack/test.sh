#!/usr/bin/env bash
# The project's test command: builds the real Kubernetes/OCM components when the cache lacks them,
# then runs every unit, integration and end-to-end test of the Maven reactor.
set -euo pipefail
cd "$(dirname "$0")/.."

hack/build-tools.sh
echo "[test] running the Maven reactor: unit tests, integration tests on real API servers, e2e"
exec mvn -B -ntp verify "$@"
