"""Start-up as a user sees it: time to first paint, peak memory, change-to-repaint.

    python benchmarks/startup.py                 # everything (several minutes)
    python benchmarks/startup.py --quick         # 3 runs, sizes 10 and 10,000
    python benchmarks/startup.py --runs 9 --sizes 10000,100000

Each program runs in a pseudo-terminal of 120x40 (TERM=xterm-256color) as
``sys.executable -m briefing FILE``. The clock starts just before the fork
and stops when the briefing's title appears in what the program wrote to the
terminal (escape sequences stripped): that is the first paint a person sees.
Then we wait until the output has been quiet for a moment, read the peak
resident memory (VmHWM from /proc/PID/status; ru_maxrss where there is no
/proc), press ``q`` and make sure the process is gone.

Every measurement is paired with one of ``benchmarks/minimal_app.py`` (a
Header, a Static and a Footer) started right before it, so the two share the
machine's load at that moment; we report medians and the median of the
paired ratios, which is the number the targets are set on.

Sizes are generated briefings (``benchmarks/generate.py``). *Cold* opens a
file with an empty briefing cache (the first open of a file); *warm* opens
it again unchanged. The OS file cache is warm in both. The bundled briefing
has three rows: *cold*, its first open after installing (no cache at all);
*changed*, the first open of a file that changed since it was last opened
(its entry is gone, the themes are cached, as on every start but the first);
and *warm*, every other start. The 1.2x target holds for each.

*Change-to-repaint*: with the app open, the file is rewritten (written to a
temporary file and renamed over it, as many editors save) with one change,
and we time until the changed words appear. Two kinds of change, alternated:
a new title (the header is drawn again) and new words at the start of the
first quote (its pane is drawn again, the quote marked changed and a toast
shown). Without live reload neither appears, and the table says so.
"""

from __future__ import annotations

import argparse
import codecs
import fcntl
import os
import re
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import write as generate_file  # noqa: E402
from benchmarks.minimal_app import MARKER as MINIMAL_MARKER  # noqa: E402
from benchmarks.screen_text import ESCAPES, title_of  # noqa: E402

COLUMNS, LINES = 120, 40
SIZES = (10, 1_000, 10_000, 100_000)
TARGETS = {  # row -> most the paired ratio to the minimal app may be
    "bundled cold": 1.2,
    "bundled changed": 1.2,
    "bundled warm": 1.2,
    "10,000 warm": 1.5,
    "10,000 cold": 3.0,
    "100,000 warm": 2.5,
}
MEMORY_TARGET_MB = {"100,000 warm": 300}
SETTLED = 1.5
"""Seconds after the first paint before a change is timed."""


def visible_text(raw: bytes) -> str:
    """What a terminal would show of ``raw``, as one string (layout ignored)."""
    text = codecs.decode(raw, "utf-8", errors="replace")
    return ESCAPES.sub("", text).replace("\r", "").replace("\n", "")


@dataclass
class Run:
    paint: float
    """Seconds from start to the marker on screen."""
    peak_mb: float
    """Peak resident memory, in MB (10^6 bytes)."""
    repaint: float | None = None
    """Seconds from rewriting the file to the new title on screen."""


class Timeout(Exception):
    pass


class Session:
    """One program in a pseudo-terminal; collects everything it writes."""

    def __init__(self, argv: list[str], env: dict[str, str], cwd: Path) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        self.start = time.perf_counter()
        pid = os.fork()
        if pid == 0:  # child: the pty becomes its controlling terminal
            try:
                os.close(master)
                os.setsid()
                fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
                for fd in (0, 1, 2):
                    os.dup2(slave, fd)
                if slave > 2:
                    os.close(slave)
                os.chdir(cwd)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        os.close(slave)
        self.pid = pid
        self.fd = master
        self.out = bytearray()
        self.eof = False
        self.status: int | None = None
        self.rusage = None

    def pump(self, timeout: float) -> bool:
        """Read what is available within ``timeout`` s; False if nothing came."""
        if self.eof:
            time.sleep(max(0.0, timeout))
            return False
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return False
        try:
            chunk = os.read(self.fd, 1 << 16)
        except OSError:  # EIO: the child closed the terminal
            chunk = b""
        if not chunk:
            self.eof = True
            return False
        self.out += chunk
        return True

    def wait_for(self, text: str, timeout: float, since: int = 0) -> float:
        """perf_counter() time at which ``text`` showed up after byte ``since``."""
        deadline = time.perf_counter() + timeout
        while True:
            if text in visible_text(bytes(self.out[since:])):
                return time.perf_counter()
            left = deadline - time.perf_counter()
            if self.eof:
                tail = visible_text(bytes(self.out))[-500:]
                raise Timeout(f"the program ended before {text!r} appeared; it showed: {tail!r}")
            if left <= 0:
                raise Timeout(f"{text!r} did not appear within {timeout:.0f} s")
            self.pump(min(left, 0.5))

    def settle(self, quiet: float = 0.2, limit: float = 2.0) -> None:
        """Drain output until nothing has come for ``quiet`` s (at most ``limit``)."""
        end = time.perf_counter() + limit
        while time.perf_counter() < end and self.pump(quiet):
            pass

    def peak_mb(self) -> float:
        try:
            status = Path(f"/proc/{self.pid}/status").read_text()
        except OSError:
            return float("nan")
        match = re.search(r"^VmHWM:\s+(\d+)\s+kB", status, re.MULTILINE)
        return int(match.group(1)) * 1024 / 1e6 if match else float("nan")

    def send(self, data: bytes) -> None:
        try:
            os.write(self.fd, data)
        except OSError:
            pass

    def close(self, grace: float = 5.0) -> None:
        """Quit with ``q``; terminate, then kill, if the program lingers."""
        self.send(b"q")
        for sig in (None, signal.SIGTERM, signal.SIGKILL):
            if sig is not None:
                try:
                    os.kill(self.pid, sig)
                except ProcessLookupError:
                    pass
            end = time.perf_counter() + grace
            while time.perf_counter() < end:
                self.pump(0.05)  # keep draining so the child never blocks on output
                pid, status, rusage = os.wait4(self.pid, os.WNOHANG)
                if pid:
                    self.status, self.rusage = status, rusage
                    os.close(self.fd)
                    return
        os.close(self.fd)  # pragma: no cover - SIGKILL always ends it


def measure(
    argv: list[str],
    marker: str,
    env: dict[str, str],
    *,
    edit: Path | None = None,
    change: tuple[str, str, str] | None = None,
    timeout: float = 120.0,
    repaint_timeout: float = 10.0,
) -> Run:
    """Start ``argv``, time until ``marker`` shows, optionally time an edit."""
    original: str | None = None
    session = Session(argv, env, ROOT)
    try:
        painted = session.wait_for(marker, timeout)
        paint = painted - session.start
        session.settle()
        peak = session.peak_mb()
        repaint = None
        if edit is not None and change is not None:
            old, new, marker = change
            # As beside an editor: the viewer has been open a moment, so the
            # watch (set up after the first frame) and the search index
            # (built in the background) are ready. A save in the first
            # second is caught too, only later (see watch_for_changes).
            while time.perf_counter() < painted + SETTLED:
                session.pump(0.05)
            original = edit.read_text(encoding="utf-8")
            assert old in original, f"{edit}: no line {old!r} to change"
            since = len(session.out)
            tmp = edit.with_name(edit.name + ".tmp")
            tmp.write_text(original.replace(old, new, 1), encoding="utf-8")
            changed = time.perf_counter()
            os.replace(tmp, edit)
            try:
                repaint = session.wait_for(marker, repaint_timeout, since) - changed
            except Timeout:
                repaint = None
        return Run(paint, peak, repaint)
    finally:
        session.close()
        if edit is not None and original is not None:
            edit.write_text(original, encoding="utf-8")


def _env(cache_dir: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("TEXTUAL") and k not in ("COLUMNS", "LINES", "NO_COLOR")
    }
    env.update(
        TERM="xterm-256color",
        BRIEFING_CACHE_DIR=str(cache_dir),
        PYTHONPATH=os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep),
    )
    env.pop("BRIEFING_NO_CACHE", None)
    return env


@dataclass
class Row:
    key: str
    items: str
    mode: str
    runs: list[Run] = field(default_factory=list)
    baseline: list[Run] = field(default_factory=list)
    repaints: list[float | None] = field(default_factory=list)
    """Change-to-repaint of a new title."""
    item_repaints: list[float | None] = field(default_factory=list)
    """Change-to-repaint of new words in the first quote."""
    repaint_timeout: float = 0.0

    @property
    def ratio(self) -> float:
        return statistics.median(r.paint / b.paint for r, b in zip(self.runs, self.baseline, strict=False))


def first_quote_line(path: Path) -> str:
    """The ``text:`` line of the first quote (plain, unquoted words)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("quotes:")
    for line in lines[start:]:
        if line.startswith("    text: ") and line[10:11].isalnum():
            return line
    raise ValueError(f"{path}: no plain quote text line")


def clear_cache(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def forget_briefings(folder: Path) -> None:
    """Remove the cached briefings and keep the cached themes: what a file
    that changed since it was last opened meets."""
    for entry in folder.glob("*.msgpack"):
        entry.unlink(missing_ok=True)


def compile_bytecode() -> None:
    """Byte-compile this checkout's package, as ``pip install`` does.

    Otherwise, with PYTHONDONTWRITEBYTECODE set (or a read-only checkout),
    every run would compile briefing's modules from source (~40 ms) while
    Textual, installed by pip, starts from bytecode.
    """
    import compileall

    compileall.compile_dir(ROOT / "briefing", quiet=1)


def run_all(args: argparse.Namespace) -> list[Row]:
    work = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    cache = work / "cache"
    env = _env(cache)
    # No config.toml or user themes: every run sees the same settings.
    env["BRIEFING_CONFIG_DIR"] = str(work / "config")
    compile_bytecode()
    py = sys.executable
    minimal = [py, str(HERE / "minimal_app.py")]
    try:
        from briefing.paths import default_briefing

        files: dict[str, Path] = {}
        files["default"] = work / "geneva-talks.yaml"
        shutil.copyfile(default_briefing(), files["default"])
        for n in args.sizes:
            files[f"{n:,}"] = generate_file(n, work / f"gen-{n}.yaml")
            print(f"generated {n:,} items: {files[f'{n:,}'].stat().st_size / 1e6:.2f} MB", file=sys.stderr)

        rows: list[Row] = []
        if not args.no_default:
            rows.append(Row("bundled cold", "bundled", "cold"))
            rows.append(Row("bundled changed", "bundled", "changed"))
            rows.append(Row("bundled warm", "bundled", "warm"))
        for n in args.sizes:
            rows.append(Row(f"{n:,} cold", f"{n:,}", "cold"))
            rows.append(Row(f"{n:,} warm", f"{n:,}", "warm"))

        def file_of(row: Row) -> Path:
            return files["default" if row.items == "bundled" else row.items]

        for i in range(args.runs):
            for row in rows:
                path = file_of(row)
                if row.mode == "cold":
                    clear_cache(cache)
                elif row.mode == "changed":
                    forget_briefings(cache)
                base = measure(minimal, MINIMAL_MARKER, env)
                run = measure([py, "-m", "briefing", str(path)], title_of(path), env)
                row.baseline.append(base)
                row.runs.append(run)
                print(
                    f"run {i + 1}/{args.runs} {row.key:>14}: {run.paint:6.3f} s "
                    f"{run.peak_mb:6.1f} MB  (minimal {base.paint:.3f} s, "
                    f"ratio {run.paint / base.paint:.2f})",
                    file=sys.stderr,
                )

        if not args.no_repaint:
            # A copy of its own per file: the reload writes the edited
            # briefing to the cache, which must not turn warm runs cold.
            for row in rows:
                if row.mode in ("cold", "changed"):
                    continue
                source = file_of(row)
                path = work / f"edit-{source.name}"
                shutil.copyfile(source, path)
                title = title_of(path)
                quote = first_quote_line(path)
                # A reload of a big file is a full parse: allow for it.
                items = 10 if row.items == "bundled" else int(row.items.replace(",", ""))
                timeout = args.repaint_timeout + items * 0.25e-3
                row.repaint_timeout = timeout
                for i in range(args.runs):
                    edits = (
                        ("title", row.repaints, (f"title: {title}", f"title: {title} (edit {i + 1})")),
                        (
                            "quote",
                            row.item_repaints,
                            (quote, quote.replace("text: ", f"text: Edit{i + 1}x ", 1)),
                        ),
                    )
                    for kind, times, (old, new) in edits:
                        marker = new.split(": ", 1)[1] if kind == "title" else f"Edit{i + 1}x"
                        run = measure(
                            [py, "-m", "briefing", str(path)],
                            title,
                            env,
                            edit=path,
                            change=(old, new, marker),
                            repaint_timeout=timeout,
                        )
                        times.append(run.repaint)
                        shown = "n/a" if run.repaint is None else f"{run.repaint:.3f} s"
                        print(f"repaint {i + 1}/{args.runs} {row.key:>14} {kind}: {shown}", file=sys.stderr)
                    if not any(row.repaints) and not any(row.item_repaints):
                        break  # never repainted: no live reload, don't wait again
        return rows
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _repaint_cell(row: Row, times: list[float | None]) -> str:
    """Median change-to-repaint, and how many changes never showed."""
    if not times:
        return "" if row.mode in ("cold", "changed") else "not measured"
    shown = [t for t in times if t is not None]
    if not shown:
        return "n/a (no live reload)"
    cell = f"{statistics.median(shown):.2f} s"
    if len(shown) < len(times):
        cell += f" ({len(times) - len(shown)} of {len(times)} not shown in {row.repaint_timeout:.0f} s)"
    return cell


def table(rows: list[Row], runs: int) -> str:
    lines = [
        "| Briefing | Open | First paint (median) | Minimal app | Ratio (median of pairs) "
        "| Target | Peak memory | Change-to-repaint: title | quote |",
        "| --- | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |",
    ]
    for row in rows:
        paint = statistics.median(r.paint for r in row.runs)
        base = statistics.median(b.paint for b in row.baseline)
        peak = statistics.median(r.peak_mb for r in row.runs)
        ratio = row.ratio
        target = TARGETS.get(row.key)
        verdict = ""
        if target is not None:
            verdict = f"≤ {target}× {'✓' if ratio <= target else '✗'}"
        mem_target = MEMORY_TARGET_MB.get(row.key)
        mem = f"{peak:.0f} MB"
        if mem_target is not None:
            mem += f" (≤ {mem_target} {'✓' if peak <= mem_target else '✗'})"
        repaint = _repaint_cell(row, row.repaints)
        item_repaint = _repaint_cell(row, row.item_repaints)
        items = "bundled (Geneva)" if row.items == "bundled" else f"{row.items} items"
        lines.append(
            f"| {items} | {row.mode if row.mode != '-' else ''} | {paint:.2f} s | {base:.2f} s "
            f"| {ratio:.2f}× | {verdict} | {mem} | {repaint} | {item_repaint} |"
        )
    lines.append("")
    lines.append(
        f"{runs} runs each, {COLUMNS}x{LINES} pty, Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPUs. Ratio: briefing / minimal Textual app started just "
        "before it. Cold: empty briefing cache; changed: "
        "the file's cached briefing gone, themes cached; warm: same file again."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per row (default 7)")
    parser.add_argument(
        "--sizes",
        type=lambda s: [int(x.replace("_", "").replace(",", "")) for x in s.split(",") if x],
        default=list(SIZES),
        help="comma-separated item counts (default 10,1000,10000,100000)",
    )
    parser.add_argument("--quick", action="store_true", help="3 runs, sizes 10 and 10000")
    parser.add_argument("--no-default", action="store_true", help="skip the bundled briefing")
    parser.add_argument("--no-repaint", action="store_true", help="skip change-to-repaint")
    parser.add_argument(
        "--repaint-timeout",
        type=float,
        default=5.0,
        metavar="S",
        help="wait this long (+0.25 s per 1,000 items) for an edit to show (default 5)",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.sizes = 3, [10, 10_000]
    rows = run_all(args)
    print(table(rows, args.runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
