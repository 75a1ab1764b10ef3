"""torch.fft peers: a batched complex FFT (cuFFT), and the causal convolution of the official
S4 code (FFTConv): y = irfft(rfft(u, 2L) · rfft(k, 2L), 2L)[..., :L]."""

from __future__ import annotations

import argparse

import torch

from common import DEVICE, dump, free, max_rel_err, row, time_ms


def fft_rows(batch: int, n: int) -> list[dict]:
    g = torch.Generator().manual_seed(6)
    x = torch.randn(batch, n, generator=g, dtype=torch.complex64).to(DEVICE)
    ref = torch.fft.fft(x.to(torch.complex128))
    out = torch.fft.fft(x)
    # one scale for both parts (as the TS bench): compare (re, im) pairs per row
    err = max_rel_err(torch.view_as_real(out).flatten(-2), torch.view_as_real(ref).flatten(-2))
    r = row("fft", "torch.fft.fft (cuFFT)", {"batch": batch, "n": n}, time_ms(lambda: torch.fft.fft(x)), err)
    del x, ref, out
    free()
    return [r]


def causal_conv(k: torch.Tensor, u: torch.Tensor) -> torch.Tensor:
    L = u.shape[-1]
    k_f = torch.fft.rfft(k, n=2 * L)
    u_f = torch.fft.rfft(u, n=2 * L)
    return torch.fft.irfft(u_f * k_f, n=2 * L)[..., :L]


def conv_rows(H: int, L: int) -> list[dict]:
    g = torch.Generator().manual_seed(4)
    t = torch.arange(L, dtype=torch.float64)
    decay = torch.exp(-(0.5 + 20 * torch.rand(H, 1, generator=g, dtype=torch.float64)) / L)
    omega = torch.pi * torch.rand(H, 1, generator=g, dtype=torch.float64)
    k = decay**t * torch.cos(omega * t) + 0.1 * (torch.rand(H, L, generator=g, dtype=torch.float64) - 0.5)
    u = torch.rand(H, L, generator=g, dtype=torch.float64) - 0.5
    k32, u32 = k.float().to(DEVICE), u.float().to(DEVICE)
    ref = causal_conv(k32.double(), u32.double())
    out = causal_conv(k32, u32)
    r = row(
        "causalConv",
        "torch.fft rfft/irfft (S4 FFTConv)",
        {"H": H, "L": L},
        time_ms(lambda: causal_conv(k32, u32)),
        max_rel_err(out, ref),
    )
    del k32, u32, ref, out
    free()
    return [r]


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--small", action="store_true")
    p.add_argument("--out")
    a = p.parse_args()
    rows = fft_rows(*((64, 4096) if a.small else (1024, 16384)))
    rows += conv_rows(*((16, 4096) if a.small else (1024, 16384)))
    dump(rows, a.out)
