"""An app with a frozen clock, so snapshots and Pilot tests are repeatable,
and the waits that let its background work finish."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from rich.console import Console

from briefing.ui.app import BriefingApp

NOW = datetime(2026, 2, 18, 14, 5)
FILE_TIME = datetime(2026, 2, 18, 13, 50)


class FrozenApp(BriefingApp):
    """BriefingApp at 14:05 on a fixed day, its file saved 15 minutes earlier."""

    def __init__(self, path: Path, **kwargs) -> None:
        kwargs.setdefault("watch", False)
        super().__init__(path, **kwargs)

    def now(self) -> datetime:
        return NOW

    def file_mtime(self) -> datetime | None:
        return FILE_TIME


async def until(pilot, condition: Callable[[], object], timeout: float = 4.0) -> None:
    """Wait (up to ``timeout`` seconds) for ``condition()`` to hold, letting the app run."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "condition not met in time"
        await pilot.pause(0.02)


async def settle(pilot, timeout: float = 4.0) -> None:
    """Wait until the dashboard is indexed and no load, index or search work is left."""
    app = pilot.app

    def idle() -> bool:
        # Pending workers count too: a search queued as the index became
        # ready has not started running yet.
        return app.screen.finder.index is not None and not any(
            not w.is_finished for w in app.workers if w.group in ("load", "index", "search")
        )

    await pilot.pause(0.02)  # let the last key's messages start their work
    await until(pilot, idle, timeout)
    await pilot.pause(0.05)


def grab(app: BriefingApp) -> tuple[str, str]:
    """The whole composed screen: (plain text, ANSI stream as a terminal gets it)."""
    console = Console(
        width=app.size.width,
        height=app.size.height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text(styles=False), console.file.getvalue()


def screen_lines(app: BriefingApp) -> list[str]:
    """What a person sees: the composed screen, one string per row."""
    return grab(app)[0].splitlines()
