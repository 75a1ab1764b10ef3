/**
 * Merges one side-by-side run of bench/h200.sh (ours.json from bench/gpu.bench.ts, torch.json
 * from bench/peers/run_all.py, same GPU, same call) into bench/h200.json: per kernel our time,
 * the PyTorch times, the floors and the ratios the issue's targets are stated in; prints the
 * Markdown table of bench/README.md.
 * Run: npx tsx bench/h200-merge.ts OURS.json TORCH.json [--out bench/h200.json]
 *        [--diag DIAG.json DIAG-UNSAFE.json]  (bench/gpu-diag.ts output of `h200.sh diag`)
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface OurRow {
  kernel: string;
  size: Record<string, number>;
  ms: number;
  coldMs: number;
  passMs: number[];
  bytes: number;
  flops: number;
  flopModel: string;
  trafficBytes?: number;
  maxRelErr: number;
  [k: string]: unknown;
}

interface PeerRow {
  kernel: string;
  impl: string;
  ms?: number;
  maxRelErr?: number | string;
  error?: string;
  [k: string]: unknown;
}

/** H200 SXM float32 (non-tensor) rate from the datasheet, FLOP/s: the issue's FMA-bound model. */
const DATASHEET_FP32 = 66.9e12;

const [oursPath, torchPath] = process.argv.slice(2, 4);
if (!oursPath || !torchPath)
  throw new Error('usage: h200-merge.ts OURS.json TORCH.json [--out FILE]');
const diagIdx = process.argv.indexOf('--diag');
const diagPaths = diagIdx > 0 ? process.argv.slice(diagIdx + 1, diagIdx + 3) : [];
const outIdx = process.argv.indexOf('--out');
const outPath = outIdx > 0 ? process.argv[outIdx + 1]! : 'bench/h200.json';
const ours = JSON.parse(readFileSync(oursPath, 'utf8')) as {
  copy: { GBps: number };
  fma: { GFLOPs: number };
  kernels: OurRow[];
  [k: string]: unknown;
};
// (older peer files hold Python's bare Infinity / NaN, which JSON lacks)
const torchText = readFileSync(torchPath, 'utf8').replace(/: (-?Infinity|NaN)\b/g, ': "$1"');
const torch = JSON.parse(torchText) as {
  copy: { GBps: number };
  kernels: PeerRow[];
  [k: string]: unknown;
};

const copyGBps = Math.max(ours.copy.GBps, torch.copy.GBps);
const r3 = (x: number): number => +x.toPrecision(3);

const kernels = ours.kernels.map((o) => {
  const peers = torch.kernels
    .filter((p) => p.kernel === o.kernel && typeof p.ms === 'number')
    .map((p) => ({
      impl: p.impl,
      ms: r3(p.ms!),
      maxRelErr: typeof p.maxRelErr === 'number' ? p.maxRelErr : String(p.maxRelErr),
      xOurs: r3(p.ms! / o.ms),
    }));
  const fastest = peers.reduce<(typeof peers)[number] | undefined>(
    (best, p) => (best === undefined || p.ms < best.ms ? p : best),
    undefined,
  );
  const byteFloorMs = o.bytes / copyGBps / 1e6;
  const fmaFloorMs = (o.flops / DATASHEET_FP32) * 1e3;
  const fmaLoopFloorMs = o.flops / ours.fma.GFLOPs / 1e6;
  return {
    kernel: o.kernel,
    size: o.size,
    oursMs: o.ms,
    oursColdMs: o.coldMs,
    oursPassMs: o.passMs,
    oursMaxRelErr: o.maxRelErr,
    peers,
    fastestPeer: fastest?.impl ?? null,
    /** fastest PyTorch time / ours: > 1 means ours is faster. */
    speedupVsFastestPeer: fastest ? r3(fastest.ms / o.ms) : null,
    bytes: o.bytes,
    flops: o.flops,
    flopModel: o.flopModel,
    byteFloorMs: r3(byteFloorMs),
    fmaFloorMs: r3(fmaFloorMs),
    fmaLoopFloorMs: r3(fmaLoopFloorMs),
    floorMs: r3(Math.max(byteFloorMs, fmaFloorMs)),
    xFloor: r3(o.ms / Math.max(byteFloorMs, fmaFloorMs)),
    xByteFloor: r3(o.ms / byteFloorMs),
    ...(o.trafficBytes
      ? { trafficBytes: o.trafficBytes, trafficTBps: r3(o.trafficBytes / o.ms / 1e9) }
      : {}),
  };
});

const find = (name: string): (typeof kernels)[number] | undefined =>
  kernels.find((k) => k.kernel === name);
const s4d = find('s4dKernels');
const rtf16 = find('rtfKernels n=16');
const rtf1024 = find('rtfKernels n=1024');
const targets = {
  everyKernelAtLeastAsFastAsPyTorch: Object.fromEntries(
    // Our kernels as the lab calls them: not the variants and diagnostics timed beside them,
    // which have no peer of their own.
    kernels
      .filter((k) => k.peers.length > 0)
      .map((k) => [k.kernel, k.speedupVsFastestPeer !== null && k.speedupVsFastestPeer >= 1]),
  ),
  s4dVsEager:
    s4d && r3((s4d.peers.find((p) => p.impl.includes('eager'))?.ms ?? Number.NaN) / s4d.oursMs),
  s4dVsFmaFloor: s4d && {
    xDatasheetFmaFloor: r3(s4d.oursMs / s4d.fmaFloorMs),
    issueTargetMs: 0.13,
  },
  rtfFlatInN: rtf16 && rtf1024 && r3(rtf1024.oursMs / rtf16.oursMs),
  fftXByteFloor: find('fft')?.xByteFloor,
  causalConvXByteFloor: find('causalConv')?.xByteFloor,
};

const report = {
  what: 'Issue F: SSM Lab WGSL kernels (Dawn, Vulkan) vs PyTorch on one NVIDIA H200, one run, side by side',
  ceilings: {
    copyGBps: r3(copyGBps),
    copyWgslGBps: r3(ours.copy.GBps),
    copyTorchGBps: r3(torch.copy.GBps),
    fp32DatasheetGFLOPs: DATASHEET_FP32 / 1e9,
    fp32FmaLoopGFLOPs: r3(ours.fma.GFLOPs),
  },
  floors:
    'byteFloorMs = bytes (inputs once + output once) / copyGBps; fmaFloorMs = flops (flopModel) / datasheet fp32 rate; floorMs = the larger',
  timing: {
    ours: ours.timing,
    torch: torch.what,
  },
  targets,
  kernels,
  diagnostics: diagPaths.map((p) => JSON.parse(readFileSync(p, 'utf8')) as unknown),
  raw: { ours, torch },
};
writeFileSync(outPath, `${JSON.stringify(report, null, 2)}\n`);

const f = (x: number | null | undefined): string =>
  x === null || x === undefined
    ? '–'
    : x >= 100
      ? x.toFixed(0)
      : x >= 10
        ? x.toFixed(1)
        : x.toPrecision(3);
console.log(
  '| kernel | ours ms | PyTorch ms (fastest) | PyTorch ÷ ours | floor ms | ours ÷ floor |',
);
console.log('|---|---:|---:|---:|---:|---:|');
for (const k of kernels) {
  const best = k.peers.find((p) => p.impl === k.fastestPeer);
  console.log(
    `| ${k.kernel} | ${f(k.oursMs)} | ${best ? `${f(best.ms)} (${best.impl})` : '–'} | ${f(k.speedupVsFastestPeer)} | ${f(k.floorMs)} | ${f(k.xFloor)} |`,
  );
}
console.log(`\nwrote ${outPath}`);
