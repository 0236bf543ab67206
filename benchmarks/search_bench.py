"""Per-keystroke search time, engine and screen, on briefings of 1k-100k items.

Run: python benchmarks/search_bench.py [--sizes 1000,10000,100000] [--screen]

For every size it builds a synthetic briefing in memory, indexes it, then
types each query one character at a time. It reports the median and p95
time per keystroke for the engine (SearchIndex.search, refining the previous
result as the app does) and, in the same run, for a naive casefolded
substring scan over every item, with the ratio. ``--screen`` also types into
the running app (headless) and times each keystroke until the panes show its
result.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from pathlib import Path

import msgspec

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.format import Briefing, Figure  # noqa: E402
from briefing.search import SearchIndex  # noqa: E402

QUERIES = ["zelensky", "security guarantees", "medinskiy", "tuesday geneva", '"the talks"']
WORDS = (
    "security guarantees territories humanitarian corridor ceasefire prisoners exchange "
    "energy infrastructure mandate framework delegation talks session meeting progress "
    "strikes drones missiles intercepted monitoring mission sanctions grain ports nuclear "
    "plant withdrawal referendum sovereignty reconstruction fund guarantee allies envoy"
).split()
SYLLABLES = "ka lo mi ren sto vla dim ser gei an dre ol ga na ta li ya mar ko vich enko ov sky".split()


def name(rng: random.Random) -> str:
    first = "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()
    last = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
    return f"{first} {last}"


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def synthetic(items: int, seed: int = 1) -> Briefing:
    """About ``items`` items: a quarter each people, agenda, quotes, events."""
    rng = random.Random(seed)
    per = max(1, items // 4)
    sides = [f"side{i}" for i in range(max(2, per // 50))]
    delegations = []
    people = []
    for i, side in enumerate(sides):
        members = []
        for j in range(per // len(sides)):
            pid = f"p{i}-{j}"
            people.append(pid)
            members.append({"id": pid, "name": name(rng), "title": sentence(rng, 3), "aka": [name(rng)]})
        delegations.append({"id": side, "side": f"Country {i}", "role": "party", "members": members})
    delegations[0]["members"].append({"id": "zelenskyy", "name": "Volodymyr Zelenskyy", "aka": ["Zelensky"]})
    people.append("zelenskyy")
    data = {
        "schema": 1,
        "meta": {"title": "Synthetic"},
        "delegations": delegations,
        "agenda": [
            {"id": f"a{i}", "title": sentence(rng, 4), "raised_by": [rng.choice(people)], "notes": sentence(rng, 12)}
            for i in range(per)
        ],
        "quotes": [
            {
                "id": f"q{i}",
                "speaker": rng.choice(people),
                "text": " ".join(sentence(rng, rng.randint(8, 20)) for _ in range(rng.randint(1, 3))),
                "channel": rng.choice(["X", "Telegram", "Facebook", "press remarks"]),
                "when": rng.choice(["Tuesday", "Wednesday", "late Tuesday"]),
            }
            for i in range(per)
        ],
        "timeline": [
            {"id": f"e{i}", "when": rng.choice(["Tuesday", "Wednesday", "Geneva, Monday"]), "title": sentence(rng, 6)}
            for i in range(per)
        ],
    }
    return msgspec.convert(data, Briefing, dec_hook=lambda t, o: Figure.parse(o))


def naive(haystacks: list[str], query: str) -> list[int]:
    words = query.casefold().replace('"', " ").split()
    return [i for i, h in enumerate(haystacks) if all(w in h for w in words)]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def engine_run(index: SearchIndex, plain: list[str]) -> tuple[list[float], list[float]]:
    engine, scan = [], []
    for query in QUERIES:
        previous = None
        for end in range(1, len(query) + 1):
            prefix = query[:end]
            t0 = time.perf_counter()
            previous = index.search(prefix, previous=previous)
            engine.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            naive(plain, prefix)
            scan.append(time.perf_counter() - t0)
    return engine, scan


async def screen_run(briefing: Briefing) -> list[float]:
    """Type into the headless app; time each keystroke until its result is shown."""
    import tempfile

    from briefing.ui.app import BriefingApp
    from briefing.ui.widgets.search_bar import SearchBar

    times: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "b.yaml"
        path.write_text("schema: 1\nmeta:\n  title: placeholder\n", encoding="utf-8")
        app = BriefingApp(path, watch=False)
        async with app.run_test(size=(120, 40)) as pilot:
            main = app.screen
            main.show(briefing)
            while main.index is None:
                await pilot.pause(0.05)
            bar = main.query_one(SearchBar)
            await pilot.press("slash")
            for query in QUERIES:
                bar.input.value = ""
                await pilot.pause(0.05)
                for end in range(1, len(query) + 1):
                    prefix = query[:end]
                    t0 = time.perf_counter()
                    bar.input.value = prefix
                    while main.finding.query != prefix or (main.finding.result is None) or main.finding.result.query.text != prefix:
                        await asyncio.sleep(0)
                    await pilot.pause()  # one refresh of the panes
                    times.append(time.perf_counter() - t0)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--screen", action="store_true", help="also time the on-screen update")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print("| items | index build | engine median | engine p95 | naive scan median | ratio (median) | screen median | screen p95 |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in sizes:
        briefing = synthetic(size)
        t0 = time.perf_counter()
        index = SearchIndex(briefing)
        build = time.perf_counter() - t0
        plain = [h.casefold() for h in index.haystacks]
        engine, scan = engine_run(index, plain)
        em, ep, sm = statistics.median(engine), pct(engine, 0.95), statistics.median(scan)
        screen = "n/a"
        screen95 = "n/a"
        if args.screen:
            times = asyncio.run(screen_run(briefing))
            screen = f"{statistics.median(times) * 1000:.1f} ms"
            screen95 = f"{pct(times, 0.95) * 1000:.1f} ms"
        print(
            f"| {len(index):,} | {build * 1000:.0f} ms | {em * 1000:.3f} ms | {ep * 1000:.2f} ms | "
            f"{sm * 1000:.2f} ms | {sm / em:.0f}x | {screen} | {screen95} |"
        )


if __name__ == "__main__":
    main()
