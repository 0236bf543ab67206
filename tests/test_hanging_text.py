"""Labelled lines (the detail view's fields, the help's keys) wrap under their value."""

from __future__ import annotations

from textual.content import Content

from briefing.ui.app import BriefingApp
from briefing.ui.widgets.hanging_text import Hang, hang

from .apps import screen_lines
from .conftest import DEFAULT

RATE = Hang(Content("Rate          "), Content("not computed (a figure is approximate or not reported)"))


def test_a_long_value_wraps_under_itself_not_under_its_label():
    lines = hang([Content("Heading"), RATE], 40).plain.split("\n")
    assert lines == [
        "Heading",
        "Rate          not computed (a figure is",
        "              approximate or not",
        "              reported)",
    ]


def test_a_value_that_fits_stays_on_one_line():
    assert hang([RATE], 80).plain == "Rate          not computed (a figure is approximate or not reported)"


def test_too_narrow_for_two_columns_wraps_as_one():
    # 14 cells of label and 6 of room: the value starts after the label and
    # Textual wraps the line as it comes.
    assert hang([RATE], 20).plain == RATE.head.plain + RATE.body.plain


async def test_on_screen_the_rate_of_the_drones_continues_under_its_value():
    app = BriefingApp(DEFAULT)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "j", "enter")
        await pilot.pause()
        lines = screen_lines(app)
        rate = next(line for line in lines if "Rate " in line)
        after = lines[lines.index(rate) + 1]
        column = rate.index("not computed")
        assert after[column:].startswith("reported)")
        assert after[:column].rstrip(" ").endswith("│")  # only the frame before it


async def test_in_the_help_a_long_description_continues_in_its_column():
    app = BriefingApp(DEFAULT)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark", "pagedown")
        await pilot.pause()
        for _ in range(10):  # scroll on until the presenter's key and the next line show
            lines = screen_lines(app)
            at = [i for i, line in enumerate(lines) if "Presenter view" in line]
            if at and lines[at[0] + 1].strip(" │"):  # its next line shows (not the card's edge)
                break
            await pilot.press("j")
            await pilot.pause()
        presenter = next(line for line in lines if "Presenter view" in line)
        after = lines[lines.index(presenter) + 1]
        column = presenter.index("Presenter view")
        assert after[column:].startswith("time")
