// S4D Vandermonde kernel, batched over H rows (src/gpu/s4d.ts):
//   K[h, l] = 2 Re Σ_n hi[h, n, j] · lo[h, n, i],   l = 64 j + i,  i < 64,
// where the host built, in float64, hi[h, n, j] = C_n B̄_n Ā_n^(64 j) and lo[h, n, i] = Ā_n^i,
// so each output costs one complex multiply-add per mode (only the real part: two FMAs).
//
// It is a real matrix product per row, K_h = Re(Hi_h · Lo_h), computed with register tiling:
// each of the 64 threads of a workgroup owns an 8 × 8 block of outputs, i ∈ {ti + 8q : q < 8}
// and j ∈ {j0 + r : r < 8}, and per mode loads 8 lo and 8 hi values for 128 FMAs. (On
// SwiftShader every load is a gather, so this ratio sets the speed: one output per thread ran
// 3–4× slower; the loops below are unrolled by hand because SwiftShader kept indexed local
// arrays in memory, 3× slower again.) A workgroup of WG threads (a multiple of 8) covers 64 i ×
// WG j; threads whose j block lies past the end return at once.
//
// Layout: lo as vec2 (re, im) [h][n][64]; hi as vec4 holding two consecutive j
// (re_j, im_j, re_j+1, im_j+1) [h][n][nHiPad / 2], nHiPad = ceil(nHi / 8)·8 (zero padded);
// K [h][L].

struct Params {
  H: u32,
  M: u32,
  L: u32,
  nHiPad: u32,
  jBlocks: u32, // ceil(nHi / WG) workgroups per row
  gridX: u32, // workgroups along x (the dispatch may be split over x and y)
}

override WG: u32 = 64;

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> lo: array<vec2<f32>>;
@group(0) @binding(2) var<storage, read> hi: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read_write> K: array<f32>;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) t: u32) {
  let block = wid.x + wid.y * p.gridX;
  let h = block / p.jBlocks;
  let ti = t % 8u;
  let j0 = (block % p.jBlocks) * WG + (t / 8u) * 8u;
  if (h >= p.H || j0 >= p.nHiPad) {
    return;
  }
  // a<r>_<v>: outputs j0 + r, i = ti + 8(4v + component)
  var a00 = vec4<f32>(0.0);
  var a01 = vec4<f32>(0.0);
  var a10 = vec4<f32>(0.0);
  var a11 = vec4<f32>(0.0);
  var a20 = vec4<f32>(0.0);
  var a21 = vec4<f32>(0.0);
  var a30 = vec4<f32>(0.0);
  var a31 = vec4<f32>(0.0);
  var a40 = vec4<f32>(0.0);
  var a41 = vec4<f32>(0.0);
  var a50 = vec4<f32>(0.0);
  var a51 = vec4<f32>(0.0);
  var a60 = vec4<f32>(0.0);
  var a61 = vec4<f32>(0.0);
  var a70 = vec4<f32>(0.0);
  var a71 = vec4<f32>(0.0);
  let hiRow = p.nHiPad / 2u;
  for (var n = 0u; n < p.M; n++) {
    let m = h * p.M + n;
    let lb = m * 64u + ti;
    let l0 = lo[lb + 0u];
    let l1 = lo[lb + 8u];
    let l2 = lo[lb + 16u];
    let l3 = lo[lb + 24u];
    let l4 = lo[lb + 32u];
    let l5 = lo[lb + 40u];
    let l6 = lo[lb + 48u];
    let l7 = lo[lb + 56u];
    let re0 = vec4<f32>(l0.x, l1.x, l2.x, l3.x);
    let im0 = vec4<f32>(l0.y, l1.y, l2.y, l3.y);
    let re1 = vec4<f32>(l4.x, l5.x, l6.x, l7.x);
    let im1 = vec4<f32>(l4.y, l5.y, l6.y, l7.y);
    let hb = m * hiRow + j0 / 2u;
    let w0 = hi[hb + 0u];
    let w1 = hi[hb + 1u];
    let w2 = hi[hb + 2u];
    let w3 = hi[hb + 3u];
    a00 += w0.x * re0 - w0.y * im0;
    a01 += w0.x * re1 - w0.y * im1;
    a10 += w0.z * re0 - w0.w * im0;
    a11 += w0.z * re1 - w0.w * im1;
    a20 += w1.x * re0 - w1.y * im0;
    a21 += w1.x * re1 - w1.y * im1;
    a30 += w1.z * re0 - w1.w * im0;
    a31 += w1.z * re1 - w1.w * im1;
    a40 += w2.x * re0 - w2.y * im0;
    a41 += w2.x * re1 - w2.y * im1;
    a50 += w2.z * re0 - w2.w * im0;
    a51 += w2.z * re1 - w2.w * im1;
    a60 += w3.x * re0 - w3.y * im0;
    a61 += w3.x * re1 - w3.y * im1;
    a70 += w3.z * re0 - w3.w * im0;
    a71 += w3.z * re1 - w3.w * im1;
  }
  let base = h * p.L + j0 * 64u + ti;
  let room = p.L - min(p.L, j0 * 64u + ti); // outputs l = j0·64 + ti + off exist for off < room
  store(base, room, 0u, a00, a01);
  store(base, room, 1u, a10, a11);
  store(base, room, 2u, a20, a21);
  store(base, room, 3u, a30, a31);
  store(base, room, 4u, a40, a41);
  store(base, room, 5u, a50, a51);
  store(base, room, 6u, a60, a61);
  store(base, room, 7u, a70, a71);
}

fn store(base: u32, room: u32, r: u32, a: vec4<f32>, b: vec4<f32>) {
  for (var q = 0u; q < 4u; q++) {
    let off = r * 64u + 8u * q;
    if (off < room) {
      K[base + off] = 2.0 * a[q];
    }
    if (off + 32u < room) {
      K[base + off + 32u] = 2.0 * b[q];
    }
  }
}
