"""Verification benchmark: quotes checked against a report's text, against loading.

    python benchmarks/sources_bench.py [--quotes 10000] [--kib 1024] [--repeat 5]

Writes a synthetic report of about ``--kib`` KiB (paragraphs of made-up
words with typographic quotation marks, dashes and hard line breaks) and a
briefing with ``--quotes`` quotes taken from it verbatim, written as people
type them (straight quotes, ``--``, one line), plus a few figures. Then, in
the same run and interleaved, it times what ``briefing check`` did before
sources (loading and validating the YAML, no cache) and the verification it
now adds (reading and indexing the report once, finding every quote and
figure). Medians of ``--repeat`` runs, and their ratio. A second line times
the same briefing with 1% of its quotes altered by one word, each getting
its closest passage (``check`` stops after 100 problems). Last, the whole
``briefing check`` command, on that briefing with and without the source's
``file:`` (without it nothing is verified), interleaved with the verification
in this process; the issue's target is that verification against ``check``
without ``file:`` (a ratio of at most 1).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent)]  # this checkout's briefing first

from briefing.loading import load_path  # noqa: E402
from briefing.sources.verify import verify  # noqa: E402


def make_report(size: int, rng: random.Random) -> str:
    syllables = ["ka", "lo", "mir", "sen", "ta", "vo", "rin", "del", "qu", "as", "ter", "on", "ul", "bex"]
    vocabulary = ["".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))) for _ in range(20_000)]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]  # Zipf-like
    paragraphs: list[str] = []
    total = 0
    while total < size:
        sentences = []
        for _ in range(rng.randint(2, 6)):
            words = rng.choices(vocabulary, weights, k=rng.randint(6, 28))
            words[0] = words[0].capitalize()
            if rng.random() < 0.3:
                cut = rng.randint(1, len(words) - 1)
                words[cut] = "\u2014 " + words[cut]
            sentence = " ".join(words) + rng.choice([".", ".", "?", ","])
            if rng.random() < 0.4:
                sentence = f"\u201c{sentence}\u201d he said it\u2019s {rng.randint(1, 5000)}."
            sentences.append(sentence)
        text = " ".join(sentences)
        # Hard line breaks at about 72 columns, as in a saved e-mail.
        lines, line = [], ""
        for word in text.split(" "):
            if len(line) + len(word) > 72:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
        paragraphs.append("\n".join(lines))
        total += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs) + "\n"


def as_typed(passage: str) -> str:
    """A verbatim passage as a person types it: one line, straight quotes, --."""
    return (
        " ".join(passage.split())
        .replace("\u201c", '"')
        .replace("\u201d", '"')
        .replace("\u2019", "'")
        .replace("\u2014", "--")
    )


def make_briefing(report: str, quotes: int, rng: random.Random, altered: float = 0.0) -> str:
    starts = [i for i in range(1, len(report)) if report[i - 1].isspace() and report[i].isalpha()]
    lines = [
        "schema: 1",
        "meta:",
        "  title: Benchmark",
        "sources:",
        "  - id: report",
        "    outlet: Synthetic",
        "    file: report.txt",
        "delegations:",
        "  - id: side",
        "    side: Side",
        "    role: party",
        "quotes:",
    ]
    for n in range(quotes):
        start = rng.choice(starts)
        end = start
        for _ in range(rng.randint(5, 30)):
            nxt = report.find(" ", end + 1)
            if nxt == -1:
                break
            end = nxt
        text = as_typed(report[start:end]).rstrip(",.?")
        if altered and rng.random() < altered:
            words = text.split(" ")
            words[len(words) // 2] = "altered"
            text = " ".join(words)
        lines += [f"  - id: q{n}", "    speaker: side", f"    text: {json.dumps(text, ensure_ascii=False)}"]
    numbers = sorted({int(n) for n in __import__("re").findall(r"\d+", report)})[:10]
    lines += ["strikes:", "  period: The benchmark", "  counts:"]
    for n, value in enumerate(numbers):
        lines += [f"    - id: c{n}", "      weapon: W", f"      launched: {value}"]
    return "\n".join(lines) + "\n"


def median_times(path: Path, repeat: int) -> tuple[float, float, int]:
    """In one process: loading and validating (no cache), then verifying."""
    loads, verifies = [], []
    found = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        briefing = load_path(path, cache=False)
        t1 = time.perf_counter()
        found = len(verify(briefing, path.parent))
        t2 = time.perf_counter()
        loads.append(t1 - t0)
        verifies.append(t2 - t1)
    return statistics.median(loads), statistics.median(verifies), found


def command_times(with_file: Path, without_file: Path, repeat: int) -> tuple[float, float, float]:
    """`briefing check` end to end, on the same briefing with and without the
    source's `file:` (so without it, nothing is verified), and the verification
    of that briefing in this process: the issue's target compares the last two.
    Interleaved, so that the machine's load weighs on all three alike."""
    env = {**os.environ, "BRIEFING_NO_CACHE": "1", "PYTHONPATH": str(HERE.parent)}
    times: dict[Path, list[float]] = {with_file: [], without_file: []}
    verifies: list[float] = []
    for _ in range(repeat):
        for path in (without_file, with_file):
            t0 = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "briefing", "check", str(path)], env=env, capture_output=True
            )
            times[path].append(time.perf_counter() - t0)
        briefing = load_path(with_file, cache=False)
        t0 = time.perf_counter()
        verify(briefing, with_file.parent)
        verifies.append(time.perf_counter() - t0)
    medians = (statistics.median(times[with_file]), statistics.median(times[without_file]))
    return *medians, statistics.median(verifies)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quotes", type=int, default=10_000)
    parser.add_argument("--kib", type=int, default=1024)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(13)
    report = make_report(args.kib * 1024, rng)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        (base / "report.txt").write_text(report, encoding="utf-8")
        exact = base / "exact.yaml"
        exact.write_text(make_briefing(report, args.quotes, random.Random(1)), encoding="utf-8")
        unverified = base / "unverified.yaml"
        unverified.write_text(exact.read_text(encoding="utf-8").replace("    file: report.txt\n", ""))
        altered = base / "altered.yaml"
        altered.write_text(make_briefing(report, args.quotes, random.Random(1), 0.01), encoding="utf-8")
        size = len(report.encode("utf-8"))
        print(f"report: {size / 1e6:.2f} MB; {args.quotes:,} quotes; medians of {args.repeat}")
        print()
        print("| briefing | load and validate | verification | verification / load | problems |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for label, path in (("verbatim", exact), ("1% altered", altered)):
            load, check, found = median_times(path, args.repeat)
            print(
                f"| {label} | {load * 1000:,.0f} ms | {check * 1000:,.0f} ms | {check / load:.2f}× | {found} |"
            )
        with_file, without, verifying = command_times(exact, unverified, args.repeat)
        print()
        print("| `briefing check` (whole command) | without `file:` | with `file:` | ratio |")
        print("| --- | ---: | ---: | ---: |")
        print(
            f"| verbatim | {without * 1000:,.0f} ms | {with_file * 1000:,.0f} ms | {with_file / without:.2f}× |"
        )
        print()
        print("| the target, same runs | verification (in process) | `check` without `file:` | ratio |")
        print("| --- | ---: | ---: | ---: |")
        print(
            f"| verbatim | {verifying * 1000:,.0f} ms | {without * 1000:,.0f} ms | {verifying / without:.2f}× |"
        )


if __name__ == "__main__":
    main()
