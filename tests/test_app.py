"""Pilot tests: moving around the dashboard by keyboard and mouse."""

from __future__ import annotations

from pathlib import Path

from briefing.model import AgendaItem, Quote
from briefing.ui.app import BriefingApp
from briefing.ui.panes.base import Pane
from briefing.ui.panes.delegations import PersonRow, SideRow
from briefing.ui.screens.changes import ChangesScreen
from briefing.ui.screens.detail import DetailScreen
from briefing.ui.screens.error import ErrorScreen
from briefing.ui.screens.help import HelpScreen
from briefing.ui.widgets.row_list import RowList

from .apps import screen_lines, until
from .conftest import DEFAULT

MARKUP = Path(__file__).parent / "briefings" / "markup.yaml"


def focused_pane(app: BriefingApp) -> str:
    focused = app.focused
    assert isinstance(focused, RowList)
    pane = Pane.holding(focused)
    assert isinstance(pane, Pane)
    return pane.TITLE


def screen_text(app: BriefingApp) -> str:
    """Every line of every visible RowList, plus the header, as plain text."""
    lines = [app.screen.query_one("BriefingHeader").text]
    for widget in app.screen.query("RowList, Static"):
        if isinstance(widget, RowList):
            lines += [widget.render_line(y).text for y in range(widget.size.height)]
        else:
            lines.append(str(widget.render()))
    return "\n".join(lines)


async def test_number_keys_and_tab_move_between_panes():
    app = BriefingApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        assert focused_pane(app) == "Delegations"
        for key, title in [("2", "Agenda"), ("3", "Quotes"), ("4", "Strike tally"), ("1", "Delegations")]:
            await pilot.press(key)
            assert focused_pane(app) == title
        await pilot.press("tab")
        assert focused_pane(app) == "Agenda"
        await pilot.press("shift+tab", "shift+tab")
        assert focused_pane(app) == "Timeline"  # at 120x40 the timeline has a cell of its own


async def test_j_k_and_arrows_move_within_a_pane():
    app = BriefingApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        rows = app.focused
        assert isinstance(rows, RowList)
        assert isinstance(rows.selected, SideRow)
        await pilot.press("j")
        assert isinstance(rows.selected, PersonRow) and rows.selected.person.id == "witkoff"
        await pilot.press("down", "down")
        assert rows.selected.person.id == "trump"
        await pilot.press("k", "up")
        assert rows.selected.person.id == "witkoff"
        await pilot.press("g")
        assert rows.cursor == 0
        await pilot.press("G")
        assert rows.cursor == len(rows.rows) - 1


async def test_enter_opens_detail_and_escape_returns():
    app = BriefingApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "j", "enter")
        assert isinstance(app.screen, DetailScreen)
        assert isinstance(app.screen.item, Quote)
        assert app.screen.item.id == "peskov-territories"
        await pilot.press("escape")
        assert not isinstance(app.screen, DetailScreen)
        assert focused_pane(app) == "Quotes"
        assert app.focused.cursor == 1


async def test_help_lists_every_binding():
    app = BriefingApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("HangingText").render())
        for fragment in [
            "Quit briefing",
            "Show every key",
            "Search commands",
            "Go to pane 3",
            "Next pane",
            "Open the selected item",
            "Back to the dashboard",
        ]:
            assert fragment in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_mouse_click_selects_then_opens():
    app = BriefingApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        agenda = app.screen.query_one("#agenda", Pane).list
        # Row 2 (0-based) is two lines high at this size: click its first line
        # (the pane's border and padding come first).
        await pilot.click(agenda, offset=(7, 5))
        assert app.focused is agenda
        assert isinstance(agenda.selected, AgendaItem) and agenda.selected.id == "security"
        assert not isinstance(app.screen, DetailScreen)
        await pilot.click(agenda, offset=(7, 5))
        assert isinstance(app.screen, DetailScreen)


async def test_q_quits():
    app = BriefingApp(DEFAULT)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
    assert app.return_code == 0


async def test_markup_in_yaml_is_shown_literally_and_runs_nothing():
    app = BriefingApp(MARKUP)
    async with app.run_test(size=(120, 40)) as pilot:
        text = screen_text(app)
        assert "[bold red]Not bold[/] [@click=app.quit]x[/]" in text
        assert "[bold]loud[/bold] [@click=app.quit]quit[/]" in text
        assert "[reverse]Person[/" in text
        assert "[$accent]Agenda[/]" in text
        # Clicking on the literal "[@click=app.quit]" text must not quit.
        quotes = app.screen.query_one("#quotes", Pane).list
        await pilot.click(quotes, offset=(30, 1))
        await pilot.click(quotes, offset=(30, 1))
        assert app.is_running
        assert isinstance(app.screen, DetailScreen)
        detail = " ".join(str(app.screen.query_one("#detail-body").render()).split())
        assert "[@click=app.quit]quit[/] [/ and \\[escaped]" in detail


async def test_broken_file_shows_error_screen_and_quits_with_1(write):
    path = write("schema: 1\nmeta:\n  titel: x\n")
    app = BriefingApp(path, display_name="b.yaml")
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, ErrorScreen)
        assert "b.yaml:3:3: meta: unknown key 'titel'; did you mean 'title'?" in str(
            app.screen.query_one("#error-body").render()
        )
        await pilot.press("q")
    assert app.return_code == 1


async def test_quotes_name_the_speakers_side_in_words_not_only_colour():
    # In the mono theme (and for colour-blind readers) the ▌ mark's colour
    # alone would not say who speaks for whom.
    app = BriefingApp(DEFAULT, theme="briefing-mono")
    async with app.run_test(size=(120, 40)):
        quotes = app.screen.query_one("#quotes", Pane)
        heads = [quotes.render_row(q, 56, False)[0].plain for q in quotes.list.rows]
        assert heads[0].startswith("▌Dmitry Peskov (Russia) · ")
        assert any(h.startswith("▌Rustem Umerov (Ukraine) · ") for h in heads)
        # Reported speech names who reported it and whom they cite, not a side.
        assert "▌Russian media, citing sources embedded within the Russian delegation" in [
            quotes.render_row(q, 120, False)[0].plain for q in quotes.list.rows
        ]


async def test_a_delegation_quoted_as_a_whole_is_not_named_twice(write):
    path = write(
        "schema: 1\nmeta:\n  title: T\n"
        "delegations:\n  - {id: ru, side: Russia, role: party}\n"
        "quotes:\n  - {id: q, speaker: ru, text: T, channel: X}\n"
    )
    app = BriefingApp(path)
    async with app.run_test(size=(120, 40)):
        quotes = app.screen.query_one("#quotes", Pane)
        heads = [quotes.render_row(q, 56, False)[0].plain for q in quotes.list.rows]
        assert heads == ["▌Russia · X"]


async def test_help_scrolls_says_more_follows_and_lists_every_key():
    app = BriefingApp(DEFAULT)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        card = app.screen.query_one("#help-card")
        text = str(app.screen.query_one("HangingText").render())
        assert "? or F1" in text and "/ or ^f" in text  # the alternatives too
        assert card.border_subtitle.startswith("↓ more · 0%")
        await pilot.press("j", "j")
        assert card.scroll_y == 2
        await pilot.press("k")
        assert card.scroll_y == 1
        await pilot.press("G")
        assert card.scroll_y == card.max_scroll_y
        assert card.border_subtitle.startswith("end · 100%")
        await pilot.press("g")
        assert card.scroll_y == 0
        await pilot.press("pagedown")
        assert card.scroll_y > 5
        await pilot.press("q")  # closes help, does not quit
        assert app.is_running and not isinstance(app.screen, HelpScreen)


async def test_detail_links_go_to_the_items_and_back():
    app = BriefingApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "enter")  # Steve Witkoff
        person = app.screen
        assert isinstance(person, DetailScreen)
        assert person.links.targets[:2] == ["us", "witkoff-progress"]
        await pilot.press("tab", "tab", "enter")  # his quote
        quote = app.screen
        assert isinstance(quote, DetailScreen) and isinstance(quote.item, Quote)
        assert quote.item.id == "witkoff-progress"
        # A click on the speaker's name opens his detail again.
        lines = screen_lines(app)
        y = next(i for i, line in enumerate(lines) if "Speaker" in line)
        x = lines[y].index("Steve Witkoff", lines[y].index("Speaker"))
        await pilot.click(offset=(x + 2, y))
        assert isinstance(app.screen, DetailScreen) and isinstance(app.screen.item, PersonRow)
        assert app.screen is not person
        await pilot.press("escape")
        assert app.screen is quote
        await pilot.press("q")  # q goes back too
        assert app.screen is person
        await pilot.press("escape")
        assert not isinstance(app.screen, DetailScreen)
        assert app.is_running


async def test_an_item_in_the_change_list_goes_to_its_row(tmp_path):
    path = tmp_path / "live.yaml"
    text = DEFAULT.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    app = BriefingApp(path, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        path.write_text(
            text.replace("title: Security issues", "title: Security guarantees"), encoding="utf-8"
        )
        await pilot.press("r")
        await until(pilot, lambda: app.briefing.agenda[2].title == "Security guarantees")
        await pilot.press("d")
        assert isinstance(app.screen, ChangesScreen)
        await pilot.press("j", "enter")
        assert not isinstance(app.screen, ChangesScreen)
        assert focused_pane(app) == "Agenda"
        assert app.focused.selected.id == "security"


async def test_the_overview_shows_the_meeting_and_links_to_its_delegations():
    app = BriefingApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        overview = app.screen
        assert isinstance(overview, DetailScreen)
        shown = "\n".join(screen_lines(app))
        # What the briefing says of the meeting and shows nowhere else.
        assert "A US-facilitated round between the Ukrainian and Russian delegations" in shown
        assert "Wednesday  Talks resume; working groups continue" in shown
        assert "Closed to the press" in shown
        # "Delegations", not "at the table": the allies met the US side apart.
        assert "At the table" not in shown and "│  Delegations " in shown
        assert "Russia  party  led by Vladimir Medinsky" in shown
        assert overview.links.targets[:3] == ["us", "ukraine", "russia"]
        await pilot.press("tab", "tab", "enter")  # Ukraine
        assert isinstance(app.screen, DetailScreen) and isinstance(app.screen.item, SideRow)
        assert app.screen.item.delegation.id == "ukraine"
        await pilot.press("escape")
        assert app.screen is overview
        await pilot.press("q")
        assert not isinstance(app.screen, DetailScreen) and app.is_running
        # A click on the header's title opens it too.
        await pilot.click("BriefingHeader", offset=(3, 0))
        assert isinstance(app.screen, DetailScreen) and app.screen.item is app.briefing.meta


async def test_the_overview_of_a_briefing_that_says_little(tmp_path):
    path = tmp_path / "bare.yaml"
    path.write_text("schema: 1\nmeta:\n  title: Preparatory call\n", encoding="utf-8")
    app = BriefingApp(path, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        # Its one pane says where the meeting is, not only that it has no delegations.
        assert "i shows its overview" in "\n".join(screen_lines(app))
        await pilot.press("i")
        shown = "\n".join(screen_lines(app))
        assert "No summary in this briefing." in shown
        assert "The briefing does not name its source." in shown
        assert "Days" not in shown and "Format" not in shown
