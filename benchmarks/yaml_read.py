"""Reading a briefing's YAML: the spec-conformant reader against the event
walk alone (the reader before it), in the same run.

    python benchmarks/yaml_read.py [N ...]

For each size (default 1,000 and 10,000 items) it times, interleaved so
both see the same machine load: parsing alone (text -> data) and the
whole cold load (bytes -> checked briefing, no cache), by each reader.
Medians of 9 runs and the ratio new/old; below 1.0 is faster.
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate  # noqa: E402
from briefing.loading import loader  # noqa: E402
from briefing.loading.yaml_reader import read_events  # noqa: E402
from briefing.loading.yaml_strict import read  # noqa: E402

RUNS = 9


def _time(work: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _old_load(data: bytes) -> object:
    text = data.decode("utf-8")
    raw, _ = read_events(text)
    return loader.from_data(raw, text, "b.yaml")


def compare(n: int) -> dict[str, tuple[float, float]]:
    text = generate(n)
    data = text.encode("utf-8")
    pairs: dict[str, tuple[Callable[[], object], Callable[[], object]]] = {
        "parse": (lambda: read_events(text), lambda: read(text)),
        "load": (lambda: _old_load(data), lambda: loader.load_bytes(data, "b.yaml")),
    }
    result = {}
    for label, (old, new) in pairs.items():
        olds, news = [], []
        for _ in range(RUNS):
            olds.append(_time(old))
            news.append(_time(new))
        result[label] = (statistics.median(olds), statistics.median(news))
    return result


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [1_000, 10_000]
    print(f"{'items':>7} {'what':>6} {'event walk':>11} {'conformant':>11} {'ratio':>6}")
    for n in sizes:
        for label, (old, new) in compare(n).items():
            print(f"{n:>7} {label:>6} {old * 1000:>9.1f}ms {new * 1000:>9.1f}ms {new / old:>6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
