"""What people see, at fixed terminal sizes. Each SVG was opened and checked."""

from __future__ import annotations

import pytest

from briefing.output.clipboard import SystemClipboard

from .apps import FrozenApp as BriefingApp
from .apps import settle, until
from .conftest import DEFAULT, ROOT

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.mark.parametrize("size", SIZES)
def test_dashboard(snap_compare, size):
    assert snap_compare(BriefingApp(DEFAULT), terminal_size=size)


def test_dashboard_wide(snap_compare):
    assert snap_compare(BriefingApp(DEFAULT), terminal_size=(200, 60))


def test_help_screen(snap_compare):
    assert snap_compare(BriefingApp(DEFAULT), terminal_size=(120, 40), press=["question_mark"])


def test_quote_detail(snap_compare):
    assert snap_compare(BriefingApp(DEFAULT), terminal_size=(120, 40), press=["3", "j", "j", "j", "enter"])


def test_reported_quote_detail(snap_compare):
    # Reported speech: who reported it and whom they cite, no speaker or side.
    assert snap_compare(
        BriefingApp(DEFAULT), terminal_size=(120, 40), press=["3", "j", "j", "j", "j", "enter"]
    )


def test_tally_detail(snap_compare):
    assert snap_compare(BriefingApp(DEFAULT), terminal_size=(80, 24), press=["4", "j", "enter"])


def test_person_detail(snap_compare):
    assert snap_compare(BriefingApp(DEFAULT), terminal_size=(120, 40), press=["j", "enter"])


def test_timeline_tab_80x24(snap_compare):
    assert snap_compare(BriefingApp(DEFAULT), terminal_size=(80, 24), press=["5", "j"])


def test_maximised_tally(snap_compare):
    assert snap_compare(BriefingApp(DEFAULT), terminal_size=(120, 40), press=["4", "z"])


def test_blank_screen(snap_compare):
    assert snap_compare(BriefingApp(DEFAULT), terminal_size=(80, 24), press=["b"])


def test_presenter_quote(snap_compare):
    assert snap_compare(
        BriefingApp(DEFAULT), terminal_size=(120, 40), press=["3", "j", "j", "j", "j", "j", "p"]
    )


def test_stale_banner_and_change_mark(snap_compare, tmp_path):
    path = tmp_path / "live.yaml"
    text = DEFAULT.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")

    async def run_before(pilot):
        path.write_text(
            text.replace("title: Security issues", "title: Security guarantees"), encoding="utf-8"
        )
        await pilot.press("r")
        await until(pilot, lambda: pilot.app.briefing.agenda[2].title == "Security guarantees")
        path.write_text("schema: 1\nmeta:\n  title: [oops\n", encoding="utf-8")
        await pilot.press("r")
        await until(pilot, lambda: pilot.app.main_screen.error is not None)
        await settle(pilot)
        await pilot.press("2")

    app = BriefingApp(path, display_name="live.yaml")
    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


def test_search_in_progress(snap_compare):
    async def run_before(pilot):
        await pilot.press("slash", *"zelensky")
        # A blinking cursor would be caught on or off depending on timing.
        pilot.app.screen.search_bar.input.cursor_blink = False
        await settle(pilot)

    assert snap_compare(BriefingApp(DEFAULT), terminal_size=(120, 40), run_before=run_before)


def test_side_filter(snap_compare):
    async def run_before(pilot):
        await pilot.press("j", "j", "j", "j", "j", "f")  # Ukraine's delegation row
        await settle(pilot)

    assert snap_compare(BriefingApp(DEFAULT), terminal_size=(120, 40), run_before=run_before)


def test_help_screen_scrolled(snap_compare):
    # The frame says how far down the card is and that more follows.
    assert snap_compare(BriefingApp(DEFAULT), terminal_size=(80, 24), press=["question_mark", "pagedown"])


def test_footer_in_search_mode(snap_compare):
    async def run_before(pilot):
        await pilot.press("3", "slash", *"zelensky")
        await settle(pilot)
        await pilot.press("enter", "z")  # accepted, then zoomed: Esc and n/N lead the footer
        await settle(pilot)

    assert snap_compare(BriefingApp(DEFAULT), terminal_size=(80, 24), run_before=run_before)


def test_detail_with_links(snap_compare):
    # Steve Witkoff's detail, Tab twice: his quote is the selected link.
    assert snap_compare(BriefingApp(DEFAULT), terminal_size=(120, 40), press=["j", "enter", "tab", "tab"])


def test_citation_dialog(snap_compare):
    app = BriefingApp(DEFAULT)
    app.system_clipboard = SystemClipboard(env={}, platform="linux", which=lambda name: None)
    assert snap_compare(app, terminal_size=(100, 30), press=["3", "j", "j", "j", "c"])


# -- a different meeting: no strikes, three parties, figures of another kind ----

RIVER = DEFAULT.parent.parent / "tests" / "briefings" / "river-talks.yaml"
RIVER_SIZES = [
    pytest.param((80, 24), id="80x24"),
    pytest.param((120, 40), id="120x40"),
    pytest.param((200, 60), id="200x60"),
    pytest.param((60, 20), id="60x20-one-column"),
    pytest.param((38, 11), id="38x11-too-small"),
]


@pytest.mark.parametrize("size", RIVER_SIZES)
def test_other_meeting(snap_compare, size):
    assert snap_compare(BriefingApp(RIVER), terminal_size=size)


def test_other_meeting_figures_maximised(snap_compare):
    assert snap_compare(BriefingApp(RIVER), terminal_size=(120, 40), press=["4", "z"])


def test_dashboard_one_column(snap_compare):
    assert snap_compare(BriefingApp(DEFAULT), terminal_size=(60, 20), press=["3"])


def test_quote_hit_in_the_cut_part(snap_compare):
    """The long quote does not fit at 80x24; the hit near its end is shown, with … before it."""

    async def run_before(pilot):
        await pilot.press("3", "j", "slash", *"promise")
        pilot.app.screen.search_bar.input.cursor_blink = False
        await settle(pilot)

    assert snap_compare(BriefingApp(RIVER), terminal_size=(80, 24), run_before=run_before)


def test_source_view(snap_compare, tmp_path):
    """`s` on a quote: the report's text, scrolled to the passage, highlighted."""
    from .test_source_view import ARTICLE, BRIEFING

    (tmp_path / "vessa-round.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "vessa.yaml"
    path.write_text(BRIEFING, encoding="utf-8")

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("2", "j", "s")  # no agenda: quotes are pane 2
        await pilot.pause(0.3)

    assert snap_compare(BriefingApp(path), terminal_size=(100, 30), run_before=run_before)


def test_people_without_titles_take_one_line(snap_compare):
    # A person the briefing gives no title is one line, not "title not reported" under each name.
    summit = ROOT / "tests" / "briefings" / "summit-untitled.yaml"
    assert snap_compare(BriefingApp(summit), terminal_size=(80, 24))


def test_meeting_overview(snap_compare):
    # i: the meeting's summary, days and format (shown nowhere else on screen), its delegations.
    assert snap_compare(BriefingApp(DEFAULT), terminal_size=(120, 40), press=["i"])
