#!/usr/bin/env bash
# The project's test command: builds the real Kubernetes/OCM components when the cache lacks them,
# then runs every unit, integration and end-to-end test of the Maven reactor, with the container
# images built (profile images) from a local base image.
set -euo pipefail
cd "$(dirname "$0")/.."

hack/build-tools.sh
# Headless Chromium and chromium-driver for the console's browser test (Debian packages, once).
hack/install-browser.sh
# The images are built from a local base (no registry needed) and checked by ImageContentIT;
# ImageRunIT runs one under runc.
BASE_IMAGE="$(hack/build-base-image.sh)"
hack/install-runc.sh
echo "[test] running the Maven reactor: unit tests, integration tests on real API servers, e2e"
exec mvn -B -ntp verify -Pimages "-Dimage.base=tar://$BASE_IMAGE" "$@"
