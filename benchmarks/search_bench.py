"""Search engine benchmark: per-keystroke time while typing, against a naive scan.

    python benchmarks/search_bench.py [--sizes 1000,10000,100000] [--repeat 5]

For each size it builds a synthetic briefing in memory
(``generate_search.py``), times ``SearchIndex(briefing)``, then types each
query one character at a time and times every keystroke:

* engine: ``index.search(prefix)`` plus ``len(result)`` and
  ``result.count_by_kind`` (what a UI needs at once for its counts);
* +ids: the same plus materialising ``result.ids`` (the list of matching ids);
* naive: a casefolded-substring scan over one precomputed casefolded
  haystack per item (``[id for id, hay in ... if q in hay]``), the baseline.

Each query is typed ``--repeat`` times, with the index's caches cleared before
each typing (the characters answered at build time stay), so a keystroke
never profits from having typed the same query before; each keystroke's time
is its best over the repeats (the work is the same each time, so the best is
the one least disturbed by other processes on the machine). The table shows
the median and 95th percentile of those times over all keystrokes of all
queries, and the index build time (one build). Phrase typing
(``"security guarantees``, quote open while typing) is reported on its own
line because phrases are checked against haystacks and cost more.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]  # this checkout's briefing first

from generate_search import item_count, synthetic_briefing  # noqa: E402

from briefing.search import SearchIndex  # noqa: E402
from briefing.search.fields import field_text  # noqa: E402

WORD_QUERIES = ("zelensky", "security guarantees", "medinskiy", "straße", "nearly 400")
PHRASE_QUERIES = ('"security guarantees', '"line of contact')


def prefixes(query: str) -> list[str]:
    return [query[: i + 1] for i in range(len(query))]


def naive_haystacks(index: SearchIndex) -> list[str]:
    """Casefolded text of every searchable field (aliases included), per item."""
    hays = []
    for item_id in index.ids:
        parts = []
        for segments in index.fields(item_id).values():
            parts.append(field_text(segments))
            parts.extend(a for s in segments for a in s.aliases)
        hays.append("\n".join(parts).casefold())
    return hays


def time_typing(index: SearchIndex, queries, repeat: int):
    """Per keystroke, the best of ``repeat`` typings (caches cleared each time)."""
    engine: list[float] = []
    with_ids: list[float] = []
    for query in queries:
        best_engine = [float("inf")] * len(query)
        best_ids = [float("inf")] * len(query)
        for _ in range(repeat):
            index.clear_cache()
            gc.collect()
            for k, prefix in enumerate(prefixes(query)):
                t0 = time.perf_counter()
                result = index.search(prefix)
                _ = len(result)
                _ = result.count_by_kind
                t1 = time.perf_counter()
                _ = result.ids
                t2 = time.perf_counter()
                best_engine[k] = min(best_engine[k], t1 - t0)
                best_ids[k] = min(best_ids[k], t2 - t0)
        engine += best_engine
        with_ids += best_ids
    return engine, with_ids


def time_naive(ids: list[str], hays: list[str], queries, repeat: int):
    """Per keystroke, the best of ``repeat`` naive scans."""
    times: list[float] = []
    for query in queries:
        best = [float("inf")] * len(query)
        for _ in range(repeat):
            gc.collect()
            for k, prefix in enumerate(prefixes(query)):
                t0 = time.perf_counter()
                needle = prefix.casefold()
                found = [i for i, hay in zip(ids, hays, strict=False) if needle in hay]
                _ = len(found)
                best[k] = min(best[k], time.perf_counter() - t0)
        times += best
    return times


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.3f}"


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]

    header = (
        f"{'items':>8} {'query':>7} {'build s':>8} | {'engine ms':>19} | "
        f"{'engine+ids ms':>19} | {'naive scan ms':>19} | {'naive/engine':>12}"
    )
    sub = (
        f"{'':>8} {'':>7} {'':>8} | {'median':>8} {'p95':>10} | {'median':>8} "
        f"{'p95':>10} | {'median':>8} {'p95':>10} | {'median':>6} {'p95':>5}"
    )
    print(f"queries typed one character at a time: {', '.join(WORD_QUERIES)}")
    print(f"phrase queries: {', '.join(PHRASE_QUERIES)}")
    print(header)
    print(sub)
    for size in sizes:
        briefing = synthetic_briefing(size)
        gc.collect()
        t0 = time.perf_counter()
        index = SearchIndex(briefing)
        build = time.perf_counter() - t0
        hays = naive_haystacks(index)
        for label, queries in (("words", WORD_QUERIES), ("phrases", PHRASE_QUERIES)):
            engine, with_ids = time_typing(index, queries, args.repeat)
            naive = time_naive(index.ids, hays, queries, args.repeat)
            e_med, e_p95 = statistics.median(engine), p95(engine)
            n_med, n_p95 = statistics.median(naive), p95(naive)
            print(
                f"{item_count(briefing):>8,} {label:>7} {build:8.2f} | {ms(e_med)} {ms(e_p95):>10} | "
                f"{ms(statistics.median(with_ids))} {ms(p95(with_ids)):>10} | "
                f"{ms(n_med)} {ms(n_p95):>10} | {n_med / e_med:5.1f}x {n_p95 / e_p95:4.1f}x"
            )
        del index, hays, briefing


if __name__ == "__main__":
    main()
