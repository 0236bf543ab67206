"""What people see, at fixed terminal sizes. Each SVG was opened and checked."""

from __future__ import annotations

import pytest

from .apps import FrozenApp as BriefingApp

from .conftest import DEFAULT

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.mark.parametrize("size", SIZES)
def test_dashboard(snap_compare, size):
    assert snap_compare(BriefingApp(DEFAULT), terminal_size=size)


def test_dashboard_wide(snap_compare):
    assert snap_compare(BriefingApp(DEFAULT), terminal_size=(200, 60))


def test_help_screen(snap_compare):
    assert snap_compare(BriefingApp(DEFAULT), terminal_size=(120, 40), press=["question_mark"])


def test_quote_detail(snap_compare):
    assert snap_compare(
        BriefingApp(DEFAULT), terminal_size=(120, 40), press=["3", "j", "j", "j", "enter"]
    )


def test_tally_detail(snap_compare):
    assert snap_compare(BriefingApp(DEFAULT), terminal_size=(80, 24), press=["4", "j", "enter"])


def test_person_detail(snap_compare):
    assert snap_compare(BriefingApp(DEFAULT), terminal_size=(120, 40), press=["j", "enter"])
