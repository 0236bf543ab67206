"""Start briefing (or the minimal app) headless and exit the moment the
briefing's title is first written to the terminal: the point where
``startup.py`` stops its clock, reached without a terminal, so its cost can
be counted exactly.

Wall-clock start-up (``startup.py``) swings by ±0.1 in ratio on a shared
machine; the instructions executed do not. To count them:

    valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        env PYTHONPATH=CHECKOUT BRIEFING_CONFIG_DIR=EMPTY BRIEFING_CACHE_DIR=CACHE \\
        python benchmarks/first_frame.py [FILE]
    (the same with ``minimal`` instead of FILE, for the minimal app)

and read the "Collected" total. Run once without valgrind first for a
later start (the briefing cache filled); empty CACHE for a first one. The
briefing starts through ``briefing.cli.main``, as ``python -m briefing``
does (garbage collection off until the first frame included).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

# The headless driver writes nothing; told it is not headless, the app
# renders into it as into a terminal, and its writes are watched here.
os.environ["TEXTUAL_DRIVER"] = "textual.drivers.headless_driver:HeadlessDriver"

from textual.app import App  # noqa: E402
from textual.drivers.headless_driver import HeadlessDriver  # noqa: E402

from benchmarks.screen_text import ESCAPES, title_of  # noqa: E402

_written: list[str] = []
_marker = ""


def _write(self: HeadlessDriver, data: str) -> None:
    _written.append(ESCAPES.sub("", data))
    if _marker in "".join(_written):
        os._exit(0)  # the first frame with the marker is out: stop counting


def _run(self: App[Any], *args: Any, **kwargs: Any) -> Any:
    kwargs.update(headless=True, size=(120, 40))
    return _app_run(self, *args, **kwargs)


_app_run = App.run


def main() -> int:
    global _marker
    HeadlessDriver.write = _write  # type: ignore[method-assign]
    HeadlessDriver.is_headless = property(lambda self: False)  # type: ignore[method-assign,assignment]
    App.run = _run  # type: ignore[method-assign]
    if sys.argv[1:] == ["minimal"]:
        # Imported only here: its widgets are not the briefing's to count.
        from benchmarks.minimal_app import MARKER, MinimalApp

        _marker = MARKER
        MinimalApp().run()
    else:
        from briefing.cli import main as briefing
        from briefing.paths import default_briefing

        path = Path(sys.argv[1]) if len(sys.argv) > 1 else default_briefing()
        _marker = title_of(path)
        briefing([str(path)])
    print(f"first_frame.py: {_marker!r} never appeared", file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
