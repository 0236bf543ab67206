"""The watcher survives what editors, git and sync tools do to a file and its folder.

Each test starts ``watching.changes`` on a real file in a temporary folder,
does one everyday thing to it, and waits (bounded) for the change to be
reported. Both the native watcher and the polling fallback are tried.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from briefing.loading import watching

TIMEOUT = 5.0
pytestmark = pytest.mark.parametrize("polling", [False, True], ids=["native", "polling"])


class Watch:
    """Runs ``changes(path)`` in the background and records what it saw."""

    def __init__(self, path: Path, polling: bool) -> None:
        self.path = path
        self.polling = polling
        self.seen: list[bytes | None] = []
        """The file's content at each reported change (None: no file)."""

    async def run(self) -> None:
        async for _ in watching.changes(self.path, force_polling=self.polling):
            try:
                self.seen.append(self.path.read_bytes())
            except OSError:
                self.seen.append(None)

    async def saw(self, condition: Callable[[list[bytes | None]], bool]) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + TIMEOUT
        while not condition(self.seen):
            assert loop.time() < deadline, f"not reported in time; saw {self.seen!r}"
            await asyncio.sleep(0.02)


@contextlib.asynccontextmanager
async def watch(path: Path, polling: bool) -> AsyncIterator[Watch]:
    watcher = Watch(path, polling)
    task = asyncio.create_task(watcher.run())
    await asyncio.sleep(0.4)  # let the watch be set up
    try:
        yield watcher
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def atomic_save(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


async def test_a_save_in_place_is_seen(tmp_path, polling):
    path = tmp_path / "b.yaml"
    path.write_bytes(b"one\n")
    async with watch(path, polling) as w:
        path.write_bytes(b"two\n")
        await w.saw(lambda seen: b"two\n" in seen)


async def test_an_atomic_save_is_seen(tmp_path, polling):
    path = tmp_path / "b.yaml"
    path.write_bytes(b"one\n")
    async with watch(path, polling) as w:
        atomic_save(path, b"two\n")
        await w.saw(lambda seen: b"two\n" in seen)
        atomic_save(path, b"three\n")
        await w.saw(lambda seen: b"three\n" in seen)


async def test_a_rename_away_and_back_is_seen(tmp_path, polling):
    path = tmp_path / "b.yaml"
    path.write_bytes(b"one\n")
    async with watch(path, polling) as w:
        path.rename(tmp_path / "elsewhere.yaml")
        await w.saw(lambda seen: None in seen)
        (tmp_path / "elsewhere.yaml").write_bytes(b"back\n")
        (tmp_path / "elsewhere.yaml").rename(path)
        await w.saw(lambda seen: b"back\n" in seen)


async def test_a_symlinked_file_is_watched_through_its_target(tmp_path, polling):
    real = tmp_path / "real"
    real.mkdir()
    target = real / "b.yaml"
    target.write_bytes(b"one\n")
    link = tmp_path / "b.yaml"
    link.symlink_to(target)
    async with watch(link, polling) as w:
        atomic_save(target, b"two\n")  # an editor that opened the target
        await w.saw(lambda seen: b"two\n" in seen)


async def test_the_folder_deleted_and_made_again_is_watched_again(tmp_path, polling):
    folder = tmp_path / "briefings"
    folder.mkdir()
    path = folder / "b.yaml"
    path.write_bytes(b"one\n")
    async with watch(path, polling) as w:
        shutil.rmtree(folder)  # e.g. git checkout of a branch without it
        await asyncio.sleep(0.5)
        folder.mkdir()
        path.write_bytes(b"two\n")
        await w.saw(lambda seen: b"two\n" in seen)
        # And the new folder is really watched, not just looked at once.
        await asyncio.sleep(0.5)
        atomic_save(path, b"three\n")
        await w.saw(lambda seen: b"three\n" in seen)


async def test_a_save_written_in_two_parts_is_reported_once_it_is_whole(tmp_path, polling):
    path = tmp_path / "b.yaml"
    path.write_bytes(b"schema: 1\n")
    async with watch(path, polling) as w:
        with path.open("wb") as handle:
            handle.write(b"schema: 1\nmeta:\n")  # a valid prefix...
            handle.flush()
            await asyncio.sleep(0.02)  # ...and a pause shorter than the quiet time
            handle.write(b"  title: Whole\n")
        whole = b"schema: 1\nmeta:\n  title: Whole\n"
        await w.saw(lambda seen: whole in seen)
        assert b"schema: 1\nmeta:\n" not in w.seen


def test_a_change_time_is_trusted_only_when_it_is_fine_grained(polling):
    # The quiet a save must keep is counted from the file's change time
    # only when that time has sub-millisecond digits and is not ahead of
    # the clock; else the watcher waits a whole quiet time and compares.
    import time

    now = time.time_ns()
    fine = now - 50_000_123
    assert 0.04 < watching._age((1, 1, fine, fine)) < 1.0
    coarse = (now // 1_000_000_000) * 1_000_000_000  # a whole second
    assert watching._age((1, 1, coarse, coarse)) is None
    ahead = now + 5_000_000_123
    assert watching._age((1, 1, ahead, ahead)) is None
    assert watching._age(None) is None
