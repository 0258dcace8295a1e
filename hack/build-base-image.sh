#!/usr/bin/env bash
# Builds a local Java 17 base image without a container engine or registry: Debian's
# openjdk-17-jre-headless and the few libraries the JVM links (libc6, libgcc-s1, libstdc++6,
# zlib1g) unpacked into one root filesystem, written as an image tarball in the layout Jib reads
# for a `tar://` base image (manifest.json, config, one layer).
#
#   hack/build-base-image.sh          # prints the tarball's path; builds it when missing
#
# The images' real default base is eclipse-temurin:17-jre (property image.base); this one exists so
# that the image build and its checks run on machines without registry access (ImageContentIT):
#
#   mvn -Pimages package -Dimage.base=tar://$(hack/build-base-image.sh)
#
# Environment: KS_CACHE (default ~/.cache/kubestellar-java). Needs apt-get (Debian 12); runs
# `apt-get update` first when the package lists are missing and it is root.
set -euo pipefail

PACKAGES=(openjdk-17-jre-headless libc6 libgcc-s1 libstdc++6 zlib1g)
JAVA_HOME_IN_IMAGE=/usr/lib/jvm/java-17-openjdk-amd64
REPO_TAG=kubestellar-java/local-jre:17

CACHE="${KS_CACHE:-$HOME/.cache/kubestellar-java}"
OUT_DIR="$CACHE/images"
OUT="$OUT_DIR/local-jre17-base.tar"

log() { printf '[build-base-image] %s\n' "$*" >&2; }
die() { printf 'build-base-image: error: %s\n' "$*" >&2; exit 1; }

if [[ -s "$OUT" ]]; then
  echo "$OUT"
  exit 0
fi

command -v apt-get >/dev/null || die "apt-get not found: this script unpacks Debian packages"
mkdir -p "$OUT_DIR"
exec 9>"$OUT_DIR/.lock"
flock 9
if [[ -s "$OUT" ]]; then
  echo "$OUT"
  exit 0
fi

if ! apt-cache show "${PACKAGES[0]}" >/dev/null 2>&1; then
  [[ $(id -u) -eq 0 ]] || die "apt has no candidate for ${PACKAGES[0]}; run 'apt-get update' as root"
  log "apt-get update (package lists missing)"
  apt-get update -qq >&2
fi

WORK="$(mktemp -d "$OUT_DIR/build.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/debs" "$WORK/rootfs" "$WORK/image"

log "downloading ${PACKAGES[*]}"
(cd "$WORK/debs" && apt-get download -qq "${PACKAGES[@]}" >&2)
for deb in "$WORK"/debs/*.deb; do
  dpkg-deb -x "$deb" "$WORK/rootfs"
done

ROOTFS="$WORK/rootfs"
[[ -x "$ROOTFS$JAVA_HOME_IN_IMAGE/bin/java" ]] || die "no java in the unpacked JRE"
# Without ca-certificates-java the trust store link dangles; the components trust only the CAs
# given in their kubeconfigs, so an empty trust store would do, but a dangling link confuses tools.
rm -f "$ROOTFS$JAVA_HOME_IN_IMAGE/lib/security/cacerts"
# Documentation, manual pages and locales are not needed to run a JVM.
rm -rf "$ROOTFS/usr/share/doc" "$ROOTFS/usr/share/man" "$ROOTFS/usr/share/lintian" \
  "$ROOTFS/usr/share/locale"
# Mount points: a runtime cannot create them in a read-only root filesystem.
mkdir -p "$ROOTFS/tmp" "$ROOTFS/etc" "$ROOTFS/proc" "$ROOTFS/sys" "$ROOTFS/dev"
chmod 1777 "$ROOTFS/tmp"

log "writing the layer"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$ROOTFS" \
  -cf "$WORK/image/layer.tar" .
DIFF_ID="sha256:$(sha256sum "$WORK/image/layer.tar" | cut -d' ' -f1)"

cat >"$WORK/image/config.json" <<EOF
{
  "architecture": "amd64",
  "os": "linux",
  "config": {
    "Env": [
      "PATH=$JAVA_HOME_IN_IMAGE/bin:/usr/bin:/bin",
      "JAVA_HOME=$JAVA_HOME_IN_IMAGE"
    ],
    "Labels": {
      "io.kubestellar.base": "debian-openjdk-17-jre-headless"
    }
  },
  "rootfs": { "type": "layers", "diff_ids": ["$DIFF_ID"] },
  "history": [ { "created_by": "hack/build-base-image.sh: ${PACKAGES[*]}" } ]
}
EOF
cat >"$WORK/image/manifest.json" <<EOF
[ { "Config": "config.json", "RepoTags": ["$REPO_TAG"], "Layers": ["layer.tar"] } ]
EOF

tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$WORK/image" \
  -cf "$WORK/base.tar" manifest.json config.json layer.tar
mv "$WORK/base.tar" "$OUT"
log "built $OUT ($(du -h "$OUT" | cut -f1))"
echo "$OUT"
