"""What a terminal shows of a program's output, and the title the
start-up benchmarks wait for. Kept apart from ``startup.py`` so that
``first_frame.py`` counts none of that script's imports (argparse,
dataclasses, termios ...) against the app it measures.
"""

from __future__ import annotations

import re
from pathlib import Path

# CSI, OSC, DCS/APC/PM strings and the remaining two-byte escapes.
ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
    r"|\x1b[P_^][^\x1b]*\x1b\\"
    r"|\x1b[()][0-9A-Za-z]"
    r"|\x1b[@-Z\\-_=>78]"
)


def title_of(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("  title: "):
            return line.removeprefix("  title: ").strip()
    raise ValueError(f"{path}: no meta title line")
