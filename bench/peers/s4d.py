"""S4D kernels as the official S4D code computes them (state-spaces/s4, models/s4/s4d.py):
the Vandermonde product  K = 2 Re einsum('hn,hnl->hl', C·(e^{dtA} − 1)/A, exp(dtA ⊗ arange(L))),
ZOH, B folded into C. Also torch.compile of the same function (--compile)."""

from __future__ import annotations

import argparse
import math
import sys

import torch

from common import DEVICE, dump, f32_round, free, log_uniform, max_rel_err, row, time_ms


def s4d_kernel(A: torch.Tensor, C: torch.Tensor, dt: torch.Tensor, L: int) -> torch.Tensor:
    """The official forward: A (H N) complex, C (H N) complex (C·B), dt (H) real."""
    dtA = A * dt.unsqueeze(-1)  # (H N)
    K = dtA.unsqueeze(-1) * torch.arange(L, device=A.device)  # (H N L)
    C = C * (torch.exp(dtA) - 1.0) / A
    return 2 * torch.einsum("hn, hnl -> hl", C, torch.exp(K)).real


def inputs(H: int, M: int, seed: int = 1) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """S4D-Lin eigenvalues −1/2 + iπn, B and C complex normal, dt log-uniform in [1e-3, 1e-1]."""
    g = torch.Generator().manual_seed(seed)
    n = torch.arange(M, dtype=torch.float64)
    A = (-0.5 + 1j * math.pi * n).to(torch.complex128).expand(H, M).clone()
    B = torch.randn(H, M, generator=g, dtype=torch.complex128)
    C = torch.randn(H, M, generator=g, dtype=torch.complex128)
    dt = log_uniform(g, H, 1e-3, 1e-1)
    return f32_round(A), f32_round(C * B), f32_round(dt)


def run(H: int, M: int, L: int) -> list[dict]:
    A, CB, dt = (x.to(DEVICE) for x in inputs(H, M))
    ref = s4d_kernel(A, CB, dt, L)  # float64 / complex128
    A32, CB32, dt32 = A.to(torch.complex64), CB.to(torch.complex64), dt.to(torch.float32)
    size = {"H": H, "M": M, "L": L}
    out = s4d_kernel(A32, CB32, dt32, L)
    rows = [
        row(
            "s4dKernels",
            "torch eager (S4D Vandermonde einsum)",
            size,
            time_ms(lambda: s4d_kernel(A32, CB32, dt32, L)),
            max_rel_err(out, ref),
        )
    ]
    del out
    free()
    del ref
    free()
    return rows


def run_compiled(H: int, M: int, L: int) -> list[dict]:
    """torch.compile of the same function (compile time excluded: the warm-up calls compile)."""
    A, CB, dt = (x.to(DEVICE) for x in inputs(H, M))
    ref = s4d_kernel(A, CB, dt, L)
    A32, CB32, dt32 = A.to(torch.complex64), CB.to(torch.complex64), dt.to(torch.float32)
    size = {"H": H, "M": M, "L": L}
    rows = []
    try:
        fn = torch.compile(s4d_kernel)
        out = fn(A32, CB32, dt32, L)
        err = max_rel_err(out, ref)
        del out
        rows.append(
            row(
                "s4dKernels",
                "torch.compile (S4D Vandermonde einsum)",
                size,
                time_ms(lambda: fn(A32, CB32, dt32, L)),
                err,
            )
        )
    except Exception as e:  # noqa: BLE001 - report, don't stop the other peers
        rows.append({"kernel": "s4dKernels", "impl": "torch.compile", "size": size, "error": repr(e)[:500]})
        print(f"[peers] torch.compile FAILED: {e!r}"[:300], file=sys.stderr, flush=True)
    del ref
    free()
    return rows


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--small", action="store_true")
    p.add_argument("--compile", action="store_true")
    p.add_argument("--out")
    a = p.parse_args()
    size = (16, 32, 4096) if a.small else (1024, 32, 16384)
    dump(run(*size) + (run_compiled(*size) if a.compile else []), a.out)
