"""The start-up path: the dashboard is the first screen, the watch starts late but misses nothing."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from textual.screen import Screen

from briefing.loading import watching
from briefing.ui.screens.error import ErrorScreen
from briefing.ui.screens.main import MainScreen

from .apps import FrozenApp, until
from .conftest import DEFAULT


async def test_dashboard_is_the_first_screen(tmp_path: Path):
    # Pushed from on_mount it would be rendered once for nothing (see app.py).
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(120, 40)):
        assert [type(s) for s in app.screen_stack] == [MainScreen]
        assert app.briefing is not None and app.title == app.briefing.meta.title


async def test_broken_file_shows_the_error_over_a_blank_screen(write):
    app = FrozenApp(write("schema: 1\nmeta: {}\n"))
    async with app.run_test(size=(120, 40)):
        assert [type(s) for s in app.screen_stack] == [Screen, ErrorScreen]
        assert app.briefing is None


async def test_save_before_the_watch_is_in_place_still_reloads(tmp_path: Path, monkeypatch):
    """The watch starts after the first frame; a save it never sees is still shown."""

    async def blind(path: Path, **_):  # a watch that reports nothing at all
        await asyncio.Event().wait()
        yield None  # pragma: no cover

    monkeypatch.setattr(watching, "changes", blind)
    path = tmp_path / "live.yaml"
    shutil.copy(DEFAULT, path)
    app = FrozenApp(path, watch=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.05)  # the watch has started and checked once
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("title: Territories\n", "title: Borders\n"), encoding="utf-8")
        await until(pilot, lambda: app.briefing.agenda[0].title == "Borders")


async def test_tests_do_not_freeze_the_garbage_collector():
    # A real run freezes what is alive after loading (faster first frames);
    # headless apps must not, or each test's dead app would never be freed.
    import gc

    before = gc.get_freeze_count()
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(80, 24)):
        assert app.is_headless
    assert gc.get_freeze_count() == before
