"""Notice when a briefing file changes on disk. No UI imports.

Editors save by writing a new file and renaming it over the old one, which
ends any watch on the old file's inode. So we watch the parent folder and
filter by name (for a symlink, the link's folder and its target's). Three
everyday events need more than that:

* the folder is deleted and made again (``git checkout`` of another branch,
  a sync tool): a watch on the old folder hears nothing ever after, so a
  look-out notices the folder change, and the watch starts again on the new
  one;
* a save written in parts: each burst of events is passed on only once the
  file has been quiet for ``QUIET_SECONDS``, so a pause at a valid prefix is
  not shown as the briefing;
* no native events (an unusual filesystem, inotify exhausted): we poll the
  file's stat signature instead.

watchfiles (Rust, inotify/FSEvents/kqueue) does the native watching.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import AsyncIterator, Iterable
from pathlib import Path

POLL_SECONDS = 0.1
DEBOUNCE_MS = 30
"""Editors write in bursts (truncate, write, rename); one reload per burst."""
QUIET_SECONDS = 0.04
"""How long a file must stay unchanged before a change is passed on."""
FOLDER_CHECK_SECONDS = 0.25
"""How often the look-out checks that the watched folders are still the same."""

Identity = tuple[int, int] | None


def signature(path: Path) -> tuple[int, int, int, int] | None:
    """What changes when the file is rewritten: inode, size, mtime, ctime."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def _identity(folder: Path) -> Identity:
    try:
        info = os.stat(folder)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


async def changes(path: Path, *, force_polling: bool = False) -> AsyncIterator[None]:
    """Yield once per settled burst of changes to ``path`` (created, written, removed)."""
    path = path.absolute()
    if not force_polling:
        try:
            import watchfiles  # noqa: F401
        except ImportError:  # pragma: no cover - watchfiles is a dependency
            force_polling = True
    while not force_polling:
        watched = _targets(path)
        folders = {target.parent: _identity(target.parent) for target in watched}
        try:
            async for _ in _native(watched, folders):
                await _quiet(path)
                yield None
        except (OSError, RuntimeError):
            force_polling = True  # e.g. inotify is exhausted
            break
        # A folder was replaced or went away (or a link now points elsewhere):
        # wait for the folders to be there again, then the file may be new.
        while not all(_identity(folder) is not None for folder in {t.parent for t in _targets(path)}):
            await asyncio.sleep(POLL_SECONDS)
        await _quiet(path)
        yield None
    async for _ in _poll(path):
        yield None


async def changes_of_any(paths: Iterable[Path], *, force_polling: bool = False) -> AsyncIterator[Path]:
    """Yield a path of ``paths`` each time it changes, as :func:`changes` does
    for one (a briefing's source texts: each may sit in its own folder)."""
    queue: asyncio.Queue[Path] = asyncio.Queue()

    async def pump(path: Path) -> None:
        async for _ in changes(path, force_polling=force_polling):
            await queue.put(path)

    tasks = [asyncio.create_task(pump(path)) for path in dict.fromkeys(paths)]
    try:
        while tasks:
            yield await queue.get()
    finally:
        for task in tasks:
            task.cancel()


def _targets(path: Path) -> frozenset[Path]:
    """The paths whose changes are changes to ``path``: it, and a link's target."""
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        resolved = path
    return frozenset({path, resolved})


async def _native(watched: frozenset[Path], folders: dict[Path, Identity]) -> AsyncIterator[None]:
    """Bursts from watchfiles, until a watched folder is not the one we began on."""
    from watchfiles import awatch

    stop = asyncio.Event()
    # By name: watchfiles reports paths as it found them in the folder.
    names = {target.name for target in watched}

    async def look_out() -> None:
        path = next(iter(watched))
        while not stop.is_set():
            await asyncio.sleep(FOLDER_CHECK_SECONDS)
            if (
                any(_identity(folder) != known for folder, known in folders.items())
                or _targets(path) != watched
            ):
                stop.set()

    if any(known is None for known in folders.values()):
        return  # nothing to watch yet: the caller waits for the folder
    guard = asyncio.create_task(look_out())
    try:
        async for _ in awatch(
            *folders,
            watch_filter=lambda _change, changed: os.path.basename(changed) in names,
            debounce=DEBOUNCE_MS,
            step=10,
            recursive=False,
            stop_event=stop,
        ):
            yield None
    finally:
        stop.set()
        guard.cancel()


async def _quiet(path: Path) -> None:
    """Return once ``path`` has not changed for ``QUIET_SECONDS`` (at most ~1 s).

    The quiet is counted from the file's own change time, not from when we
    heard of the change: the event arrives some milliseconds late, and a
    reload that waits a whole quiet time after it shows every save later.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 1.0
    last = signature(path)
    while loop.time() < deadline:
        age = _age(last)
        if age is not None and age >= QUIET_SECONDS:
            return
        # A change time we cannot trust (none, or ahead of our clock): wait
        # a whole quiet time and compare, as with no change time at all.
        await asyncio.sleep(QUIET_SECONDS - age if age is not None else QUIET_SECONDS)
        current = signature(path)
        if current == last and age is None:
            return
        last = current


def _age(known: tuple[int, int, int, int] | None) -> float | None:
    """Seconds since the file of signature ``known`` last changed, if we can tell."""
    if known is None:
        return None
    # ctime moves on every write and rename; mtime too where ctime is the
    # file's birth (Windows).
    changed = max(known[2], known[3])
    if changed % 1_000_000 == 0:
        # A filesystem that keeps whole milliseconds or seconds (FAT, some
        # network shares) rounds the time down: the file may look older
        # than it is.
        return None
    age = (time.time_ns() - changed) / 1e9
    return age if 0 <= age < 60 else None


async def _poll(path: Path) -> AsyncIterator[None]:
    last = signature(path)
    while True:
        await asyncio.sleep(POLL_SECONDS)
        current = signature(path)
        if current != last:
            await _quiet(path)
            last = signature(path)
            yield None
