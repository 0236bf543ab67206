"""The header's age: "updated" only from meta.updated, the file's time as "saved"."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from briefing.ui.widgets.header import ago

from .apps import NOW, FrozenApp, screen_lines
from .conftest import DEFAULT


def test_a_day_without_a_time_reads_in_days():
    # "2026-02-18" says nothing about the hour: never "14 h ago".
    assert ago(date(2026, 2, 18), NOW) == "today"
    assert ago(date(2026, 2, 17), NOW) == "yesterday"
    assert ago(date(2026, 2, 10), NOW) == "8 days ago"
    assert ago(date(2026, 3, 1), NOW) == "on 2026-03-01"
    assert ago(datetime(2026, 2, 18, 13, 5), NOW) == "1 h ago"


async def header(path) -> str:
    app = FrozenApp(path)  # its file saved at 13:50, the clock at 14:05
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        return screen_lines(app)[0]


def copy(write, updated: str | None = None):
    """The bundled briefing as the user's own file, with ``meta.updated`` if given."""
    text = DEFAULT.read_text(encoding="utf-8")
    if updated is not None:
        text = text.replace("\nmeta:\n", f"\nmeta:\n  updated: {updated!r}\n", 1)
    return write(text)


async def test_bundled_briefing_claims_no_update_time():
    # Just installed, its file is new: that is not when the February report was brought up to date.
    top = await header(DEFAULT)
    assert "updated" not in top and "saved" not in top
    assert top.rstrip().endswith("14:05")


async def test_own_file_without_meta_updated_says_saved_never_updated(write):
    top = await header(copy(write))
    assert "saved 15 min ago · 14:05" in top
    assert "updated" not in top


@pytest.mark.parametrize(
    ("updated", "shown"),
    [
        ("2026-02-16", "updated 2 days ago · 14:05"),
        ("2026-02-18T12:05", "updated 2 h ago · 14:05"),
    ],
)
async def test_meta_updated_is_what_updated_means(write, updated, shown):
    top = await header(copy(write, updated))
    assert shown in top
    assert "saved" not in top


async def test_free_text_meta_updated_is_not_turned_into_an_age(write):
    top = await header(copy(write, "Tuesday evening"))
    assert "updated" not in top
    assert "saved 15 min ago" in top


def test_header_line_gives_the_title_priority_and_keeps_the_clock():
    from textual.content import Content

    from briefing.ui.widgets.header import header_line

    title, status = Content("Water talks · Port Issel"), Content("Round two closed")
    wide = header_line(title, status, "14:05", 60).plain
    assert wide == " Water talks · Port Issel           Round two closed  14:05 "
    assert len(wide) == 60
    # Narrow: the status goes first, cut with an ellipsis, then the title.
    assert header_line(title, status, "14:05", 36).plain == " Water talks · Port Issel  …  14:05 "
    assert header_line(title, status, "14:05", 20).plain == " Water talk…  14:05 "
    assert header_line(title, status, "14:05", 7).plain == " 14:05 "
    # Stale: STALE keeps its cells even when the title would take them.
    stale = Content("STALE")
    assert header_line(title, stale, "14:05", 30, stale=True).plain == " Water talks ·…  STALE  14:05 "
    assert header_line(title, stale, "14:05", 20, stale=True).plain == " Wat…  STALE  14:05 "


async def test_muted_words_are_dimmer_than_the_text_not_brighter():
    # "$text-muted" is "auto 60%": Textual's style parser reads it as solid
    # contrast text, so muted words once came out pure white. The header's
    # place and clock, and the rows' muted parts, use the flattened colour.
    from textual.color import Color
    from textual.geometry import Region

    app = FrozenApp(DEFAULT)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        header = app.screen.query_one("BriefingHeader")
        segments = list(header.render_lines(Region(0, 0, 120, 1))[0])
        by_text = {s.text.strip(): s.style for s in segments if s.text.strip()}
        back = Color.from_rich_color(by_text["Geneva"].bgcolor)
        text = Color.from_rich_color(by_text["Ukraine–Russia talks in Geneva"].color)
        for muted in ("Geneva", "14:05"):
            colour = Color.from_rich_color(by_text[muted].color)
            assert colour != text
            # Between the background and the text: dimmer than the text.
            assert abs(colour.brightness - back.brightness) < abs(text.brightness - back.brightness)


@pytest.mark.parametrize("theme", ["briefing-dark", "briefing-projector"])
async def test_muted_words_stay_readable_on_the_selected_row(theme):
    # Muted is worked out over the background it lands on: on the selected
    # row (a strong colour, light themes included) it is light, not grey.
    from textual.color import Color
    from textual.geometry import Region

    from briefing.ui.app import BriefingApp
    from briefing.ui.themes import contrast

    app = BriefingApp(DEFAULT, watch=False, theme=theme)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        rows = app.screen.query_one("#delegations").list
        assert rows.cursor == 0
        width = rows.scrollable_content_region.width
        # Line 2 of the pane, under its top border: "led by …", muted.
        second_line = list(rows.render_lines(Region(0, 2, width, 1))[0])
        led = next(s for s in second_line if s.text.strip().startswith("led by"))
        colour = Color.from_rich_color(led.style.color)
        back = Color.from_rich_color(led.style.bgcolor)
        assert contrast(colour, back) >= 3.0


@pytest.mark.parametrize(
    "title",
    ["日内瓦会谈 乌克兰与俄罗斯的谈判 第二轮", "[bold]x[/] [@click=app.quit]q[/]", "a" * 200, "👨‍👩‍👧 talks"],
)
@pytest.mark.parametrize("width", [120, 40, 12, 5, 1, 0])
def test_header_line_never_overflows_and_shows_markup_as_text(title, width):
    from rich.cells import cell_len

    from briefing.ui.text_content import lit
    from briefing.ui.widgets.header import header_line

    line = header_line(lit(title, "bold"), lit("状态：谈判结束"), "14:05", width, stale=width == 40).plain
    assert cell_len(line) <= width
    if width == 120 and cell_len(title) < 60:
        assert title in line  # room enough: whole, literal
    elif width == 120:
        assert line.startswith(" " + title[:100]) and "…" in line  # cut, marked


@pytest.mark.parametrize("theme", ["briefing-dark", "briefing-projector", "briefing-okabe-ito"])
async def test_every_word_on_the_focused_selection_is_readable(theme):
    # A coloured status ("on the agenda", blue) on the selection's blue bar
    # measured 1.3-1.7:1; words that do not reach 3:1 take its text colour.
    from textual.color import Color
    from textual.geometry import Region

    from briefing.ui.app import BriefingApp
    from briefing.ui.themes import contrast

    app = BriefingApp(DEFAULT, watch=False, theme=theme)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        rows = app.screen.query_one("#agenda").list
        width = rows.scrollable_content_region.width
        words = [
            segment
            for y in (1, 2)  # the first row's two lines, under the top border
            for segment in rows.render_lines(Region(0, y, width, 1))[0]
            if segment.text.strip()
        ]
        assert any("on the agenda" in s.text for s in words)
        for segment in words:
            colour = Color.from_rich_color(segment.style.color)
            back = Color.from_rich_color(segment.style.bgcolor)
            assert contrast(colour, back) >= 3.0, segment.text
