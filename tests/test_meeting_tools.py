"""Meeting-room tools: zoom, blank, citation, presenter, timeline tab."""

from __future__ import annotations

from briefing.loading import load_path
from briefing.model import Roster
from briefing.output.citation import cite
from briefing.ui.panes.base import Pane
from briefing.ui.screens.blank import BlankScreen
from briefing.ui.screens.main import MainScreen
from briefing.ui.screens.presenter import PresenterScreen

from .apps import FrozenApp
from .conftest import DEFAULT


async def test_z_maximises_focused_pane_and_escape_restores():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "z")
        assert app.screen.maximized is app.screen.query_one("#tally")
        digits = [str(d.value) for d in app.screen.query("#tally-big Digits")]
        assert digits == ["29", "25", "86", "400"]
        await pilot.press("escape")
        assert app.screen.maximized is None
        await pilot.press("2", "z")
        assert app.screen.maximized is app.screen.query_one("#agenda")
        await pilot.press("z")
        assert app.screen.maximized is None


async def test_b_blanks_and_any_key_returns_without_acting():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        assert isinstance(app.screen, BlankScreen)
        await pilot.press("q")  # must only unblank, not quit
        assert app.is_running
        assert isinstance(app.screen, MainScreen)
        await pilot.press("b", "j")
        assert isinstance(app.screen, MainScreen)
        assert app.focused.cursor == 0  # the j only brought the briefing back


async def test_c_copies_a_citation_of_the_selected_quote():
    app = FrozenApp(DEFAULT)
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        assert copied == []  # Delegations focused: nothing to cite
        await pilot.press("3", "j", "j", "j", "c")
    assert copied == [
        "“We are working on clarifying the parameters and mechanisms of the decisions "
        "discussed yesterday. We are focused on substantive work. We will provide "
        "additional information on the results” — Rustem Umerov, Secretary of the "
        "National Security and Defense Council (Facebook, Wednesday). Source: EIN "
        'Presswire, "Ukraine-Russia Talks End in Geneva".'
    ]


def test_citation_without_channel_or_when():
    briefing = load_path(DEFAULT)
    quote = next(q for q in briefing.quotes if q.id == "zelenskyy-just-agreement")
    assert cite(quote, briefing, Roster(briefing)).startswith(
        "“Likewise, we are ready to move quickly toward a just agreement to end the war.” "
        "— Volodymyr Zelenskyy, President of Ukraine. Source:"
    )


async def test_presenter_steps_through_quotes_and_returns_selection():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "j", "p")
        screen = app.screen
        assert isinstance(screen, PresenterScreen)
        card = lambda: str(screen.query_one("#card").render())  # noqa: E731
        assert "main issues concerning the territories" in card()
        await pilot.press("right")
        assert "We have a framework for work" in card()
        await pilot.press("left", "left")
        assert "wider range of issues" in card()
        await pilot.press("left")  # wraps to the last quote
        assert "Likewise, we are ready" in card()
        await pilot.press("escape")
        quotes = app.screen.query_one("#quotes", Pane).list
        assert quotes.selected.id == "zelenskyy-just-agreement"


async def test_presenter_shows_agenda_when_agenda_focused():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "p")
        text = str(app.screen.query_one("#card").render())
        assert "Territories" in text and "ON THE AGENDA" in text


async def test_timeline_is_a_tab_at_80x24_and_5_switches_to_it():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(80, 24)) as pilot:
        tally = app.screen.query_one("#tally", Pane)
        timeline = app.screen.query_one("#timeline", Pane)
        assert tally.display and not timeline.display
        await pilot.press("5")
        assert timeline.display and not tally.display
        assert app.focused is timeline.list
        assert timeline.list.selected.id == "abu-dhabi"
        await pilot.press("4")
        assert tally.display and not timeline.display


async def test_timeline_shown_beside_tally_when_wide():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(200, 60)):
        assert app.screen.query_one("#tally", Pane).display
        assert app.screen.query_one("#timeline", Pane).display
