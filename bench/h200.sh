#!/usr/bin/env bash
# One side-by-side run on the GPU machine (issue F): our WGSL kernels through Dawn, then the
# PyTorch peers, on the same GPU in the same call. Results go to $OUT (default ./h200-out):
# ours.json/.log, torch.json/.log, diag.json/.log (bench/gpu-diag.ts), nvidia-smi.csv and
# clocks.csv (SM clock every 250 ms); bench/h200-merge.ts turns them into bench/h200.json. The machine has no Node, no Vulkan loader and no network, so everything comes
# in the folder $PKG (default .device/pkg, made by bench/h200-pack.sh): the benchmark bundled into
# one file, a node binary and dawn.node (xz), and Debian's Vulkan loader + GL dispatch .debs.
# Usage there: bash bench/h200.sh   (as root: the .debs unpack into /); `bash bench/h200.sh diag`
# runs only bench/gpu-diag.ts (Dawn's defaults, then without robustness and workgroup init),
# `bash bench/h200.sh fft` only our fft rows (gpu.bench.ts --only fft: the one-row pass and the
# four-step side by side, then gpu-diag.ts --fft: their variants); `fft-diag` only the latter.
# ONLY=s4d,fft bash bench/h200.sh: the side-by-side run for those kernels alone (ours and the
# PyTorch peers, no diagnostics).
set -u
OUT=${OUT:-$PWD/h200-out}
PKG=${PKG:-.device/pkg}
mkdir -p "$OUT"
for f in "$PKG"/debs/*.deb; do dpkg -x "$f" /; done
ldconfig
unpack() { # FILE: decompress FILE.xz next to it (xz, or Python's lzma where xz is missing)
  [ -f "$1" ] && return
  xz -dk "$1.xz" 2>/dev/null ||
    python3 -c 'import lzma,shutil,sys; shutil.copyfileobj(lzma.open(sys.argv[1] + ".xz"), open(sys.argv[1], "wb"))' "$1"
}
unpack "$PKG/node" && chmod +x "$PKG/node"
unpack "$PKG/node_modules/webgpu/dist/linux-x64/dawn.node"
export VK_DRIVER_FILES=${VK_DRIVER_FILES:-/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json}
export __EGL_VENDOR_LIBRARY_FILENAMES=${__EGL_VENDOR_LIBRARY_FILENAMES:-/usr/local/nvidia/share/glvnd/egl_vendor.d/10_nvidia.json}
q='name,driver_version,clocks.sm,clocks.mem,temperature.gpu,power.draw'
nvidia-smi --query-gpu=$q --format=csv >"$OUT/nvidia-smi.csv" 2>&1
if [ "${1:-}" = fft ] || [ "${1:-}" = fft-diag ]; then # our fft rows only
  [ "$1" = fft ] &&
    timeout 300 "$PKG/node" "$PKG/gpu-bench.mjs" --only fft --out "$OUT/fft.json" 2>&1 | tee "$OUT/fft.log"
  timeout 200 "$PKG/node" "$PKG/gpu-diag.mjs" --fft --out "$OUT/fft-diag.json" 2>&1 | tee "$OUT/fft-diag.log"
  exit 0
fi
if [ "${1:-}" = diag ]; then
  timeout 200 "$PKG/node" "$PKG/gpu-diag.mjs" --out "$OUT/diag.json" 2>&1 | tee "$OUT/diag.log"
  timeout 200 "$PKG/node" "$PKG/gpu-diag.mjs" --toggles disable_robustness,disable_workgroup_init \
    --out "$OUT/diag-unsafe.json" 2>&1 | tee "$OUT/diag-unsafe.log"
  exit 0
fi
nvidia-smi --query-gpu=timestamp,clocks.sm,clocks.mem,power.draw,utilization.gpu \
  --format=csv,noheader -lms 250 >"$OUT/clocks.csv" 2>&1 &
SMI=$!
echo "== ours (WGSL on Dawn) =="
timeout "${OURS_TIMEOUT:-280}" "$PKG/node" "$PKG/gpu-bench.mjs" ${ONLY:+--only "$ONLY"} \
  --out "$OUT/ours.json" 2>&1 | tee "$OUT/ours.log"
echo "== PyTorch peers =="
PYTHONUNBUFFERED=1 timeout "${TORCH_TIMEOUT:-250}" python3 bench/peers/run_all.py --compile \
  ${ONLY:+--only "$ONLY"} --out "$OUT/torch.json" 2>&1 >/dev/null | tee "$OUT/torch.log"
if [ -z "${ONLY:-}" ]; then
  echo "== diagnostics =="
  timeout "${DIAG_TIMEOUT:-100}" "$PKG/node" "$PKG/gpu-diag.mjs" --out "$OUT/diag.json" >"$OUT/diag.log" 2>&1
fi
kill "$SMI"
nvidia-smi --query-gpu=$q --format=csv,noheader >>"$OUT/nvidia-smi.csv" 2>&1
echo "== done =="
grep -E '^(adapter|copy|kernel|s4d|dplr|rtf|fft|causal|scan|FAILED)' "$OUT/ours.log"
grep -E 'ms  err|FAILED' "$OUT/torch.log"
