"""Start briefing headless on a file, quit after the first frame: a start-up
whose cost can be counted exactly.

Wall-clock start-up (``startup.py``) swings by ±30 % on a shared machine;
the instructions executed do not. To compare two checkouts A and B:

    valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        env PYTHONPATH=A PYTHONHASHSEED=0 python benchmarks/first_frame.py
    (the same with PYTHONPATH=B)

and compare the "Collected" totals. Run each once first so both find their
briefing cache warm (set BRIEFING_CACHE_DIR to a folder per checkout: they
share the file's path and would evict each other's entry), and set
BRIEFING_CONFIG_DIR to an empty folder.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from briefing.paths import default_briefing
from briefing.ui.app import BriefingApp


async def _quit_after_first_frame(pilot: Any) -> None:
    await pilot.pause()
    pilot.app.exit()


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else default_briefing()
    BriefingApp(path, watch=False).run(headless=True, auto_pilot=_quit_after_first_frame, size=(120, 40))


if __name__ == "__main__":
    main()
