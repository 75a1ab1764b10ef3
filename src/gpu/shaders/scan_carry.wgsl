// Carries across chunks of the diagonal scan (src/gpu/scan.ts): for each row h and mode n,
//   S_c = Ā^Tc S_{c−1} + E_c  (c < nE, S_{−1} = 0),   carry into chunk c+1 = S_c,
// where E_c is the end state of chunk c started from 0 (scan_matmul.wgsl, phase 1).
// A two-level scan without workgroup barriers (on SwiftShader a barrier costs a coroutine
// switch per SIMD group, which made a Hillis–Steele version slower than all the arithmetic):
//   stage 0, thread (h, n, s): F_s = fold of the Q chunks of super-chunk s from 0;
//   stage 1, thread (h, n):    walk the nS super-chunks, F_s ← carry into super-chunk s;
//   stage 2, thread (h, n, s): replay the chunks of s from F_s and write every carry.
// No thread walks more than max(Q, nS) = max(64, ⌈L/4096⌉) steps.
//
// Layout: E f32 [h][2M][colStride] (Re rows n, Im rows M + n); pw vec2 [h][n][2] = (Ā^Tc,
// Ā^(Tc·Q)) from the host's float64 powers; F vec2 [h][n][nS]; carry like E, column 0 = 0.

struct Params {
  H: u32,
  M: u32,
  nE: u32, // chunks whose end state is needed (nC − 1)
  nS: u32, // super-chunks, ceil(nE / Q)
  colStride: u32,
  stage: u32,
  gridX: u32, // threads along x of the dispatch
}

override WG: u32 = 64;
const Q = 64u;

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> E: array<f32>;
@group(0) @binding(2) var<storage, read> pw: array<vec2<f32>>;
@group(0) @binding(3) var<storage, read_write> F: array<vec2<f32>>;
@group(0) @binding(4) var<storage, read_write> carry: array<f32>;

fn cmul(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> {
  return vec2<f32>(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x);
}

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let id = gid.x + gid.y * p.gridX;
  var hn = id; // stage 1: one thread per (h, n)
  var s = 0u;
  if (p.stage != 1u) {
    hn = id / p.nS;
    s = id % p.nS;
  }
  if (hn >= p.H * p.M) {
    return;
  }
  let h = hn / p.M;
  let n = hn % p.M;
  let re = (h * 2u * p.M + n) * p.colStride;
  let im = re + p.M * p.colStride;
  let aT = pw[2u * hn];
  let c0 = s * Q;
  let c1 = min(c0 + Q, p.nE);
  if (p.stage == 0u) {
    var v = vec2<f32>(0.0, 0.0);
    for (var c = c0; c < c1; c++) {
      v = cmul(aT, v) + vec2<f32>(E[re + c], E[im + c]);
    }
    F[hn * p.nS + s] = v;
  } else if (p.stage == 1u) {
    let aQ = pw[2u * hn + 1u];
    var g = vec2<f32>(0.0, 0.0);
    for (var k = 0u; k < p.nS; k++) {
      let f = F[hn * p.nS + k];
      F[hn * p.nS + k] = g;
      g = cmul(aQ, g) + f;
    }
  } else {
    var v = F[hn * p.nS + s];
    if (s == 0u) {
      carry[re] = 0.0;
      carry[im] = 0.0;
    }
    for (var c = c0; c < c1; c++) {
      v = cmul(aT, v) + vec2<f32>(E[re + c], E[im + c]);
      carry[re + c + 1u] = v.x;
      carry[im + c + 1u] = v.y;
    }
  }
}
