"""Searching and side-filtering the dashboard (Pilot)."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from briefing.ui.panes.base import Pane
from briefing.ui.widgets.search_bar import SearchBar

from .apps import FrozenApp, screen_lines, settle
from .conftest import DEFAULT


async def type_query(pilot, app, query: str) -> None:
    await pilot.press("slash")
    await pilot.press(*query)
    await settle(pilot)


def selected_key(app) -> tuple[str, str]:
    pane = Pane.holding(app.focused)
    assert isinstance(pane, Pane)
    return pane.id, pane.row_key(app.focused.selected)


def pane(app, name: str) -> Pane:
    return app.screen.query_one(f"#{name}", Pane)


async def test_typing_zelensky_finds_every_zelenskyy_item_with_counts():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_query(pilot, app, "zelensky")
        matches = app.screen.finder.finding.matches
        assert "zelenskyy" in matches
        assert {"zelenskyy-greets-strike", "zelenskyy-raise-strikes", "zelenskyy-just-agreement"} <= matches
        assert {"strikes", "just-agreement"} <= matches  # agenda items he raised
        assert "umerov" not in matches
        assert pane(app, "quotes").border_subtitle == "4 matches"
        count = str(app.screen.query_one("#search-count").render())
        # While typing, the selection follows the first match: its place is shown.
        assert count.startswith(f"1/{len(matches)}")
        # Non-matching rows are dimmed, matching characters highlighted.
        quotes = pane(app, "quotes")
        first = quotes.list.rows[0]
        assert not quotes.is_match(first)


async def test_enter_accepts_n_and_N_walk_and_esc_keeps_the_selection():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "j", "j")
        await type_query(pilot, app, "zelensky")
        # While typing, the selection already sits on the first match after ours.
        quotes = pane(app, "quotes")
        assert quotes.row_key(quotes.list.selected) == "zelenskyy-greets-strike"
        assert isinstance(app.focused, Input)
        await pilot.press("enter")
        bar = app.screen.query_one(SearchBar)
        assert not bar.has_class("-open")
        assert selected_key(app) == ("quotes", "zelenskyy-greets-strike")
        assert app.screen.finder.finding.matches  # the highlights stay
        place = quotes.border_subtitle
        await pilot.press("n")
        assert selected_key(app) == ("quotes", "zelenskyy-raise-strikes")
        # The place among the matches stays in view in the pane's frame.
        after = quotes.border_subtitle
        assert after.endswith("/12 · 4 matches") and after != place
        assert int(after.split("/")[0]) == int(place.split("/")[0]) + 1
        await pilot.press("n", "n")
        assert selected_key(app)[0] == "tally"
        await pilot.press("N", "N", "N")
        assert selected_key(app) == ("quotes", "zelenskyy-greets-strike")
        await pilot.press("escape")
        assert app.screen.finder.finding.matches == frozenset()
        assert selected_key(app) == ("quotes", "zelenskyy-greets-strike")  # kept
        assert pane(app, "quotes").border_subtitle == "9"


async def test_escape_while_typing_restores_selection_focus_and_scroll():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1", "G")  # the last person: the pane scrolled down
        delegations = pane(app, "delegations").list
        before = (selected_key(app), delegations.scroll_offset.y)
        assert before[1] > 0
        await type_query(pilot, app, "son-in-law")  # Kushner, near the top
        assert delegations.scroll_offset.y < before[1]
        await pilot.press("escape")
        assert app.screen.finder.finding.matches == frozenset()
        assert (selected_key(app), delegations.scroll_offset.y) == before


async def test_up_and_down_in_the_bar_recall_earlier_queries():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_query(pilot, app, "umerov")
        await pilot.press("enter")
        await type_query(pilot, app, "peskov")  # replaces the selected last query
        await pilot.press("enter")
        await pilot.press("slash")
        bar = app.screen.query_one(SearchBar)
        assert bar.value == "peskov"
        await pilot.press("ctrl+u")  # clear the field
        await pilot.press("up")
        assert bar.value == "peskov"
        await pilot.press("up")
        assert bar.value == "umerov"
        await pilot.press("up")
        assert bar.value == "umerov"  # the oldest stays
        await pilot.press("down", "down")
        assert bar.value == ""  # back to what was typed


async def test_hide_mode_says_no_matches_in_a_pane_without_any():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_query(pilot, app, "facebook")
        await pilot.press("ctrl+o")
        delegations = pane(app, "delegations").list
        assert delegations.rows == []
        assert delegations.render_line(0).text.strip() == "No matches."
        assert "No delegations" not in delegations.render_line(0).text


async def test_escape_in_the_search_field_restores_focus():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "j")
        before = selected_key(app)
        await type_query(pilot, app, "peskov")
        await pilot.press("escape")
        assert selected_key(app) == before


async def test_hide_toggle_leaves_only_matches():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_query(pilot, app, "umerov")
        await pilot.press("ctrl+o")
        quotes = pane(app, "quotes").list.rows
        assert [q.id for q in quotes] == ["umerov-mandate", "umerov-facebook"]
        await pilot.press("ctrl+o")
        assert len(pane(app, "quotes").list.rows) == 9


@pytest.mark.parametrize(
    "query", ["(", "[", "\\", "*", "[bold]", '"unclosed', "a" * 1000, "((((", "?*+[](){}|^$."]
)
async def test_unsafe_queries_never_raise(query):
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        app.screen.query_one(SearchBar).input.value = query
        await settle(pilot)
        assert app.is_running
        await pilot.press("escape")


async def test_f_filters_every_pane_to_one_side():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        # Select the Ukraine delegation row.
        delegations = pane(app, "delegations").list
        ukraine = next(i for i, r in enumerate(delegations.rows) if r.id == "ukraine")
        delegations.cursor = ukraine
        await pilot.press("f")
        assert [r.id for r in pane(app, "delegations").list.rows] == ["ukraine", "umerov", "zelenskyy"]
        quotes = [q.speaker for q in pane(app, "quotes").list.rows]
        assert quotes and set(quotes) <= {"umerov", "zelenskyy"}
        assert all(
            set(a.raised_by) & {"ukraine", "umerov", "zelenskyy"} for a in pane(app, "agenda").list.rows
        )
        assert "filter: Ukraine" in app.screen.query_one("BriefingHeader").text
        # Filter and search combine.
        await type_query(pilot, app, "strike")
        assert app.screen.query_one("#quotes", Pane).lens.count == 3  # two texts, one context
        await pilot.press("escape")  # clears the search
        await pilot.press("escape")  # then the filter
        assert len(pane(app, "delegations").list.rows) == 15


def footer(app) -> dict[str, str]:
    """The keys the footer shows: key -> what it says."""
    return {
        key: active.binding.description
        for key, active in app.screen.active_bindings.items()
        if active.binding.show and active.enabled
    }


async def test_the_footer_follows_the_focused_pane_and_the_mode():
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = footer(app)
        assert "c" not in keys and "p" not in keys and "escape" not in keys and "n" not in keys
        assert keys["z"] == "Zoom" and keys["f"] == "Side"
        await pilot.press("3")
        assert footer(app)["c"] == "Cite" and footer(app)["p"] == "Present"
        await pilot.press("2")
        assert "c" not in footer(app) and footer(app)["p"] == "Present"
        await type_query(pilot, app, "zelensky")
        assert "n" not in footer(app)  # n types while typing
        await pilot.press("enter")
        keys = footer(app)
        assert (keys["escape"], keys["n"], keys["N"]) == ("Clear", "Next", "Prev")
        await pilot.press("z")
        keys = footer(app)
        assert keys["z"] == "Restore" and keys["escape"] == "Clear"
        await pilot.press("escape")
        assert footer(app)["escape"] == "Restore" and "n" not in footer(app)
        await pilot.press("escape")
        assert app.screen.maximized is None and "escape" not in footer(app)
        await pilot.press("1", "j", "f")
        assert footer(app)["escape"] == "All sides"
        await pilot.press("escape")
        assert "escape" not in footer(app)


async def test_the_bar_says_when_the_overview_matches_too():
    # The meeting's summary, days and format are not rows: the bar says they match.
    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_query(pilot, app, "aftermath")  # only in meta.format
        bar = "\n".join(screen_lines(app)[-2:])
        assert "no matches  in the overview: i" in bar
        await pilot.press("ctrl+u", *"umerov coordination")  # an event and the first day
        await settle(pilot)
        bar = "\n".join(screen_lines(app)[-2:])
        assert "also in the overview: i" in bar
        await pilot.press("ctrl+u", *"zelensky")  # rows only
        await settle(pilot)
        assert "overview" not in "\n".join(screen_lines(app)[-2:])


def test_overview_texts_are_what_only_the_overview_shows():
    from briefing.loading import load_path
    from briefing.search.fields import overview_texts
    from briefing.search.query import matches_texts, parse_query

    texts = overview_texts(load_path(DEFAULT, cache=False))
    assert matches_texts(parse_query('"closed to the press"'), texts)
    assert matches_texts(parse_query("wednesday working groups"), texts)  # a day's label and summary
    assert not matches_texts(parse_query("aftermath zzzq"), texts)  # every word must be there
    assert not matches_texts(parse_query("presswire"), texts)  # the source is not the overview's words
    assert not matches_texts(parse_query('""'), texts)  # nothing asked for
