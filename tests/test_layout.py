"""Which panes a briefing gets, and how they share terminals of every size."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.content import Content

from briefing.ui.layout import PANE_SECTIONS, arrange, panes_for
from briefing.ui.panes.base import Pane
from briefing.ui.text_content import clamp
from briefing.ui.widgets.row_list import RowList

from .apps import FrozenApp, screen_lines
from .conftest import DEFAULT, MINIMAL

RIVER = Path(__file__).parent / "briefings" / "river-talks.yaml"
ALL = tuple(PANE_SECTIONS)


# -- the rules, without a screen -------------------------------------------------


def test_panes_follow_the_sections():
    assert panes_for(["delegations", "agenda", "quotes", "strikes", "timeline"]) == ALL
    assert panes_for(["delegations", "quotes", "timeline"]) == ("delegations", "quotes", "timeline")
    # Figures alone are enough for the numbers pane.
    assert "tally" in panes_for(["figures"]) and "tally" in panes_for(["strikes", "figures"])
    # A briefing with nothing still gets a pane that says so.
    assert panes_for([]) == ("delegations",)


@pytest.mark.parametrize(
    ("size", "mode"),
    [((38, 30), "too-small"), ((80, 11), "too-small"), ((40, 12), "one-column"), ((69, 40), "one-column")]
    + [((70, 24), "two-columns"), ((179, 60), "two-columns"), ((180, 60), "three-columns")],
)
def test_modes_by_size(size, mode):
    assert arrange(ALL, *size).mode == mode


def test_five_panes_share_the_last_cell_as_tabs_only_when_short():
    assert arrange(ALL, 80, 24).tabs == ("tally", "timeline")
    assert arrange(ALL, 120, 40).tabs is None
    # Four panes never need tabs: the timeline takes the tally's place.
    four = ("delegations", "agenda", "quotes", "timeline")
    assert arrange(four, 80, 24).tabs is None and arrange(four, 80, 24).rows == 2


def test_wide_terminals_give_the_quotes_a_whole_column():
    a = arrange(ALL, 200, 60)
    assert a.columns == 3 and a.spans["quotes"] == (1, 2)
    widths = [float(w.removesuffix("fr")) for w in a.column_widths.split()]
    assert widths[2] > widths[0] == widths[1]  # a little wider than the others


def test_one_column_opens_only_the_current_pane_when_short():
    assert arrange(ALL, 60, 20).accordion
    assert not arrange(ALL, 60, 50).accordion
    assert not arrange(("delegations", "quotes"), 60, 20).accordion


# -- on screen -------------------------------------------------------------------


def shown(app) -> list[str]:
    return [p.id for p in app.screen.panes if p.frame.display and not p.frame.has_class("-absent")]


def titles(app) -> dict[str, str]:
    return {p.id: str(p.frame.border_title) for p in app.screen.panes if p.id in app.screen.arrangement.panes}


async def test_a_briefing_without_strikes_gets_no_strike_tally(write):
    path = write(
        MINIMAL
        + "delegations: [{id: a, side: A, role: party}]\n"
        + "quotes: [{id: q, speaker: a, text: Words}]\n"
        + "timeline: [{id: e, when: Monday, title: Met}]\n"
    )
    app = FrozenApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert shown(app) == ["delegations", "quotes", "timeline"]
        assert titles(app) == {"delegations": "1 Delegations", "quotes": "2 Quotes", "timeline": "3 Timeline"}
        text = "\n".join(screen_lines(app))
        assert "Strike tally" not in text and "Agenda" not in text
        # The number keys follow the panes shown; 4 and 5 do nothing.
        await pilot.press("3")
        assert Pane.holding(app.focused).id == "timeline"
        await pilot.press("2")
        assert Pane.holding(app.focused).id == "quotes"
        await pilot.press("4", "5")
        assert Pane.holding(app.focused).id == "quotes"


async def test_figures_without_strikes_make_a_figures_pane():
    app = FrozenApp(RIVER)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert titles(app)["tally"] == "4 Figures"
        await pilot.press("4")
        rows = app.focused
        assert isinstance(rows, RowList) and rows.selected.id == "summer-flow-estimate"
        lines = "\n".join(screen_lines(app))
        assert "about 1,200 million cubic metres" in lines
        assert "No strike figures" not in lines
        # Its detail view says who gave it and when, and what it is as reported.
        await pilot.press("enter")
        await pilot.pause()
        detail = "\n".join(screen_lines(app))
        assert "Figure: Summer flow at the border gauge" in detail
        assert "about 1,200 million cubic metres (approximate)" in detail
        assert "Velmar Basin Commission" in detail and "June to September" in detail


async def test_a_reload_that_adds_a_section_adds_its_pane(tmp_path):
    path = tmp_path / "b.yaml"
    base = MINIMAL + "delegations: [{id: a, side: A, role: party}]\n"
    path.write_text(base, encoding="utf-8")
    app = FrozenApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert shown(app) == ["delegations"]
        path.write_text(base + "agenda: [{id: x, title: Water}]\n", encoding="utf-8")
        await pilot.press("r")
        for _ in range(100):
            await pilot.pause(0.02)
            if "agenda" in shown(app):
                break
        assert shown(app) == ["delegations", "agenda"]
        assert titles(app)["agenda"] == "2 Agenda"


async def test_one_column_below_70_and_a_message_when_too_small():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        regions = [app.screen.pane(name).frame.region for name in ALL]
        assert len({r.x for r in regions}) == 1  # one column
        assert all(r.width == 60 for r in regions)
        # The focused pane is open, the others keep their frame with its title.
        await pilot.press("3")
        await pilot.pause()
        assert app.screen.pane("quotes").region.height > 8
        assert app.screen.pane("agenda").region.height <= 3
        await pilot.resize_terminal(38, 11)
        await pilot.pause()
        lines = screen_lines(app)
        assert any("Make the window larger" in line for line in lines)
        assert not any("Delegations" in line for line in lines)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert Pane.holding(app.focused).id == "quotes"


async def test_resize_keeps_the_selected_item_in_view():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("3", "G")  # the last quote
        rows = app.focused
        last = rows.cursor
        for size in [(80, 24), (60, 20), (120, 40), (75, 16)]:
            await pilot.resize_terminal(*size)
            await pilot.pause(0.1)
            assert rows.cursor == last
            top, height = rows.row_top(last), rows.height_of(last)
            view_top = rows.scroll_offset.y
            view = rows.scrollable_content_region.height
            assert view_top <= top and top < view_top + view, size
            assert top + min(height, view) <= view_top + view, size


# -- quotes take the room they need ---------------------------------------------------


async def test_quotes_are_whole_when_they_fit_and_one_line_quotes_take_three_rows():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        rows = app.screen.pane("quotes").list
        heights = [rows.height_of(i) for i in range(len(rows.rows))]
        # Speaker, the words, a blank line: a short quote takes three rows.
        assert heights[0] == 3
        # The longest quote (four lines of words at this width) is whole.
        assert max(heights) == 6
        text = "\n".join(screen_lines(app))
        assert "defending our state and our independence." in text


def test_clamp_shows_the_lines_around_a_hit_in_the_cut_part():
    words = " ".join(f"w{i:02}" for i in range(60))
    content = Content(words)
    first = clamp(content, 20, 3)
    assert len(first) == 3 and first[-1].plain.endswith("…") and first[0].plain.startswith("w00")
    hit = words.index("w30")
    around = clamp(content, 20, 3, around=hit)
    text = " ".join(line.plain for line in around)
    assert "w30" in text and around[0].plain.startswith("…") and around[-1].plain.endswith("…")
    assert all(line.cell_length <= 20 for line in around)
    # A hit among the first lines keeps the start; a hit in the last lines ends there.
    assert clamp(content, 20, 3, around=words.index("w02")) == first
    end = clamp(content, 20, 3, around=words.index("w59"))
    assert end[-1].plain.endswith("w59") and end[0].plain.startswith("…")


async def test_a_search_hit_in_the_cut_part_of_a_quote_is_shown(write):
    long = " ".join(f"word{i}" for i in range(200)) + " needle at the end"
    path = write(
        MINIMAL
        + f"delegations: [{{id: a, side: A, role: party}}]\nquotes:\n  - {{id: q, speaker: a, text: {long}}}\n"
    )
    app = FrozenApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "needle" not in "\n".join(screen_lines(app))
        await pilot.press("slash", *"needle")
        for _ in range(100):
            await pilot.pause(0.02)
            if "needle" in "\n".join(screen_lines(app)):
                break
        assert "needle" in "\n".join(screen_lines(app))


# -- the facts of a row are never cut away ---------------------------------------------


async def test_a_compact_row_too_narrow_for_its_value_puts_it_on_a_line_of_its_own():
    """At 80x24 the figures are one line each; a long label and value
    ("about 1,200 million cubic metres") share no line: the value goes
    under the label, never off the screen."""
    app = FrozenApp(RIVER)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.pane("tally").compact
        text = "\n".join(screen_lines(app))
        assert "about 1,200 million cubic metres" in text
        assert "more than 3,000 farms" in text and "not reported" in text


async def test_a_compact_agenda_row_keeps_its_status_below_a_long_title(write):
    """The rule, at a width narrower than any terminal gives a pane: the
    status is never the part that is cut."""
    title = "A title long enough to leave no room for its status"
    path = write(MINIMAL + f"agenda:\n  - {{id: a, title: {title}, status: unknown}}\n")
    app = FrozenApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        pane = app.screen.pane("agenda")
        item = app.briefing.agenda[0]
        one, two = pane.render_row(item, 24, compact=True)
        assert one.plain.startswith("A title") and two.plain.strip() == "status not reported"
        (wide,) = pane.render_row(item, 60, compact=True)
        assert wide.plain.endswith("status not reported")


async def test_wide_panes_wrap_agenda_and_timeline_titles_instead_of_cutting_them():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        # Each was cut with … before; now every word of it is on the screen.
        assert "Parameters and mechanisms of the decisions discussed on" in text
        assert "discussed o…" not in text
        for words in (
            "Russia launches 29 missiles and",
            "nearly 400 drones",
            "Talks open in Geneva in a new",
            "trilateral format",
        ):
            assert words in text, words
