"""A reload draws again only what changed, and everything that did.

Each pane's ``render_row`` is wrapped to record the keys of the rows it
draws; a reload (``r``) of an edited file must draw the changed rows, the
rows whose look depends on what changed elsewhere (a side's name, the
tally's scale), and nothing else. What is on screen is checked too.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from briefing.ui.panes.base import Pane

from .apps import FrozenApp, screen_lines, settle, until
from .conftest import DEFAULT


def drawn_rows(app: FrozenApp) -> dict[str, list[str]]:
    """Start recording, per pane, the keys of the rows drawn from now on."""
    drawn: dict[str, list[str]] = {}
    for pane in app.main_screen.panes:
        log = drawn.setdefault(pane.id or "", [])
        original = pane.render_row

        def render_row(row, width, compact, pane=pane, original=original, log=log):
            log.append(pane.row_key(row))
            return original(row, width, compact)

        pane.render_row = render_row  # type: ignore[method-assign]
    return drawn


@contextlib.asynccontextmanager
async def opened(tmp_path: Path) -> AsyncIterator[tuple[FrozenApp, Any, Path]]:
    """The bundled briefing, copied to ``tmp_path``, open at 120x40 and settled."""
    path = tmp_path / "b.yaml"
    shutil.copy(DEFAULT, path)
    app = FrozenApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        yield app, pilot, path


async def reload_with(pilot, path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    await pilot.press("r")
    await until(pilot, lambda: not any(w.group == "load" and not w.is_finished for w in pilot.app.workers))
    await settle(pilot)


async def test_a_new_title_draws_no_row_again(tmp_path):
    async with opened(tmp_path) as (app, pilot, path):
        drawn = drawn_rows(app)
        await reload_with(pilot, path, "title: Ukraine–Russia talks in Geneva", "title: Geneva, second day")
        assert "Geneva, second day" in screen_lines(app)[0]
        assert all(keys == [] for keys in drawn.values()), drawn


async def test_an_edited_quote_is_the_only_row_drawn_again(tmp_path):
    async with opened(tmp_path) as (app, pilot, path):
        drawn = drawn_rows(app)
        await reload_with(pilot, path, "text: main issues concerning", "text: the main issues concerning")
        assert set(drawn.pop("quotes")) == {"peskov-territories"}
        assert all(keys == [] for keys in drawn.values()), drawn
        # On screen: the new words, marked as changed; the quote before it as it was.
        lines = "\n".join(screen_lines(app))
        assert "│ ● ▌Dmitry Peskov (Russia)" in lines
        assert "│    “the main issues concerning the territories”" in lines
        assert "│  “wider range of issues”" in lines


async def test_a_renamed_side_draws_again_the_rows_that_name_it(tmp_path):
    async with opened(tmp_path) as (app, pilot, path):
        drawn = drawn_rows(app)
        await reload_with(pilot, path, "side: United States", "side: USA")
        # Quotes and events show names from the delegations: drawn again,
        # though their own rows did not change.
        assert drawn["quotes"] and drawn["timeline"] and drawn["delegations"]
        assert "USA" in "\n".join(screen_lines(app))


async def test_a_figure_that_changes_the_tally_scale_redraws_every_bar(tmp_path):
    async with opened(tmp_path) as (app, pilot, path):
        tally = app.main_screen.query_one("#tally", Pane)

        def bar_cells(key: str) -> int:
            index = next(i for i, row in enumerate(tally.list.rows) if tally.row_key(row) == key)
            top = tally.list.row_top(index) - int(tally.list.scroll_offset.y)
            launched = tally.list.render_line(top + 1).text
            return launched.count("█") + launched.count("▒")

        drones_before = bar_cells("drones")
        drawn = drawn_rows(app)
        # 4,000 missiles: every other bar shrinks against the new scale.
        await reload_with(pilot, path, "launched: 29\n", "launched: 4000\n")
        assert "drones" in drawn["tally"]
        assert bar_cells("drones") < drones_before
