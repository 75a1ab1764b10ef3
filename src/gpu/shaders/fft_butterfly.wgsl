// Complex products and the in-register butterflies shared by fft_stockham.wgsl and the
// generated one-row pass of fft_row.ts (appended to both by fft.ts). Needs `override SIGN: f32`
// (−1 forward, +1 inverse) and `fn twiddle(idx: u32) -> vec2f` in the shader it is appended to.

fn cmul(a: vec2f, b: vec2f) -> vec2f {
  return vec2f(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x);
}

// σ·i·x
fn rot(x: vec2f) -> vec2f {
  return SIGN * vec2f(-x.y, x.x);
}

// e^{σ2πi·e/16}·x for the constant exponents of the 4×4 split
fn w16(x: vec2f, e: u32) -> vec2f {
  let c1 = 0.92387953251128674;
  let s1 = 0.38268343236508978;
  let h = 0.70710678118654752;
  var w: vec2f;
  switch e {
    case 1u: { w = vec2f(c1, s1); }
    case 2u: { w = vec2f(h, h); }
    case 3u: { w = vec2f(s1, c1); }
    case 4u: { return rot(x); }
    case 6u: { w = vec2f(-h, h); }
    case 9u: { w = vec2f(-c1, -s1); }
    default: { return x; }
  }
  return cmul(x, vec2f(w.x, SIGN * w.y));
}

// In-place 2-point DFT of v[o], v[o + 1].
fn dft2(v: ptr<function, array<vec2f, 16>>, o: u32) {
  let a = (*v)[o];
  let c = (*v)[o + 1u];
  (*v)[o] = a + c;
  (*v)[o + 1u] = a - c;
}

// In-place 4-point DFT of v[o], v[o + d], v[o + 2d], v[o + 3d], natural order.
fn dft4(v: ptr<function, array<vec2f, 16>>, o: u32, d: u32) {
  let u0 = (*v)[o];
  let u1 = (*v)[o + d];
  let u2 = (*v)[o + 2u * d];
  let u3 = (*v)[o + 3u * d];
  let a0 = u0 + u2;
  let a1 = u0 - u2;
  let a2 = u1 + u3;
  let a3 = rot(u1 - u3);
  (*v)[o] = a0 + a2;
  (*v)[o + d] = a1 + a3;
  (*v)[o + 2u * d] = a0 - a2;
  (*v)[o + 3u * d] = a1 - a3;
}

// 16-point DFT of v (4×4: u_{a+4b} → DFT over b, twiddle ω16^{ac}, DFT over a). The result
// X_{c+4d} is left in slot 4c + d... transposed back here into natural order.
fn dft16(v: ptr<function, array<vec2f, 16>>) {
  dft4(v, 0u, 4u);
  dft4(v, 1u, 4u);
  dft4(v, 2u, 4u);
  dft4(v, 3u, 4u);
  // Y_{a,c} sits in slot a + 4c
  (*v)[5] = w16((*v)[5], 1u);
  (*v)[6] = w16((*v)[6], 2u);
  (*v)[7] = w16((*v)[7], 3u);
  (*v)[9] = w16((*v)[9], 2u);
  (*v)[10] = w16((*v)[10], 4u);
  (*v)[11] = w16((*v)[11], 6u);
  (*v)[13] = w16((*v)[13], 3u);
  (*v)[14] = w16((*v)[14], 6u);
  (*v)[15] = w16((*v)[15], 9u);
  dft4(v, 0u, 1u);
  dft4(v, 4u, 1u);
  dft4(v, 8u, 1u);
  dft4(v, 12u, 1u);
  // X_{c+4d} sits in slot 4c + d: transpose the 4×4 block
  var t: vec2f;
  t = (*v)[1]; (*v)[1] = (*v)[4]; (*v)[4] = t;
  t = (*v)[2]; (*v)[2] = (*v)[8]; (*v)[8] = t;
  t = (*v)[3]; (*v)[3] = (*v)[12]; (*v)[12] = t;
  t = (*v)[6]; (*v)[6] = (*v)[9]; (*v)[9] = t;
  t = (*v)[7]; (*v)[7] = (*v)[13]; (*v)[13] = t;
  t = (*v)[11]; (*v)[11] = (*v)[14]; (*v)[14] = t;
}

// 8-point DFT of v[o..o+8) in natural order (2×4: u_{a+2b} → DFT4 over b, ω8^{ac}, DFT2 over a).
fn dft8(v: ptr<function, array<vec2f, 16>>, o: u32) {
  dft4(v, o, 2u);
  dft4(v, o + 1u, 2u);
  // Y_{a,c} in slot o + a + 2c; ω8^{c} on a = 1
  let y1 = w16((*v)[o + 3u], 2u);
  let y2 = w16((*v)[o + 5u], 4u);
  let y3 = w16(w16((*v)[o + 7u], 4u), 2u);
  let y0 = (*v)[o + 1u];
  let x0 = (*v)[o];
  let x1 = (*v)[o + 2u];
  let x2 = (*v)[o + 4u];
  let x3 = (*v)[o + 6u];
  // X_{c+4d} = Y_{0,c} + (−1)^d Y_{1,c}
  (*v)[o] = x0 + y0;
  (*v)[o + 4u] = x0 - y0;
  (*v)[o + 1u] = x1 + y1;
  (*v)[o + 5u] = x1 - y1;
  (*v)[o + 2u] = x2 + y2;
  (*v)[o + 6u] = x2 - y2;
  (*v)[o + 3u] = x3 + y3;
  (*v)[o + 7u] = x3 - y3;
}

// v[r] *= w^r for r < 16 (w = twiddle(idx)): two table loads (w, w⁴) and complex products
// (w², w³, w⁸, w¹², then w^a·w^{4b}): at most four roundings deep
fn tw16(v: ptr<function, array<vec2f, 16>>, idx: u32) {
  let w1 = twiddle(idx);
  let w4 = twiddle(idx << 2u);
  let w2 = cmul(w1, w1);
  let w3 = cmul(w2, w1);
  let w8 = cmul(w4, w4);
  let w12 = cmul(w8, w4);
  (*v)[1] = cmul((*v)[1], w1);
  (*v)[2] = cmul((*v)[2], w2);
  (*v)[3] = cmul((*v)[3], w3);
  (*v)[4] = cmul((*v)[4], w4);
  (*v)[5] = cmul((*v)[5], cmul(w4, w1));
  (*v)[6] = cmul((*v)[6], cmul(w4, w2));
  (*v)[7] = cmul((*v)[7], cmul(w4, w3));
  (*v)[8] = cmul((*v)[8], w8);
  (*v)[9] = cmul((*v)[9], cmul(w8, w1));
  (*v)[10] = cmul((*v)[10], cmul(w8, w2));
  (*v)[11] = cmul((*v)[11], cmul(w8, w3));
  (*v)[12] = cmul((*v)[12], w12);
  (*v)[13] = cmul((*v)[13], cmul(w12, w1));
  (*v)[14] = cmul((*v)[14], cmul(w12, w2));
  (*v)[15] = cmul((*v)[15], cmul(w12, w3));
}
