"""All PyTorch peers of issue F in one process (the sizes of bench/gpu.bench.ts), plus the naive
copy bandwidth: prints JSON and writes --out. Run on the GPU machine: python3 bench/peers/run_all.py
[--small] [--compile] [--out FILE]."""

from __future__ import annotations

import argparse
import datetime
import json
import platform
import sys
import time
import traceback

import torch

import dplr
import fftconv
import rtf
import s4d
import scan
from common import DEVICE, copy_bandwidth, dump, finite_json


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--small", action="store_true")
    p.add_argument("--compile", action="store_true", help="also torch.compile the S4D kernel")
    p.add_argument("--only", help="comma-separated: s4d,dplr,rtf,fft,conv,scan")
    p.add_argument("--out")
    a = p.parse_args()
    only = set(a.only.split(",")) if a.only else None
    small = a.small
    t0 = time.time()
    report: dict = {
        "what": "PyTorch peers of the SSM Lab kernels (issue F): CUDA events, median of >= 10",
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(),
        "torch": torch.__version__,
        "python": platform.python_version(),
        "device": torch.cuda.get_device_name() if DEVICE.type == "cuda" else "cpu",
        "sizes": "small" if small else "full",
        "copy": copy_bandwidth((16 << 20) if small else (512 << 20)),
        "kernels": [],
        "failures": {},
    }
    jobs = [
        ("s4d", lambda: s4d.run(*((16, 32, 4096) if small else (1024, 32, 16384)))),
        ("dplr", lambda: dplr.run(*((16, 64, 4096) if small else (256, 64, 16384)))),
        ("rtf", lambda: rtf.run(16 if small else 1024, [16, 256, 1024], 8192 if small else 65536)),
        ("fft", lambda: fftconv.fft_rows(*((64, 4096) if small else (1024, 16384)))),
        ("conv", lambda: fftconv.conv_rows(*((16, 4096) if small else (1024, 16384)))),
        ("scan", lambda: scan.run(*((16, 32, 4096) if small else (1024, 32, 16384)))),
    ]
    if a.compile:  # last: compiling can take a while
        jobs.append(
            ("s4d", lambda: s4d.run_compiled(*((16, 32, 4096) if small else (1024, 32, 16384))))
        )
    for name, job in jobs:
        if only and name not in only:
            continue
        print(f"[peers] {name}…", file=sys.stderr, flush=True)
        try:
            report["kernels"] += job()
        except Exception:  # noqa: BLE001 - one failing peer must not lose the others
            report["failures"][name] = traceback.format_exc()[-2000:]
            print(report["failures"][name], file=sys.stderr, flush=True)
        report["seconds"] = round(time.time() - t0, 1)
        if a.out:  # after every job, so that a timeout keeps what was measured
            with open(a.out, "w") as f:
                json.dump(finite_json(report), f, indent=2, allow_nan=False)
    dump(report, a.out)


if __name__ == "__main__":
    main()
