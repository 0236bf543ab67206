"""``briefing DIR``: a folder of rounds — the picker, opening, going back, comparing."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from briefing.loading.folder import Round, listed, ordered, read_round, refreshed
from briefing.ui.rounds_app import RoundsApp
from briefing.ui.screens.changes import ChangesScreen
from briefing.ui.screens.main import MainScreen
from briefing.ui.screens.rounds import RoundsScreen

from .apps import FILE_TIME, NOW, until
from .conftest import DEFAULT

GENEVA = DEFAULT.read_text(encoding="utf-8")


class FrozenRounds(RoundsApp):
    """The folder app at a fixed time, not watching unless asked."""

    def __init__(self, folder, **kwargs) -> None:
        kwargs.setdefault("watch", False)
        kwargs.setdefault("display_name", "rounds")
        super().__init__(folder, **kwargs)

    def now(self) -> datetime:
        return NOW

    def file_mtime(self) -> datetime | None:
        return FILE_TIME


def round_text(title: str, place: str, updated: str | None, drones: str = "nearly 400") -> str:
    text = GENEVA.replace("title: Ukraine–Russia talks in Geneva", f"title: {title}", 1)
    text = text.replace(
        "  place: Geneva\n", f"  place: {place}\n" + (f'  updated: "{updated}"\n' if updated else ""), 1
    )
    return text.replace("launched: nearly 400", f"launched: {drones}", 1)


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "rounds"
    root.mkdir()
    (root / "b-geneva.yaml").write_text(
        round_text("Talks in Geneva", "Geneva", "2026-02-18"), encoding="utf-8"
    )
    (root / "a-abu-dhabi.yaml").write_text(
        round_text("Talks in Abu Dhabi", "Abu Dhabi", "2026-02-01", "about 300"), encoding="utf-8"
    )
    (root / "c-istanbul.yaml").write_text(
        round_text("Talks in Istanbul", "Istanbul", "2025-05-16"), encoding="utf-8"
    )
    (root / "draft.yaml").write_text("schema: 1\nmeta:\n  title: [oops\n", encoding="utf-8")
    (root / "notes.txt").write_text("not a briefing", encoding="utf-8")
    return root


def test_rounds_are_ordered_by_updated_then_name(folder):
    rounds = ordered([read_round(path) for path in listed(folder)])
    assert [r.name for r in rounds] == ["c-istanbul.yaml", "a-abu-dhabi.yaml", "b-geneva.yaml", "draft.yaml"]
    assert [r.problems for r in rounds] == [0, 0, 0, 1]
    assert rounds[0].title == "Talks in Istanbul" and rounds[0].place == "Istanbul"


def test_refreshed_sees_new_changed_and_removed_files(folder):
    rounds = ordered([read_round(path) for path in listed(folder)])
    (folder / "c-istanbul.yaml").unlink()
    (folder / "d-new.yaml").write_text(round_text("New", "Riyadh", "2026-03-01"), encoding="utf-8")
    (folder / "draft.yaml").write_text(round_text("Draft fixed", "Geneva", None), encoding="utf-8")
    rounds, stale = refreshed(rounds, folder)
    assert sorted(p.name for p in stale) == ["d-new.yaml", "draft.yaml"]
    assert "c-istanbul.yaml" not in [r.name for r in rounds]
    assert Round(folder / "d-new.yaml", listed(folder)[folder / "d-new.yaml"]) in rounds


async def test_pick_filter_open_back_and_compare(folder):
    app = FrozenRounds(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        picker = app.screen
        assert isinstance(picker, RoundsScreen)
        await until(pilot, lambda: not picker.pending)
        assert [r.name for r in picker.rows.rows] == [
            "c-istanbul.yaml",
            "a-abu-dhabi.yaml",
            "b-geneva.yaml",
            "draft.yaml",
        ]
        # Type to filter (accents and case ignored), Enter opens.
        await pilot.press(*"GENEVA")
        await until(pilot, lambda: [r.name for r in picker.rows.rows] == ["b-geneva.yaml"])
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        assert app.briefing.meta.title == "Talks in Geneva"
        # D: the changes view against the previous round in the folder's order.
        await pilot.press("D")
        await until(pilot, lambda: isinstance(app.screen, ChangesScreen))
        changes = app.screen.changes
        assert {i.id for i in changes.changed} == {"$meta", "drones"}
        assert "a-abu-dhabi.yaml" in str(app.screen.query_one("#changes-card").border_title)
        await pilot.press("escape")
        # o: back to the picker, filter kept.
        await pilot.press("o")
        await until(pilot, lambda: app.screen is picker)
        assert app.briefing is None
        # A broken round is reported and the picker stays.
        await pilot.press("escape")
        await until(pilot, lambda: len(picker.rows.rows) == 4)
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause(0.1)
        assert app.screen is picker
        # The first round has nothing before it.
        await pilot.press("up", "up", "up", "enter")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        assert app.briefing.meta.title == "Talks in Istanbul"
        await pilot.press("D")
        await pilot.pause(0.1)
        assert isinstance(app.screen, MainScreen)


async def test_the_folder_is_watched(folder):
    app = FrozenRounds(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        picker = app.screen
        await until(pilot, lambda: not picker.pending)
        (folder / "e-next.yaml").write_text(
            round_text("Next round", "Riyadh", "2026-03-09"), encoding="utf-8"
        )
        (folder / "draft.yaml").unlink()
        picker.rescan()  # what the one-second look does
        await until(pilot, lambda: not picker.pending and len(picker.rows.rows) == 4)
        assert picker.rows.rows[-1].title == "Next round"


def test_row_text_is_literal(folder):
    (folder / "evil.yaml").write_text(
        round_text("[bold red]Evil[/] \\e]0;x\\a", "Geneva", None).replace(
            "title: [bold red]Evil[/] \\e]0;x\\a", 'title: "[bold red]Evil[/] \\e]0;x\\a"'
        ),
        encoding="utf-8",
    )
    found = read_round(folder / "evil.yaml")
    assert found.problems == 0, found.first_problem
    lines = RoundsScreen._render_round(None, found, 80, False)  # type: ignore[arg-type]
    assert re.search(r"\[bold red\]Evil\[/\] ␛\]0;x␇", lines[0].plain)


def test_folder_keys_have_ids_and_no_conflicts(folder):
    from briefing.ui.keymap import check_keymap

    app = FrozenRounds(folder)
    assert check_keymap({}, app.binding_scopes()) == ({}, [])
    ids = {b.id for _, _, bindings in app.binding_sections() for b in bindings if hasattr(b, "id")}
    for binding_id in ["rounds", "compare-previous", "open-round", "clear-round-filter", "round-down"]:
        assert binding_id in ids
    assert {"zoom-changes", "clear-marks", "close-changes"} <= ids
    # A key the dashboard already uses cannot go to "back to the rounds".
    usable, problems = check_keymap({"rounds": "e"}, app.binding_scopes())
    assert usable == {} and "ignoring the mapping of 'rounds'" in problems[0]


async def test_help_lists_the_folder_keys_and_the_keymap_rebinds_them(folder):
    from briefing.ui.screens.help import HelpScreen

    from .test_keymap import write_config

    write_config('[keymap]\nrounds = "O"\ncompare-previous = "V"\nzoom-changes = "Z"\n')
    app = FrozenRounds(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        picker = app.screen
        await until(pilot, lambda: not picker.pending)
        assert not [n.message for n in app._notifications if "keymap" in n.message]
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("HangingText").render())
        assert "Rounds picker" in text and "Open the selected round" in text
        assert "O                 Back to the folder's rounds" in text
        assert "V                 What changed since the previous round" in text
        assert "Z                 Use the whole screen (projector)" in text
        assert "x                 Remove every change mark" in text
        await pilot.press("escape")
        await pilot.press("enter")  # Istanbul, the first round
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await pilot.press("O")  # the remapped key goes back
        await until(pilot, lambda: app.screen is picker)
        await pilot.press(*"abu")
        await until(pilot, lambda: len(picker.rows.rows) == 1)
        await pilot.press("enter")  # Abu Dhabi: has a previous round
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        assert app.briefing.meta.title == "Talks in Abu Dhabi"
        await pilot.press("D")  # no longer compares
        await pilot.pause(0.1)
        assert isinstance(app.screen, MainScreen)
        await pilot.press("V")
        await until(pilot, lambda: isinstance(app.screen, ChangesScreen))
        changes = app.screen
        await pilot.press("Z")
        assert changes.has_class("-full")


async def test_search_every_round_names_the_round_and_opens_the_item(folder):
    from briefing.search.across import Hit

    app = FrozenRounds(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        picker = app.screen
        await until(pilot, lambda: not picker.pending)
        await pilot.press("slash")
        assert picker.hits.display and not picker.rows.display
        assert picker.hits.rows == []
        await pilot.press(*"witkoff")
        await until(pilot, lambda: bool(picker.hits.rows))
        hits: list[Hit] = list(picker.hits.rows)
        # Every readable round has him; the broken draft is skipped, not reported as a hit.
        assert {h.path.name for h in hits} == {"a-abu-dhabi.yaml", "b-geneva.yaml", "c-istanbul.yaml"}
        assert hits[1].path.name == "c-istanbul.yaml" and (hits[1].kind, hits[1].id) == ("person", "witkoff")
        assert render_line(picker, 1) == "Talks in Istanbul · person · Steve Witkoff"
        assert "results in 3 rounds" in str(picker.hits.border_subtitle)
        # Narrow to one round's figure: "about 300" drones is only in Abu Dhabi.
        await pilot.press("ctrl+u")
        await pilot.press(*'/"about 300"')
        await until(pilot, lambda: [h.path.name for h in picker.hits.rows] == ["a-abu-dhabi.yaml"])
        hit = picker.hits.rows[0]
        assert (hit.kind, hit.id) == ("count", "drones")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        assert app.briefing.meta.title == "Talks in Abu Dhabi"
        main = app.screen
        await until(pilot, lambda: main.pane("tally").list.has_focus)
        assert main.pane("tally").list.selected.id == "drones"
        # Back to the picker: the search is still there; Esc clears it and shows the rounds.
        await pilot.press("o")
        await until(pilot, lambda: app.screen is picker)
        assert picker.hits.display
        await pilot.press("escape")
        await until(pilot, lambda: picker.rows.display and len(picker.rows.rows) == 4)
        # The indexes were built once and are reused while the files are unchanged.
        built = dict(picker.indexes._built)
        await pilot.press(*"/witkoff")
        await until(pilot, lambda: bool(picker.hits.rows))
        assert all(picker.indexes._built[p][1] is built[p][1] for p in built)


def render_line(picker: RoundsScreen, index: int) -> str:
    return picker._render_hit(picker.hits.rows[index], 100, False)[0].plain
