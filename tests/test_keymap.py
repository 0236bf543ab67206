"""Remapping keys from config.toml: applied, shown in help, conflicts reported."""

from __future__ import annotations

import os
from pathlib import Path

from briefing.ui.keymap import check_keymap
from briefing.ui.panes.base import Pane
from briefing.ui.screens.help import HelpScreen

from .apps import FrozenApp
from .conftest import DEFAULT


def write_config(text: str) -> None:
    folder = Path(os.environ["BRIEFING_CONFIG_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.toml").write_text(text, encoding="utf-8")


def test_default_bindings_have_no_conflicts():
    app = FrozenApp(DEFAULT)
    usable, problems = check_keymap({}, app.binding_scopes())
    assert (usable, problems) == ({}, [])


def test_conflicts_and_unknown_ids_are_reported():
    app = FrozenApp(DEFAULT)
    usable, problems = check_keymap({"zoom": "q", "help": "f2", "nonsense": "x"}, app.binding_scopes())
    assert usable == {"help": "f2"}
    assert problems[0] == "keymap: no binding has the id 'nonsense'; ids are listed in the README"
    assert problems[1].startswith("keymap: 'q' would both quit briefing and maximise the focused pane")
    assert problems[1].endswith("ignoring the mapping of 'zoom'")


async def test_remapped_key_works_and_help_shows_it():
    write_config('[keymap]\nzoom = "m"\nhelp = "f2"\n')
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "m")
        assert app.screen.maximized is app.screen.query_one("#tally", Pane).frame
        await pilot.press("escape", "z")  # z no longer zooms
        assert app.screen.maximized is None
        await pilot.press("f2")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("HangingText").render())
        assert "m                 Maximise the focused pane" in text
        assert "F2                Show every key" in text


async def test_conflicting_keymap_is_reported_at_start():
    write_config('[keymap]\nzoom = "q"\n')
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        messages = [n.message for n in app._notifications]
        assert any("'q' would both quit briefing" in m for m in messages)
        await pilot.press("4", "z")  # the bad mapping was skipped: z still zooms
        assert app.screen.maximized is not None
