"""Run benchmarks: ``python -m benchmarks`` runs them all, ``python -m benchmarks NAME…`` some.

Each benchmark is its own module that prints its figures and the baseline it
was compared with in the same run; this runner only calls them in turn.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path


def available() -> list[str]:
    here = Path(__file__).parent
    return sorted(m.name for m in pkgutil.iter_modules([str(here)]) if not m.name.startswith("_"))


def main(argv: list[str]) -> int:
    names = argv or available()
    unknown = sorted(set(names) - set(available()))
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(available())}")
        return 2
    failed = []
    for name in names:
        print(f"\n=== benchmarks.{name} ===", flush=True)
        if subprocess.call([sys.executable, "-m", f"benchmarks.{name}"]) != 0:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
