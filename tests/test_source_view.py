"""`s`: an item's passage in its report's text; the detail view's sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.ui.screens.detail import DetailScreen
from briefing.ui.screens.main import MainScreen
from briefing.ui.screens.source import SourceScreen

from .apps import FrozenApp, screen_lines, settle, until

ARTICLE = """\
Vessa round ends without a deal

Envoys met for a second day in Vessa. The mediator said the mood was
“calm but guarded” after the morning session.

“We will meet again -- soon. It’s not over,” the mediator told reporters.
Officials counted nearly 400 shells fired overnight.
"""

# No agenda: the panes are numbered 1 delegations, 2 quotes, 3 tally, 4 timeline.
BRIEFING = """\
schema: 1
meta:
  title: Vessa round
sources:
  - id: vessa
    outlet: Vessa Daily
    headline: Vessa round ends without a deal
    published: 17 February
    url: https://example.org/vessa
    file: vessa-round.txt
delegations:
  - id: mediator
    side: Mediator
    role: mediator
quotes:
  - id: mood
    speaker: mediator
    text: calm but guarded
  - id: again
    speaker: mediator
    text: We will meet again -- soon. It's not over
strikes:
  period: Overnight
  counts:
    - id: shells
      weapon: Shells
      launched: nearly 400
timeline:
  - id: second-day
    when: Second day
    title: Envoys meet for a second day in Vessa
"""


@pytest.fixture
def briefing(tmp_path: Path) -> Path:
    (tmp_path / "vessa-round.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "vessa.yaml"
    path.write_text(BRIEFING, encoding="utf-8")
    return path


async def _open(pilot, *keys: str) -> SourceScreen:
    await settle(pilot)
    await pilot.press(*keys, "s")
    await until(pilot, lambda: isinstance(pilot.app.screen, SourceScreen))
    await pilot.pause(0.05)
    return pilot.app.screen


async def test_s_on_a_quote_shows_its_passage_highlighted_and_esc_returns(briefing):
    app = FrozenApp(briefing)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open(pilot, "2", "j")
        assert screen.passage_text == "We will meet again -- soon. It’s not over"
        text = "\n".join(screen_lines(app))
        assert "Highlighted: the quote, found verbatim in vessa-round.txt." in text
        assert 'Vessa Daily, "Vessa round ends without a deal", 17 February' in text
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))


async def test_a_misquote_shows_the_closest_passage(briefing):
    briefing.write_text(BRIEFING.replace("calm but guarded", "calm and guarded"), encoding="utf-8")
    app = FrozenApp(briefing)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open(pilot, "2")
        assert screen.passage_text == "calm but guarded"
        text = "\n".join(screen_lines(app))
        assert "Not found verbatim in vessa-round.txt; the closest passage is highlighted" in text


async def test_s_on_a_figure_and_an_event(briefing):
    app = FrozenApp(briefing)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open(pilot, "3", "j")
        assert screen.passage_text == "nearly 400"
        await pilot.press("escape")
        screen = await _open(pilot, "4", "j")
        assert screen.passage_text.startswith("Envoys met for a second day in Vessa")


async def test_s_where_there_is_no_source_text(briefing):
    (briefing.parent / "vessa-round.txt").unlink()
    app = FrozenApp(briefing)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open(pilot, "2")
        assert "cannot read vessa-round.txt: no such file" in "\n".join(screen_lines(app))


async def test_s_on_a_delegation_says_what_to_select(briefing):
    app = FrozenApp(briefing)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("1", "s")
        await pilot.pause(0.1)
        assert isinstance(app.screen, MainScreen)
        assert any("Select a quote" in str(n.message) for n in app._notifications)


async def test_detail_view_lists_the_sources_and_s_opens_the_text(briefing):
    app = FrozenApp(briefing)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2", "enter")
        await until(pilot, lambda: isinstance(app.screen, DetailScreen))
        text = "\n".join(screen_lines(app))
        for shown in (
            "Vessa Daily",
            "Vessa round ends without a deal",
            "17 February",
            "https://example.org/vessa",
        ):
            assert shown in text
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, SourceScreen))
        assert app.screen.passage_text == "calm but guarded"


def test_the_test_briefing_verifies(briefing):
    from briefing.sources.verify import check_path

    check_path(briefing, cache=False)  # raises on any problem


async def test_the_source_view_follows_changes_to_the_source_file(briefing):
    app = FrozenApp(briefing, watch=True)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open(pilot, "2")
        assert screen.passage_text == "calm but guarded"
        await pilot.pause(0.5)  # let the watch be set up
        source = briefing.parent / "vessa-round.txt"
        source.write_text(ARTICLE.replace("calm but guarded", "calm and guarded"), encoding="utf-8")
        await until(pilot, lambda: "Not found verbatim" in "\n".join(screen_lines(app)), timeout=8)
        assert app.screen is screen and screen.passage_text == "calm and guarded"
        source.write_text(ARTICLE, encoding="utf-8")
        await until(pilot, lambda: "found verbatim in" in "\n".join(screen_lines(app)), timeout=8)
