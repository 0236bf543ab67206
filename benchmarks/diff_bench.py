"""What comparing costs: ``briefing diff`` against ``briefing check``, and a folder's start-up.

    python benchmarks/diff_bench.py            # 5 runs of each
    python benchmarks/diff_bench.py --runs 9

1. **Diff against check.** Two generated 10,000-item briefings
   (``benchmarks/generate.py``), the second with 100 quotes edited, one
   figure changed and ten items reordered. ``briefing diff OLD NEW`` (the
   text report, to a pipe) is timed against ``briefing check OLD NEW``
   (which loads and validates both files and prints nothing), in the same
   run, alternating, each as a fresh process: *cold* with the briefing
   cache off (both parse the YAML), *warm* with both files in the cache.
   Target: diff ≤ 1.5× check (median of the paired ratios).

2. **A folder of 50 briefings against one.** ``briefing DIR`` on a folder
   of 50 rounds (copies of the bundled briefing with their own titles and
   dates) against ``briefing FILE`` on the bundled briefing, in a 120x40
   pseudo-terminal (``benchmarks/startup.py``'s machinery): from start to
   the first paint (the picker's heading, or the briefing's title), and to
   the moment every round of the folder has been read (the picker's frame
   says "50 rounds" instead of "reading N of 50…"). Target: first paint ≤ 1.2× one briefing.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate  # noqa: E402
from benchmarks.startup import _env, compile_bytecode, measure, title_of  # noqa: E402

ITEMS = 10_000
ROUNDS = 50


def edited(text: str) -> str:
    """``text`` with 100 quotes edited, one figure changed and ten agenda items moved."""
    lines = text.splitlines(keepends=True)
    # Plain (unquoted) one-line texts, so appending words keeps the YAML valid.
    quotes = [i for i, line in enumerate(lines) if line.startswith("    text: ") and line[10] not in "\"'>|"]
    for i in quotes[:: len(quotes) // 100][:100]:
        lines[i] = lines[i].rstrip("\n") + " Edited since the last round.\n"
    out = "".join(lines).replace("launched: nearly 400", "launched: about 410", 1)
    # Move the first ten agenda items to the end of the agenda: no change.
    start = out.index("\nagenda:\n") + len("\nagenda:\n")
    end = out.index("\nquotes:\n")
    block = out[start:end]
    items = re.split(r"(?m)^(?=  - id: )", block)
    items = [item for item in items if item]
    tail = "\n" if not items[-1].endswith("\n") else ""
    moved = items[10:] + items[:10]
    return out[:start] + "".join(moved) + tail + out[end:]


def timed(argv: list[str], env: dict[str, str], expect: int) -> float:
    start = time.perf_counter()
    result = subprocess.run(argv, env=env, capture_output=True, timeout=300, check=False)
    took = time.perf_counter() - start
    if result.returncode != expect:
        raise SystemExit(f"{argv[3:]} exited {result.returncode}: {result.stderr.decode()[:500]}")
    return took


def diff_against_check(work: Path, runs: int) -> list[tuple[str, float, float, float]]:
    old = work / "old.yaml"
    new = work / "new.yaml"
    text = generate(ITEMS)
    old.write_text(text, encoding="utf-8")
    new.write_text(edited(text), encoding="utf-8")
    py = sys.executable
    rows = []
    for mode in ("cold", "warm"):
        env = _env(work / "cache")
        if mode == "cold":
            env["BRIEFING_NO_CACHE"] = "1"
        else:
            timed([py, "-m", "briefing", "check", str(old), str(new)], env, 0)  # fill the cache
        diffs, checks, ratios = [], [], []
        for _ in range(runs):
            check = timed([py, "-m", "briefing", "check", str(old), str(new)], env, 0)
            took = timed([py, "-m", "briefing", "diff", str(old), str(new)], env, 1)
            checks.append(check)
            diffs.append(took)
            ratios.append(took / check)
            print(
                f"{mode}: diff {took:.3f} s, check {check:.3f} s, ratio {took / check:.2f}", file=sys.stderr
            )
        rows.append((mode, statistics.median(diffs), statistics.median(checks), statistics.median(ratios)))
    return rows


def folder_against_one(work: Path, runs: int) -> tuple[float, float, float, float]:
    from briefing.paths import default_briefing

    one = work / "geneva-talks.yaml"
    bundled = default_briefing().read_text(encoding="utf-8")
    one.write_text(bundled, encoding="utf-8")
    folder = work / "rounds"
    folder.mkdir()
    title = title_of(one)
    for n in range(ROUNDS):
        text = bundled.replace(f"title: {title}", f"title: Round {n + 1:02d}", 1)
        text = text.replace(
            "  place: Geneva\n", f'  place: Geneva\n  updated: "2026-01-{n % 28 + 1:02d}"\n', 1
        )
        (folder / f"round-{n + 1:02d}.yaml").write_text(text, encoding="utf-8")
    env = _env(work / "cache")
    env["BRIEFING_CONFIG_DIR"] = str(work / "config")
    py = sys.executable
    ones, folders, ratios, all_read = [], [], [], []
    for _ in range(runs):
        single = measure([py, "-m", "briefing", "--no-watch", str(one)], title, env).paint
        picker = measure([py, "-m", "briefing", "--no-watch", str(folder)], "Rounds in", env).paint
        # Every round read: the picker's frame then counts the rounds
        # (it says "reading N of 50…" until then).
        read = measure([py, "-m", "briefing", "--no-watch", str(folder)], f"{ROUNDS} rounds", env).paint
        ones.append(single)
        folders.append(picker)
        ratios.append(picker / single)
        all_read.append(read)
        print(
            f"folder: first paint {picker:.3f} s (all read {read:.3f} s), one briefing {single:.3f} s, "
            f"ratio {picker / single:.2f}",
            file=sys.stderr,
        )
    return (
        statistics.median(folders),
        statistics.median(all_read),
        statistics.median(ones),
        statistics.median(ratios),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="briefing-diff-bench-") as tmp:
        work = Path(tmp)
        rows = diff_against_check(work, args.runs)
        folder = folder_against_one(work, args.runs)
    print(f"\n{args.runs} runs each, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs.\n")
    print("| 10,000-item briefings | `briefing diff` | `briefing check` | Ratio (median of pairs) | Target |")
    print("| --- | ---: | ---: | ---: | --- |")
    for mode, took, check, ratio in rows:
        mark = "✓" if ratio <= 1.5 else "✗"
        print(f"| {mode} | {took:.2f} s | {check:.2f} s | {ratio:.2f}× | ≤ 1.5× {mark} |")
    picker, read, one, ratio = folder
    mark = "✓" if ratio <= 1.2 else "✗"
    print("\n| Open | First paint (median) | Every round read | Ratio (median of pairs) | Target |")
    print("| --- | ---: | ---: | ---: | --- |")
    print(f"| one briefing (bundled) | {one:.2f} s |  |  |  |")
    print(f"| folder of {ROUNDS} rounds | {picker:.2f} s | {read:.2f} s | {ratio:.2f}× | ≤ 1.2× {mark} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
