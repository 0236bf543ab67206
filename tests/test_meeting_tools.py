"""Meeting-room tools: zoom, blank, citation, presenter, timeline tab, side choice, reload."""

from __future__ import annotations

import subprocess

from textual.widgets import Input, OptionList

from briefing.loading import load_path
from briefing.model import Roster
from briefing.output.citation import cite
from briefing.output.clipboard import SystemClipboard
from briefing.ui.panes.base import Pane
from briefing.ui.screens.blank import BlankScreen
from briefing.ui.screens.citation import CitationScreen
from briefing.ui.screens.detail import DetailScreen
from briefing.ui.screens.main import MainScreen
from briefing.ui.screens.presenter import PresenterScreen
from briefing.ui.screens.side_picker import SidePicker

from .apps import FrozenApp, until
from .conftest import DEFAULT


async def test_z_maximises_focused_pane_and_escape_restores():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "z")
        assert app.screen.maximized is app.screen.query_one("#tally", Pane).frame
        digits = [str(d.value) for d in app.screen.query("#tally-big Digits")]
        assert digits == ["29", "25", "86", "400"]
        await pilot.press("escape")
        assert app.screen.maximized is None
        assert not app.screen.query("#tally-big")  # built only while maximised
        # In and out and in again without a pause: the figures are there once.
        await pilot.press("z", "z", "z")
        await pilot.pause()
        assert [str(d.value) for d in app.screen.query("#tally-big Digits")] == ["29", "25", "86", "400"]
        await pilot.press("escape")
        await pilot.press("2", "z")
        assert app.screen.maximized is app.screen.query_one("#agenda")
        await pilot.press("z")
        assert app.screen.maximized is None


async def test_b_blanks_from_every_view():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(80, 24)) as pilot:
        for keys in (["enter"], ["question_mark"], ["3", "p"]):
            await pilot.press(*keys)
            shown = app.screen
            await pilot.press("b")
            assert isinstance(app.screen, BlankScreen)
            await pilot.press("space")
            assert app.screen is shown
            await pilot.press("escape")
            assert isinstance(app.screen, MainScreen)


async def test_r_on_an_unchanged_file_says_so():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await until(pilot, lambda: any("No changes since the last load" in n for n in notices(app)))


async def test_f_on_an_item_of_several_sides_asks_which():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")  # the first event involves Russia and Ukraine
        await pilot.press("f")
        picker = app.screen
        assert isinstance(picker, SidePicker)
        names = [str(picker.query_one(OptionList).get_option_at_index(i).prompt) for i in range(2)]
        assert names == ["Ukraine", "Russia"]  # in the briefing's order
        await pilot.press("j", "enter")
        assert isinstance(app.screen, MainScreen)
        assert app.screen.finder.finding.side == "russia"
        await pilot.press("escape")  # clears the side filter
        assert app.screen.finder.finding.side is None
        await pilot.press("f", "escape")  # Esc picks no side
        assert isinstance(app.screen, MainScreen)
        assert app.screen.finder.finding.side is None


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


UMEROV_CITATION = (
    "“We are working on clarifying the parameters and mechanisms of the decisions "
    "discussed yesterday. We are focused on substantive work. We will provide "
    "additional information on the results” — Rustem Umerov, Secretary of the "
    "National Security and Defense Council (Facebook, Wednesday). Source: EIN "
    'Presswire, "Ukraine-Russia Talks End in Geneva".'
)


class FakeRunner:
    """Stands in for subprocess.run: records each command and what it was fed."""

    def __init__(self, returncode: int = 0) -> None:
        self.calls: list[tuple[list[str], bytes]] = []
        self.returncode = returncode

    def __call__(self, command, *, input, timeout, **kwargs):
        assert timeout > 0  # never wait for ever on a clipboard program
        self.calls.append((command, input))
        return subprocess.CompletedProcess(command, self.returncode)


def clipboard(installed: set[str], run: FakeRunner, env: dict[str, str] | None = None) -> SystemClipboard:
    return SystemClipboard(
        env={"DISPLAY": ":0"} if env is None else env,
        platform="linux",
        which=lambda name: f"/usr/bin/{name}" if name in installed else None,
        run=run,
    )


def notices(app) -> list[str]:
    return [f"{n.title}: {n.message}" for n in app._notifications]


async def test_c_copies_a_citation_through_a_clipboard_program():
    app = FrozenApp(DEFAULT)
    run = FakeRunner()
    app.system_clipboard = clipboard({"xsel"}, run)
    osc52: list[str] = []
    app.copy_to_clipboard = osc52.append  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        assert run.calls == []  # Delegations focused: nothing to cite
        await pilot.press("3", "j", "j", "j", "c")
        await pilot.pause()
        assert run.calls == [(["/usr/bin/xsel", "--clipboard", "--input"], UMEROV_CITATION.encode("utf-8"))]
        assert osc52 == []
        assert any(n.startswith("Citation copied (xsel)") for n in notices(app))
        assert isinstance(app.screen, MainScreen)


def test_clipboard_programs_follow_the_session():
    run = FakeRunner()
    assert clipboard({"wl-copy", "xclip"}, run, {"WAYLAND_DISPLAY": "w"}).copy("x") == "wl-copy"
    assert clipboard({"xclip"}, run, {"WAYLAND_DISPLAY": "w"}).copy("x") is None  # no X display
    assert clipboard({"wl-copy"}, run, {}).copy("x") is None  # no display at all
    mac = SystemClipboard(env={}, platform="darwin", which=lambda n: "/usr/bin/" + n, run=run)
    assert mac.copy("x") == "pbcopy"
    # A program that fails does not count as a copy.
    assert clipboard({"xclip"}, FakeRunner(returncode=1)).copy("x") is None


async def test_without_a_clipboard_program_the_citation_is_shown_and_can_be_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    briefing = tmp_path / "talks.yaml"
    briefing.write_text(DEFAULT.read_text(encoding="utf-8"), encoding="utf-8")
    app = FrozenApp(briefing)
    app.system_clipboard = clipboard(set(), FakeRunner())
    osc52: list[str] = []
    app.copy_to_clipboard = osc52.append  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "j", "j", "j", "c")
        await pilot.pause()
        assert osc52 == [UMEROV_CITATION]  # sent to the terminal ...
        assert not any("copied" in n.lower() for n in notices(app))  # ... but not claimed copied
        screen = app.screen
        assert isinstance(screen, CitationScreen)
        assert "OSC 52" in str(screen.query_one("#citation-note").render())
        assert str(screen.query_one("#citation-text").render()) == UMEROV_CITATION
        # w asks for a file; the briefing itself is refused.
        await pilot.press("w")
        field = screen.query_one("#citation-file", Input)
        assert app.focused is field and field.value == "citation.txt"
        field.value = "talks.yaml"
        await pilot.press("enter")
        assert app.screen is screen
        assert briefing.read_text(encoding="utf-8") == DEFAULT.read_text(encoding="utf-8")
        field.value = "citation.txt"
        await pilot.press("enter")
        assert isinstance(app.screen, MainScreen)
    assert (tmp_path / "citation.txt").read_text(encoding="utf-8") == UMEROV_CITATION + "\n"


async def test_c_and_e_work_from_a_detail_view():
    app = FrozenApp(DEFAULT)
    run = FakeRunner()
    app.system_clipboard = clipboard({"xclip"}, run)
    edited: list[object] = []
    app.edit_at = edited.append  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "j", "j", "j", "enter")
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("c", "e")
        await pilot.pause()
        assert [call[1] for call in run.calls] == [UMEROV_CITATION.encode("utf-8")]
        assert edited == [("quotes", 3)]
        await pilot.press("escape", "1", "enter", "c")  # a delegation: nothing to cite
        await pilot.pause()
        assert len(run.calls) == 1


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
        assert tally.frame.display and not timeline.display
        await pilot.press("5")
        assert timeline.display and not tally.frame.display
        assert app.focused is timeline.list
        assert timeline.list.selected.id == "abu-dhabi"
        await pilot.press("4")
        assert tally.frame.display and not timeline.display


async def test_tab_reaches_the_timeline_tab_and_a_click_on_its_name_shows_it():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(80, 24)) as pilot:
        tally = app.screen.query_one("#tally", Pane)
        timeline = app.screen.query_one("#timeline", Pane)
        await pilot.press("4", "tab")
        assert app.focused is timeline.list and timeline.display
        await pilot.press("tab")
        assert app.screen.query_one("#delegations", Pane).list is app.focused
        await pilot.press("shift+tab")
        assert app.focused is timeline.list
        await pilot.press("4", "1")  # the tally's tab is shown, Delegations focused
        assert tally.frame.display and not timeline.display
        # The frame reads "╭─ 4 Strike tally  │  5 Timeline ─": click the second name.
        x = 3 + len("4 Strike tally  │  ") + 2
        await pilot.click(tally.frame, offset=(x, 0))
        assert app.focused is timeline.list and timeline.display and not tally.frame.display
        await pilot.click(timeline, offset=(5, 0))
        assert app.focused is tally.list and tally.frame.display


async def test_timeline_shown_beside_tally_when_wide():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(200, 60)):
        assert app.screen.query_one("#tally", Pane).frame.display
        assert app.screen.query_one("#timeline", Pane).display
