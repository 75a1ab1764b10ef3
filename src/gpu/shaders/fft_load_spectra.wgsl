// Spectrum products computed as fft_stockham.wgsl loads its input (src/gpu/fft.ts: FftLoad),
// from a packed spectrum value z = Z_k and its partner w = Z_{−k} (the same row).

// conv.ts: Z = FFT(K' + i·u') with K', u' real, so FFT(K')_k = (Z_k + conj Z_{−k}) / 2,
// FFT(u')_k = (Z_k − conj Z_{−k}) / (2i), and their product is (Z_k² − conj(Z_{−k})²) / (4i).
fn convProduct(z: vec2f, w: vec2f) -> vec2f {
  let a = vec2f(z.x * z.x - z.y * z.y, 2.0 * z.x * z.y);
  let b = vec2f(w.x * w.x - w.y * w.y, 2.0 * w.x * w.y);
  let d = vec2f(a.x - b.x, a.y + b.y);
  return 0.25 * vec2f(d.y, -d.x);
}

// rtf.ts: Z = FFT(den + i·c·num), D = (Z_k + conj Z_{−k}) / 2, c·N = (Z_k − conj Z_{−k}) / (2i),
// Q = N / D, scaled by max(|D.x|, |D.y|) before squaring (no under- or overflow of |D|²); a zero
// D (a pole on an L-th root of unity) gives a non-finite Q, which rtf.ts reports.
fn rtfQuotient(z: vec2f, w: vec2f, cinv: f32) -> vec2f {
  let D = 0.5 * vec2f(z.x + w.x, z.y - w.y);
  let t = vec2f(z.x - w.x, z.y + w.y);
  let N = 0.5 * cinv * vec2f(t.y, -t.x);
  let s = max(abs(D.x), abs(D.y));
  let Ds = D / s;
  let q = vec2f(N.x * Ds.x + N.y * Ds.y, N.y * Ds.x - N.x * Ds.y);
  return q / (dot(Ds, Ds) * s);
}
