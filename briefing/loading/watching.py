"""Notice when a briefing file changes on disk. No UI imports.

Editors save by writing a new file and renaming it over the old one, which
ends any watch on the old file's inode. So we watch the parent folder and
filter by name. watchfiles (Rust, inotify/FSEvents/kqueue) does the
watching; where it cannot (no native events, an unusual filesystem, or the
package missing) we fall back to polling the file's stat signature.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from pathlib import Path

POLL_SECONDS = 0.1
DEBOUNCE_MS = 30
"""Editors write in bursts (truncate, write, rename); one reload per burst."""


def signature(path: Path) -> tuple[int, int, int, int] | None:
    """What changes when the file is rewritten: inode, size, mtime, ctime."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


async def changes(path: Path, *, force_polling: bool = False) -> AsyncIterator[None]:
    """Yield once per burst of changes to ``path`` (created, written, removed)."""
    path = path.absolute()
    if not force_polling:
        try:
            from watchfiles import awatch
        except ImportError:  # pragma: no cover - watchfiles is a dependency
            force_polling = True
    if not force_polling:
        name = path.name
        try:
            async for _ in awatch(
                path.parent,
                watch_filter=lambda _change, changed: Path(changed).name == name,
                debounce=DEBOUNCE_MS,
                step=10,
                recursive=False,
            ):
                yield None
            return
        except (OSError, RuntimeError):
            pass  # e.g. the folder vanished or inotify is exhausted: poll instead
    async for _ in _poll(path):
        yield None


async def _poll(path: Path) -> AsyncIterator[None]:
    last = signature(path)
    while True:
        await asyncio.sleep(POLL_SECONDS)
        current = signature(path)
        if current != last:
            last = current
            yield None
