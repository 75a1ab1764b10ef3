"""S4 (LegS, DPLR) kernels as the official S4 code computes them (state-spaces/s4, SSKernelNPLR):
NPLR factors A = VΛV* − PPᵀ of LegS, C̃ = C(I − Ā^L) with the bilinear Ā (torch matrix_power),
then the Cauchy sums at the roots of unity with torch complex ops (cauchy_naive: the N×nodes
matrix v / (z − w), conjugate pairs appended), the rank-1 Woodbury correction, the factor
2/(1+ω) and irfft. 'forward only' starts from C̃ in the eigenbasis (what the official module
stores as its parameter), 'from C' includes C̃ = C(I − Ā^L) as the WGSL dplrKernels does."""

from __future__ import annotations

import argparse

import numpy as np
import torch

from common import DEVICE, dump, f32_round, free, log_uniform, max_rel_err, row, time_ms


def nplr_legs(N: int) -> tuple[torch.Tensor, ...]:
    """LegS (paper normalisation, as src/core/hippo.ts) and its NPLR factors, float64:
    A + PPᵀ + I/2 = S skew-symmetric = V diag(iω) V*; keeps one eigenvalue per conjugate pair."""
    q = torch.arange(N, dtype=torch.float64)
    r = torch.sqrt(2 * q + 1)
    A = -torch.tril(r[:, None] * r[None, :], -1) - torch.diag(q + 1)
    B = r.clone()
    P = torch.sqrt(q + 0.5)
    S = A + P[:, None] * P[None, :] + 0.5 * torch.eye(N, dtype=torch.float64)
    omega, V = torch.linalg.eigh(-1j * S.to(torch.complex128))  # S V = i ω V, ω ascending
    half = N // 2
    Lam = -0.5 + 1j * omega[:half]  # ω < 0; the partners are the conjugates
    Vh = V[:, :half]
    return A, B, P, Lam, Vh


def cauchy_naive(v: torch.Tensor, z: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
    """Σ_n v_n / (z − w_n) over n and the conjugate pairs (official cauchy_naive, conj=True)."""
    v = torch.cat([v, v.conj()], dim=-1)
    w = torch.cat([w, w.conj()], dim=-1)
    return torch.sum(v.unsqueeze(-1) / (z - w.unsqueeze(-1)), dim=-2)


class Dplr:
    def __init__(self, N: int, L: int, dtype: torch.dtype):
        A, B, P, Lam, Vh = nplr_legs(N)
        cdt = torch.complex128 if dtype == torch.float64 else torch.complex64
        self.N, self.L, self.dtype, self.cdt = N, L, dtype, cdt
        self.A = A.to(DEVICE, dtype)
        self.Lam = Lam.to(DEVICE, cdt)
        self.Vh = Vh.to(DEVICE, cdt)
        self.b = (Vh.conj().T @ B.to(torch.complex128)).to(DEVICE, cdt)  # V*B
        self.p = (Vh.conj().T @ P.to(torch.complex128)).to(DEVICE, cdt)  # V*P
        # official _omega: ω_j = e^{−2πij/L}, j ≤ L/2, z = 2(1 − ω)/(1 + ω)
        omega = torch.tensor(np.exp(-2j * np.pi / L), dtype=cdt, device=DEVICE)
        self.omega = omega ** torch.arange(0, L // 2 + 1, device=DEVICE)
        self.z = 2 * (1 - self.omega) / (1 + self.omega)
        self.eye = torch.eye(N, dtype=dtype, device=DEVICE)

    def ctilde(self, C: torch.Tensor, dt: torch.Tensor) -> torch.Tensor:
        """c = C̃ V with C̃ = C(I − Ā^L), Ā = (I − Δ/2 A)⁻¹(I + Δ/2 A): (H, N/2) complex."""
        h = (dt / 2)[:, None, None]
        Ab = torch.linalg.solve(self.eye - h * self.A, self.eye + h * self.A)
        AL = torch.linalg.matrix_power(Ab, self.L)
        Ct = C - (C.unsqueeze(-2) @ AL).squeeze(-2)
        return Ct.to(self.cdt) @ self.Vh

    def forward(self, c: torch.Tensor, dt: torch.Tensor) -> torch.Tensor:
        """The official forward from c = C̃V (H, N/2): Cauchy + Woodbury + irfft, (H, L)."""
        b, p = self.b, self.p
        # v[a][d] = (c, p̄)_a · (b, p)_d per eigenvalue: (2, 2, H, N/2)
        left = torch.stack([c, p.conj().expand_as(c)])
        right = torch.stack([b.expand_as(c), p.expand_as(c)])
        v = left.unsqueeze(1) * right.unsqueeze(0)
        w = self.Lam * dt.unsqueeze(-1)  # (H, N/2)
        r = cauchy_naive(v, self.z, w) * dt[:, None]  # (2, 2, H, L/2 + 1)
        k_f = r[0, 0] - r[0, 1] * r[1, 0] / (1 + r[1, 1])
        k_f = k_f * 2 / (1 + self.omega)
        return torch.fft.irfft(k_f, n=self.L)

    def kernel(self, C: torch.Tensor, dt: torch.Tensor) -> torch.Tensor:
        return self.forward(self.ctilde(C, dt), dt)


def inputs(H: int, N: int, seed: int = 2) -> tuple[torch.Tensor, torch.Tensor]:
    g = torch.Generator().manual_seed(seed)
    C = torch.randn(H, N, generator=g, dtype=torch.float64)
    return f32_round(C), f32_round(log_uniform(g, H, 1e-3, 1e-1))


def run(H: int, N: int, L: int) -> list[dict]:
    C, dt = (x.to(DEVICE) for x in inputs(H, N))
    ref = Dplr(N, L, torch.float64).kernel(C, dt)
    m = Dplr(N, L, torch.float32)
    C32, dt32 = C.float(), dt.float()
    size = {"H": H, "N": N, "L": L}
    out = m.kernel(C32, dt32)
    rows = [
        row(
            "dplrKernels",
            "torch from C (C̃ + Cauchy + Woodbury)",
            size,
            time_ms(lambda: m.kernel(C32, dt32)),
            max_rel_err(out, ref),
        )
    ]
    c = m.ctilde(C32, dt32)
    out = m.forward(c, dt32)
    rows.append(
        row(
            "dplrKernels",
            "torch forward only (Cauchy + Woodbury)",
            size,
            time_ms(lambda: m.forward(c, dt32)),
            max_rel_err(out, ref),
        )
    )
    del ref, out, c
    free()
    return rows


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--small", action="store_true")
    p.add_argument("--out")
    a = p.parse_args()
    dump(run(*((16, 64, 4096) if a.small else (256, 64, 16384))), a.out)
