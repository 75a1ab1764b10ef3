#!/usr/bin/env bash
# Prepares $PKG (default .device/pkg, ignored by git) for bench/h200.sh on a GPU machine that has
# no Node and no Vulkan loader: the GPU benchmark bundled into one ES module (esbuild; shaders
# inlined, `webgpu` left external), the `webgpu` package's index.js with dawn.node (xz), this
# machine's node binary (xz), and Debian's Vulkan loader and GL dispatch libraries (.deb).
# Run here, in the repository root, after npm ci. Never commit $PKG.
set -eu
PKG=${PKG:-.device/pkg}
mkdir -p "$PKG/debs" "$PKG/node_modules/webgpu/dist/linux-x64"
node_modules/.bin/esbuild bench/gpu.bench.ts --bundle --platform=node --format=esm \
  --target=node20 --loader:.wgsl=text --external:webgpu --outfile="$PKG/gpu-bench.mjs"
node_modules/.bin/esbuild bench/gpu-diag.ts --bundle --platform=node --format=esm \
  --target=node20 --loader:.wgsl=text --external:webgpu --outfile="$PKG/gpu-diag.mjs"
cp node_modules/webgpu/index.js node_modules/webgpu/package.json "$PKG/node_modules/webgpu/"
xz -T0 -6 -c node_modules/webgpu/dist/linux-x64/dawn.node \
  >"$PKG/node_modules/webgpu/dist/linux-x64/dawn.node.xz"
xz -T0 -6 -c "$(command -v node)" >"$PKG/node.xz"
(cd "$PKG/debs" && apt-get download libvulkan1 libegl1 libglvnd0 libopengl0 libgl1 libglx0 libgles2)
du -sh "$PKG"
