"""``briefing serve`` with 1 and 10 viewers: memory per tab and keystroke round-trip.

    python benchmarks/serve_bench.py                  # 1 and 10 viewers
    python benchmarks/serve_bench.py --viewers 1,5 --presses 10

Starts ``briefing serve`` on a free port with a copy of the bundled briefing,
then opens the viewers as pages of one headless Chromium (the system's
``chromium``, driven by Playwright), each 1200x800 at the default 16 px, and
waits until every page shows the dashboard (read from the page's
screen-reader DOM, as the tests do) and the machine has settled.

- *Memory*: the resident set (VmRSS) of each app process (one per tab: the
  server's descendants running ``-m briefing`` but not ``serve``) and of the
  server itself, read after the key presses below.
- *Keystroke round-trip*: in each page in turn, ``5`` until the timeline's
  text reaches the page and ``4`` until the tally's does (switching the tab
  of a pane); then ``?`` until the help's text does, and ``Esc`` until the
  text under the help card does;
  the clock runs from just before Playwright sends the key to when the
  app's repaint has arrived in the page's websocket (browser → server → app
  → server → browser; xterm.js then draws it within a frame). Not the
  page's screen-reader DOM: xterm.js refreshes that at most once a second.
  Medians over all presses in all pages.
- *Save to every page*: the briefing's title is rewritten in the file and we
  time until the new title has reached the last page.

Prints a markdown table on stdout, progress on stderr.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "content" / "geneva-talks.yaml"
TITLE = "Ukraine–Russia talks in Geneva"
TREE = "document.querySelector('.xterm-accessibility-tree')"
HAS = f"(text) => {TREE} && {TREE}.innerText.includes(text)"
HELP = "Show every key"  # in the help card
UNDER_HELP = "Security issues"  # an agenda item the help card covers: repainted when it closes
KEYS = {
    # (key, text that reaches the page once the app has taken it), in pairs that undo each other
    "tab": [("5", "Earlier rounds held in Abu Dhabi"), ("4", "Missiles")],
    "help": [("?", HELP), ("Escape", UNDER_HELP)],
}
"""Two kinds of key: switching the tab of the tally / timeline pane, and opening and closing help."""

# What the app sends each page, as text: the page's screen-reader DOM is
# refreshed by xterm.js at most once a second, too coarse for a round-trip.
RECORD_OUTPUT = """
(() => {
  const Native = window.WebSocket;
  const decoder = new TextDecoder();
  window.__received = "";
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (typeof event.data !== "string") window.__received += decoder.decode(event.data, {stream: true});
      });
    }
  };
})();
"""
RECEIVED = "(text) => window.__received.includes(text)"


def log(*args: object) -> None:
    print(*args, file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def app_processes(server: int) -> list[int]:
    apps = []
    for pid in descendants(server):
        try:
            args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"briefing" in args and b"serve" not in args and b"-m" in args:
            apps.append(pid)
    return apps


def run(viewers: int, presses: int, chromium: str) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="serve-bench-"))
    path = folder / "talks.yaml"
    shutil.copyfile(BUNDLED, path)
    port = free_port()
    env = dict(
        os.environ, BRIEFING_CONFIG_DIR=str(folder / "config"), BRIEFING_CACHE_DIR=str(folder / "cache")
    )
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    server = subprocess.Popen(
        [sys.executable, "-m", "briefing", "serve", str(path), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        start_new_session=True,
    )
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.1)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, headless=True)
            pages = []
            for _ in range(viewers):
                page = browser.new_page(viewport={"width": 1200, "height": 800})
                page.add_init_script(RECORD_OUTPUT)
                page.goto(f"http://127.0.0.1:{port}/")
                pages.append(page)
            for page in pages:
                page.wait_for_function(HAS, arg=TITLE, timeout=120_000)
                page.click("#terminal")
            time.sleep(3)  # let start-up work (the search index, the watcher) finish
            apps = app_processes(server.pid)
            assert len(apps) == viewers, f"{len(apps)} app processes for {viewers} viewers"

            trips: dict[str, list[float]] = {kind: [] for kind in KEYS}
            for _ in range(presses):
                for page in pages:
                    for kind, pairs in KEYS.items():
                        for key, shown in pairs:
                            page.evaluate("window.__received = ''")
                            start = time.perf_counter()
                            page.keyboard.press(key)
                            page.wait_for_function(RECEIVED, arg=shown, timeout=30_000, polling=2)
                            trips[kind].append(time.perf_counter() - start)
                        time.sleep(0.05)
            for kind, times in trips.items():
                log(f"{viewers} viewers, {kind}: round-trips {[round(t * 1000) for t in times]} ms")

            # After the keys, so every tab has done its deferred start-up work.
            app_rss = [rss_mb(pid) for pid in apps]
            server_rss = rss_mb(server.pid)
            log(f"{viewers} viewers: app RSS {[round(m) for m in app_rss]} MB, server {server_rss:.0f} MB")

            saves: list[float] = []
            for number in range(3):
                new = f"Saved {number}"
                text = path.read_text(encoding="utf-8")
                old = text.split("\n  title: ", 1)[1].split("\n", 1)[0]
                for page in pages:
                    page.evaluate("window.__received = ''")
                start = time.perf_counter()
                path.write_text(text.replace(f"  title: {old}", f"  title: {new}", 1), encoding="utf-8")
                for page in pages:
                    page.wait_for_function(RECEIVED, arg=new, timeout=60_000, polling=2)
                saves.append(time.perf_counter() - start)
                time.sleep(1)
            log(f"{viewers} viewers: save to every page {[round(s * 1000) for s in saves]} ms")
            browser.close()
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        shutil.rmtree(folder, ignore_errors=True)
    return {
        "viewers": viewers,
        "app_rss": statistics.median(app_rss),
        "app_rss_total": sum(app_rss),
        "server_rss": server_rss,
        **{f"{kind}": statistics.median(times) for kind, times in trips.items()},
        **{f"{kind}_p90": statistics.quantiles(times, n=10)[-1] for kind, times in trips.items()},
        "samples": len(trips["tab"]),
        "save": statistics.median(saves),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--viewers", default="1,10", help="comma-separated viewer counts (default 1,10)")
    parser.add_argument("--presses", type=int, default=10, help="? and Esc presses per page (default 10)")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args()
    rows = [run(int(n), args.presses, args.chromium) for n in args.viewers.split(",")]
    print(
        "| Viewers | App process (median RSS) | All apps | Server | Key: switch tab (median / p90) "
        "| Key: open or close help (median / p90) | Save to every page (median) |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        print(
            f"| {row['viewers']} | {row['app_rss']:.0f} MB | {row['app_rss_total']:.0f} MB | "
            f"{row['server_rss']:.0f} MB | {row['tab'] * 1000:.0f} / {row['tab_p90'] * 1000:.0f} ms | "
            f"{row['help'] * 1000:.0f} / {row['help_p90'] * 1000:.0f} ms | {row['save'] * 1000:.0f} ms |"
        )
    print()
    print(f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, headless Chromium at 1200x800, 16 px.")


if __name__ == "__main__":
    main()
