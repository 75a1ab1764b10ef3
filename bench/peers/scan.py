"""Diagonal linear recurrence x_k = Ā x_{k−1} + B̄ u_k, y_k = 2 Re Σ_n C_n x_{k,n} (H rows of M
complex modes), two PyTorch ways: a sequential loop over k (S4's recurrent mode; one set of
launches per step), and the log-space cumulative-sum scan (Heinsen's form:
x_k = e^{a*_k} Σ_{j≤k} e^{log b_j − a*_j}, a*_k = k log Ā, torch.logcumsumexp); the plain cumsum
form Ā^k Σ_j Ā^{−j} B̄u_j is reported too (it overflows in float32 once |Ā|^{−L} > 3e38).
Reference: the sequential loop in complex128."""

from __future__ import annotations

import argparse
import math
import sys

import torch

from common import DEVICE, dump, free, max_rel_err, row, time_ms


def sequential(Ab: torch.Tensor, Bb: torch.Tensor, C: torch.Tensor, u: torch.Tensor) -> torch.Tensor:
    H, L = u.shape
    Bu = Bb.unsqueeze(1) * u.unsqueeze(-1)  # (H, L, M)
    xs = torch.empty_like(Bu)
    x = torch.zeros_like(Bb)
    for k in range(L):
        x = Ab * x + Bu[:, k]
        xs[:, k] = x
    return 2 * torch.einsum("hlm,hm->hl", xs, C).real


def log_space(Ab: torch.Tensor, Bb: torch.Tensor, C: torch.Tensor, u: torch.Tensor) -> torch.Tensor:
    L = u.shape[1]
    k = torch.arange(L, device=u.device, dtype=u.dtype)
    a_star = torch.log(Ab).unsqueeze(1) * k[None, :, None]  # (H, L, M)
    log_b = torch.log(Bb.unsqueeze(1) * u.unsqueeze(-1))
    x = torch.exp(a_star + torch.logcumsumexp(log_b - a_star, dim=1))
    return 2 * torch.einsum("hlm,hm->hl", x, C).real


def plain_cumsum(Ab: torch.Tensor, Bb: torch.Tensor, C: torch.Tensor, u: torch.Tensor) -> torch.Tensor:
    L = u.shape[1]
    k = torch.arange(L, device=u.device, dtype=u.dtype)
    pw = torch.exp(torch.log(Ab).unsqueeze(1) * k[None, :, None])  # Ā^k (H, L, M)
    x = pw * torch.cumsum(Bb.unsqueeze(1) * u.unsqueeze(-1) / pw, dim=1)
    return 2 * torch.einsum("hlm,hm->hl", x, C).real


def inputs(H: int, M: int, L: int, seed: int = 5) -> tuple[torch.Tensor, ...]:
    """As the TS bench: |Ā| = 1 − logU(1e-3, 0.5), any phase; B̄, C complex normal; u normal."""
    g = torch.Generator().manual_seed(seed)
    mag = 1 - torch.exp(math.log(1e-3) + torch.rand(H, M, generator=g, dtype=torch.float64) * math.log(500))
    ang = math.pi * (2 * torch.rand(H, M, generator=g, dtype=torch.float64) - 1)
    Ab = torch.polar(mag, ang).to(torch.complex64)
    Bb = (torch.randn(H, M, generator=g, dtype=torch.complex128) * math.sqrt(2)).to(torch.complex64)
    C = (torch.randn(H, M, generator=g, dtype=torch.complex128) * math.sqrt(2)).to(torch.complex64)
    u = torch.randn(H, L, generator=g, dtype=torch.float64).to(torch.float32)
    return Ab, Bb, C, u


def run(H: int, M: int, L: int, seq_reps: int = 10) -> list[dict]:
    Ab, Bb, C, u = (x.to(DEVICE) for x in inputs(H, M, L))
    ref = sequential(Ab.to(torch.complex128), Bb.to(torch.complex128), C.to(torch.complex128), u.double())
    size = {"H": H, "M": M, "L": L}
    rows = []
    for name, fn, reps, warm in [
        ("torch sequential loop (recurrent mode)", sequential, seq_reps, 1),
        ("torch log-space scan (logcumsumexp)", log_space, 10, 3),
        ("torch plain cumsum (Ā^k Σ Ā^-j B̄u)", plain_cumsum, 10, 3),
    ]:
        try:
            out = fn(Ab, Bb, C, u)
            err = max_rel_err(out, ref)
            del out
            rows.append(row("scan", name, size, time_ms(lambda: fn(Ab, Bb, C, u), reps, warm), err))
        except Exception as e:  # noqa: BLE001 - e.g. no complex logcumsumexp: report it
            rows.append({"kernel": "scan", "impl": name, "size": size, "error": repr(e)[:500]})
            print(f"[peers] scan {name} FAILED: {e!r}"[:300], file=sys.stderr, flush=True)
        free()
    return rows


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--small", action="store_true")
    p.add_argument("--out")
    a = p.parse_args()
    dump(run(*((16, 32, 4096) if a.small else (1024, 32, 16384))), a.out)
