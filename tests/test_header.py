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
