"""RTF kernels as the official RTF code computes them (rfft / irfft of the zero-padded
coefficients, 'paper' convention): K = irfft(rfft((0, b1…bn, 0…)) / rfft((1, a1…an, 0…))) with
h0 added at tap 0."""

from __future__ import annotations

import argparse

import torch
import torch.nn.functional as F

from common import DEVICE, dump, f32_round, free, max_rel_err, row, time_ms


def rtf_kernel(a: torch.Tensor, b: torch.Tensor, h0: torch.Tensor, L: int) -> torch.Tensor:
    n = a.shape[-1]
    a_pad = F.pad(a, (1, L - n - 1))
    a_pad[..., 0] = 1.0
    b_pad = F.pad(b, (1, L - n - 1))
    K = torch.fft.irfft(torch.fft.rfft(b_pad, n=L) / torch.fft.rfft(a_pad, n=L), n=L)
    K[..., 0] += h0
    return K


def inputs(H: int, n: int, seed: int) -> tuple[torch.Tensor, ...]:
    """As the TS bench: a uniform in ±0.9/n (|Σa| ≤ 0.9, no pole on the circle), b, h0 in ±1."""
    g = torch.Generator().manual_seed(seed)
    a = (torch.rand(H, n, generator=g, dtype=torch.float64) - 0.5) * 1.8 / n
    b = (torch.rand(H, n, generator=g, dtype=torch.float64) - 0.5) * 2
    h0 = (torch.rand(H, generator=g, dtype=torch.float64) - 0.5) * 2
    return f32_round(a), f32_round(b), f32_round(h0)


def run(H: int, ns: list[int], L: int) -> list[dict]:
    rows = []
    for n in ns:
        a, b, h0 = (x.to(DEVICE) for x in inputs(H, n, 3 + n))
        ref = rtf_kernel(a, b, h0, L)
        a32, b32, h32 = a.float(), b.float(), h0.float()
        out = rtf_kernel(a32, b32, h32, L)
        rows.append(
            row(
                f"rtfKernels n={n}",
                "torch rfft/irfft (RTF)",
                {"H": H, "n": n, "L": L},
                time_ms(lambda: rtf_kernel(a32, b32, h32, L)),
                max_rel_err(out, ref),
            )
        )
        del ref, out
        free()
    return rows


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--small", action="store_true")
    p.add_argument("--out")
    a = p.parse_args()
    dump(run(16 if a.small else 1024, [16, 256, 1024], 8192 if a.small else 65536), a.out)
