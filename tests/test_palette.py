"""The command palette finds items and actions, and jumps to them."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette

from briefing.ui.panes.base import Pane

from .apps import FrozenApp
from .conftest import DEFAULT

MARKUP = Path(__file__).parent / "briefings" / "markup.yaml"


async def choose(pilot, query: str) -> None:
    await pilot.press("ctrl+p")
    assert CommandPalette.is_open(pilot.app)
    await pilot.press(*query)
    await pilot.pause(0.4)
    await pilot.press("enter")
    await pilot.pause(0.1)


def pane_of(app) -> str:
    pane = Pane.holding(app.focused)
    assert pane is not None
    return pane.id


async def test_palette_jumps_to_a_person():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        await choose(pilot, "medinsky")
        assert pane_of(app) == "delegations"
        assert app.focused.selected.id == "medinsky"


async def test_palette_jumps_to_a_quote_by_its_words():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        await choose(pilot, "greets with a strike")
        assert pane_of(app) == "quotes"
        assert app.focused.selected.id == "zelenskyy-greets-strike"


async def test_palette_finds_timeline_events_and_switches_tab():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(80, 24)) as pilot:
        await choose(pilot, "Timeline: Talks resume")
        assert pane_of(app) == "timeline"
        assert app.focused.selected.id == "wednesday-resumption"
        assert app.screen.query_one("#timeline").display


async def test_palette_runs_actions():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        await choose(pilot, "Go to pane 4")
        assert pane_of(app) == "tally"


async def test_palette_shows_markup_from_yaml_literally():
    app = FrozenApp(MARKUP)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p", *"person")
        await pilot.pause(0.4)
        palette = app.screen
        texts = [str(option.prompt) for option in palette.query_one("CommandList").options]
        assert any("Person: [reverse]Person[/" in text for text in texts)
        await pilot.press("enter")
        await pilot.pause(0.1)
        assert app.focused.selected.id == "p"
