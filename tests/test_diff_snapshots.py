"""What people see of changes: ``--since`` marks, the changes list, the folder picker.
Each SVG was opened and checked."""

from __future__ import annotations

import pytest

from briefing.loading import load_path

from .apps import FrozenApp, settle, until
from .conftest import DEFAULT

GENEVA = DEFAULT.read_text(encoding="utf-8")
EDITED = (
    GENEVA.replace("title: Security issues", "title: Security guarantees")
    .replace("launched: nearly 400", "launched: about 410")
    .replace("We are focused on substantive work.", "We are focused on real work.")
    .replace(
        "  - id: abu-dhabi\n",
        "  - id: next-round\n    when: Next week\n    title: Next round\n  - id: abu-dhabi\n",
    )
)


def since_app(tmp_path) -> FrozenApp:
    old = tmp_path / "old.yaml"
    old.write_text(GENEVA, encoding="utf-8")
    path = tmp_path / "talks.yaml"
    path.write_text(EDITED, encoding="utf-8")
    return FrozenApp(path, display_name="talks.yaml", since=(load_path(old), "HEAD~1"))


def test_since_marks(snap_compare, tmp_path):
    async def run_before(pilot):
        await settle(pilot)

    assert snap_compare(since_app(tmp_path), terminal_size=(120, 40), run_before=run_before)


def test_since_changes_list(snap_compare, tmp_path):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("d")
        await pilot.pause()

    assert snap_compare(since_app(tmp_path), terminal_size=(120, 40), run_before=run_before)


SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.mark.parametrize("size", SIZES)
def test_folder_picker(snap_compare, tmp_path, size):
    from .test_rounds import FrozenRounds, round_text

    folder = tmp_path / "rounds"
    folder.mkdir()
    (folder / "geneva.yaml").write_text(round_text("Ukraine–Russia talks in Geneva", "Geneva", "2026-02-18"))
    (folder / "abu-dhabi.yaml").write_text(
        round_text("Ukraine–Russia talks in Abu Dhabi", "Abu Dhabi", "2026-02-01", "about 300")
    )
    (folder / "istanbul.yaml").write_text(
        round_text("Russia–Ukraine talks in Istanbul", "Istanbul", "2025-05-16")
    )
    (folder / "draft.yaml").write_text("schema: 1\nmeta:\n  title: [oops\n")
    app = FrozenRounds(folder)

    async def run_before(pilot):
        await until(pilot, lambda: not app.screen.pending)
        # A blinking cursor would be caught on or off depending on timing.
        app.screen.query_one("#rounds-filter").cursor_blink = False
        await pilot.press("down")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


def test_search_every_round(snap_compare, tmp_path):
    from .test_rounds import FrozenRounds, round_text

    folder = tmp_path / "rounds"
    folder.mkdir()
    (folder / "geneva.yaml").write_text(round_text("Ukraine–Russia talks in Geneva", "Geneva", "2026-02-18"))
    (folder / "abu-dhabi.yaml").write_text(
        round_text("Ukraine–Russia talks in Abu Dhabi", "Abu Dhabi", "2026-02-01", "about 300")
    )
    app = FrozenRounds(folder)

    async def run_before(pilot):
        await until(pilot, lambda: not app.screen.pending)
        app.screen.query_one("#rounds-filter").cursor_blink = False
        await pilot.press(*"/kushner")
        await until(pilot, lambda: bool(app.screen.hits.rows))
        await pilot.press("down")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
