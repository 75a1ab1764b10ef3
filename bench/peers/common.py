"""Shared helpers of the PyTorch peers (issue F): device, timing with CUDA events, errors, JSON.

Every peer computes a kernel the way the official code does, times it with CUDA events
(median of >= 10 calls after warm-up) and checks it against the same formulation in float64
(complex128) on the GPU, from the same float32-rounded inputs. Without CUDA (a quick check of
the scripts on a CPU) it falls back to the CPU and a wall clock.
"""

from __future__ import annotations

import json
import math
import statistics
import sys
import time
from typing import Callable

import torch

DEVICE = torch.device("cuda" if torch.cuda.is_available() else "cpu")
REPS = 10
WARMUP = 3

# float32 matrix products must stay float32 (no TF32), as in the WGSL kernels
torch.backends.cuda.matmul.allow_tf32 = False
torch.backends.cudnn.allow_tf32 = False


def sync() -> None:
    if DEVICE.type == "cuda":
        torch.cuda.synchronize()


def time_ms(fn: Callable[[], object], reps: int = REPS, warmup: int = WARMUP) -> dict:
    """Median and min of `reps` timed calls after `warmup` calls: CUDA events on a GPU."""
    for _ in range(warmup):
        fn()
    sync()
    times = []
    for _ in range(reps):
        if DEVICE.type == "cuda":
            start = torch.cuda.Event(enable_timing=True)
            end = torch.cuda.Event(enable_timing=True)
            start.record()
            fn()
            end.record()
            end.synchronize()
            times.append(start.elapsed_time(end))
        else:
            t0 = time.perf_counter()
            fn()
            times.append((time.perf_counter() - t0) * 1e3)
    return {
        "ms": statistics.median(times),
        "msMin": min(times),
        "runs": len(times),
        "samplesMs": [float(f"{t:.4g}") for t in times],
    }


def max_rel_err(got: torch.Tensor, ref: torch.Tensor) -> float:
    """max over rows of max|got - ref| / max|ref| (rows = all leading dims), as the TS bench."""
    got = got.reshape(-1, got.shape[-1]).to(ref.dtype)
    ref = ref.reshape(-1, ref.shape[-1])
    err = (got - ref).abs().amax(dim=-1)
    scale = ref.abs().amax(dim=-1).clamp_min(1e-300)
    e = (err / scale).max().item()
    return float("inf") if e != e else float(e)  # NaN (overflow) reads as inf


def log_uniform(g: torch.Generator, n: int, lo: float, hi: float) -> torch.Tensor:
    u = torch.rand(n, generator=g, dtype=torch.float64)
    return torch.exp(torch.log(torch.tensor(lo)) + u * (torch.log(torch.tensor(hi / lo))))


def f32_round(x: torch.Tensor) -> torch.Tensor:
    """x rounded to float32 (complex64) and back, so f32 and f64 runs see the same inputs."""
    if x.is_complex():
        return x.to(torch.complex64).to(torch.complex128)
    return x.to(torch.float32).to(torch.float64)


def free() -> None:
    if DEVICE.type == "cuda":
        torch.cuda.empty_cache()


def copy_bandwidth(bytes_each_way: int) -> dict:
    """A device-to-device copy (dst.copy_(src)); GB/s counts bytes read + written."""
    n = bytes_each_way // 4
    src = torch.rand(n, device=DEVICE)
    dst = torch.empty_like(src)
    t = time_ms(lambda: dst.copy_(src))
    out = {"bytesEachWay": bytes_each_way, **t, "GBps": 2 * bytes_each_way / t["ms"] / 1e6}
    del src, dst
    free()
    return out


def row(kernel: str, impl: str, size: dict, timing: dict, err: float, **extra) -> dict:
    r = {"kernel": kernel, "impl": impl, "size": size, **timing, "maxRelErr": err, **extra}
    print(
        f"[peers] {kernel:<18} {impl:<34} {timing['ms']:9.3f} ms  err {err:.1e}",
        file=sys.stderr,
        flush=True,
    )
    return r


def finite_json(obj: object) -> object:
    """JSON has no inf/NaN: non-finite floats become the strings "inf", "-inf", "nan"."""
    if isinstance(obj, float) and not math.isfinite(obj):
        return str(obj)
    if isinstance(obj, dict):
        return {k: finite_json(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [finite_json(v) for v in obj]
    return obj


def dump(obj: object, out: str | None) -> None:
    text = json.dumps(finite_json(obj), indent=2, allow_nan=False)
    if out:
        with open(out, "w") as f:
            f.write(text + "\n")
    print(text)
