"""An app with a frozen clock, so snapshots and Pilot tests are repeatable."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

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
