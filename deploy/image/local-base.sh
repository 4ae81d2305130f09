#!/usr/bin/env bash
# Builds a base image for the karaul image from this machine's own JDK, for machines that reach no container
# registry: a jlink runtime of the local JDK 17 at /opt/java/openjdk, the shared libraries it links against, /tmp, and
# java on the PATH, written as a `docker save` tarball that Jib takes as -Dimage.base=tar://PATH.
#   deploy/image/local-base.sh [OUT.tar]     (default deploy/target/local-base.tar)
#   ./mvnw -Pimage -pl deploy -am package -Dimage.base=tar://$PWD/deploy/target/local-base.tar
# Not a replacement for the Temurin base (no CA certificates update, no shell, no package manager): it exists to
# build and smoke-test the image offline.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$here/target/local-base.tar}"
jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/root"
mkdir -p "$root/opt/java" "$root/tmp" "$root/etc"
chmod 1777 "$root/tmp"
"$jdk/bin/jlink" --module-path "$jdk/jmods" --add-modules ALL-MODULE-PATH --strip-debug --no-header-files \
  --no-man-pages --compress=2 --output "$root/opt/java/openjdk"
# every shared library the runtime loads, with the dynamic loader, at the same paths as here, and those the JNI
# libraries in the dependencies need (RocksDB: libpthread, libdl, librt, libstdc++, libgcc_s; zstd, snappy, lz4: libz)
{ ldd "$root/opt/java/openjdk/bin/java"; find "$root/opt/java/openjdk/lib" -name '*.so' -exec ldd {} \; 2>/dev/null
  for lib in libpthread.so.0 libdl.so.2 librt.so.1 libm.so.6 libstdc++.so.6 libgcc_s.so.1 libz.so.1; do
    ldconfig -p | grep -F "$lib (libc6,x86-64)" | sed 's/.*=> //'
  done; } \
  | grep -oE '/[^ ]+\.so[^ ]*' | sort -u | while read -r lib; do
    [ -e "$lib" ] || continue
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done
printf 'root:x:0:0:root:/root:/sbin/nologin\nkaraul:x:1000:0:karaul:/var/lib/karaul:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\n' > "$root/etc/group"
cp /etc/nsswitch.conf "$root/etc/" 2>/dev/null || true
tar -C "$root" --sort=name --owner=0 --group=0 --numeric-owner -cf "$work/layer.tar" .
diff_id="sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/bin:/bin","JAVA_HOME=/opt/java/openjdk"]},"rootfs":{"type":"layers","diff_ids":["$diff_id"]}}
JSON
printf '[{"Config":"config.json","RepoTags":["karaul-local-base:17"],"Layers":["layer.tar"]}]' > "$work/manifest.json"
mkdir -p "$(dirname "$out")"
tar -C "$work" -cf "$out" manifest.json config.json layer.tar
echo "$out ($(du -h "$out" | cut -f1)), $diff_id"
