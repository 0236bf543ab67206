"""On-screen search update: per keystroke, until the panes show its result.

    python benchmarks/search_screen_bench.py [--sizes 1000,10000,100000]

Types each query one character at a time into the running app (headless,
120x40) showing a synthetic briefing (``generate_search.py``) and times each
keystroke from the moment the search field changes until the panes have
taken the result (lenses set, counts updated, rows marked for repaint; the
repaint itself follows on the next frame). The search runs in a worker
thread, so typing is never blocked by this; the number is how long until the
screen catches up. Engine-only timings are in ``search_bench.py``.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generate_search import item_count, synthetic_briefing  # noqa: E402

from briefing.ui.app import BriefingApp  # noqa: E402
from briefing.ui.widgets.search_bar import SearchBar  # noqa: E402

QUERIES = ["zelensky", "security guarantees", "medinskiy", '"security guarantees']


async def type_queries(size: int) -> list[float]:
    briefing = synthetic_briefing(size)
    times: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "b.yaml"
        path.write_text("schema: 1\nmeta:\n  title: placeholder\n", encoding="utf-8")
        app = BriefingApp(path, watch=False)
        async with app.run_test(size=(120, 40)) as pilot:
            main = app.screen
            main.show(briefing)
            finder = main.finder
            while finder.index is None:
                await pilot.pause(0.05)
            bar = main.query_one(SearchBar)
            applied: list[float] = []
            original = finder._search_done

            def timed(*args, **kwargs):
                original(*args, **kwargs)
                applied.append(time.perf_counter())

            finder._search_done = timed
            await pilot.press("slash")
            for query in QUERIES:
                bar.input.value = ""
                await pilot.pause(0.05)
                for end in range(1, len(query) + 1):
                    prefix = query[:end]
                    t0 = time.perf_counter()
                    bar.input.value = prefix
                    while (
                        finder.finding.result is None
                        or finder.finding.query != prefix
                        or finder.finding.result.query.text != prefix
                    ):
                        await asyncio.sleep(0)
                    times.append(applied[-1] - t0)
                    await pilot.pause()  # let the panes repaint before the next key
    return times, item_count(briefing)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    args = parser.parse_args()
    print("| items | keystrokes | screen update median | p95 |")
    print("| ---: | ---: | ---: | ---: |")
    for size in (int(s) for s in args.sizes.split(",")):
        times, items = asyncio.run(type_queries(size))
        ordered = sorted(times)
        p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
        print(
            f"| {items:,} | {len(times)} | {statistics.median(times) * 1000:.1f} ms | {p95 * 1000:.1f} ms |"
        )


if __name__ == "__main__":
    main()
