"""Live reload: edits appear, broken saves keep the last good briefing."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import pytest
from textual.widgets import OptionList

from briefing.loading import line_of
from briefing.settings.editor import editor_command
from briefing.ui.panes.base import Pane
from briefing.ui.screens.error import ErrorScreen
from briefing.ui.screens.main import MainScreen

from .apps import FrozenApp, screen_lines, until
from .conftest import DEFAULT, MINIMAL


def copy_default(tmp_path: Path) -> Path:
    path = tmp_path / "live.yaml"
    shutil.copy(DEFAULT, path)
    return path


def header_text(app) -> str:
    return app.screen.query_one("BriefingHeader").text


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


async def test_a_saved_edit_appears_and_is_marked(tmp_path):
    path = copy_default(tmp_path)
    app = FrozenApp(path, watch=True)
    async with app.run_test(size=(120, 40)) as pilot:
        replace(path, "title: Territories\n", "title: Territory and borders\n")
        await until(pilot, lambda: app.briefing.agenda[0].title == "Territory and borders")
        agenda = app.screen.query_one("#agenda", Pane)
        assert agenda.marks == {"territories": "changed"}
        assert agenda.list.render_line(0).text.startswith("● Territory and borders")
        # Visiting the row clears its mark.
        await pilot.press("2", "j", "k")
        assert agenda.marks == {}


async def test_broken_save_keeps_briefing_and_fix_clears_banner(tmp_path):
    path = copy_default(tmp_path)
    good = path.read_text(encoding="utf-8")
    app = FrozenApp(path, display_name="live.yaml", watch=True)
    async with app.run_test(size=(120, 40)) as pilot:
        path.write_text("schema: 1\nmeta:\n  title: [oops\n", encoding="utf-8")
        main = app.screen
        assert isinstance(main, MainScreen)
        await until(pilot, lambda: main.has_class("-stale"))
        banner = str(main.query_one("#banner").render())
        assert "live.yaml:3:15: did not find expected ',' or ']'" in banner
        assert "stale" in banner
        assert "STALE" in header_text(app)
        # Still the Geneva briefing on screen.
        assert app.briefing.meta.title == "Ukraine–Russia talks in Geneva"
        assert "Ukraine–Russia talks in Geneva" in header_text(app)
        path.write_text(good.replace("status: Talks ended", "status: Fixed"), encoding="utf-8")
        await until(pilot, lambda: not main.has_class("-stale"))
        assert "Fixed" in header_text(app) and "STALE" not in header_text(app)


@pytest.mark.parametrize("size", [(60, 15), (80, 24), (120, 40)])
async def test_the_stale_banner_leaves_title_clock_and_stale_mark_on_screen(tmp_path, size):
    # Read from the composed screen: a mark in a widget covered by another
    # widget is not on screen, whatever the widget holds.
    path = copy_default(tmp_path)
    app = FrozenApp(path, display_name="live.yaml", watch=True)
    async with app.run_test(size=size) as pilot:
        path.write_text("schema: 1\nmeta:\n  title: [oops\n", encoding="utf-8")
        await until(pilot, lambda: app.screen.has_class("-stale"))
        await pilot.pause(0.05)
        top, *rest = screen_lines(app)
        assert "STALE" in top
        assert top.lstrip().startswith("Ukr")  # the title leads the header line
        assert "14:05" in top
        assert any("live.yaml:3:15:" in line for line in rest[:4])


FIVE_PROBLEMS = (
    "schema: 1\nmeta:\n  titel: T\ndelegations:\n  - id: ua\n    side: Ukraine\n    role: chair\n"
    "  - id: ru\n    side: Russia\n    role: party\n    lead: nobody\n"
    "agenda:\n  - id: a1\n    topic: X\n    status: Dropped\n  - id: a2\n    topic: Y\n    statsu: open\n"
)


@pytest.mark.parametrize(("size", "shown"), [((120, 40), 3), ((80, 24), 1)])
async def test_the_banner_lists_problems_and_bang_lists_them_all(tmp_path, size, shown):
    from briefing.ui.screens.problems import ProblemsScreen

    path = copy_default(tmp_path)
    app = FrozenApp(path, display_name="live.yaml", watch=True)
    async with app.run_test(size=size) as pilot:
        path.write_text(FIVE_PROBLEMS, encoding="utf-8")
        await until(pilot, lambda: app.screen.has_class("-stale"))
        await pilot.pause(0.05)
        total = len(app.screen.error.problems)
        assert total >= 5
        lines = screen_lines(app)
        listed = [line for line in lines if "live.yaml:" in line]
        assert len(listed) == shown
        assert any(f"+{total - shown} more" in line and "! lists all" in line for line in lines)
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ProblemsScreen)
        await pilot.pause(0.05)
        text = "\n".join(screen_lines(app))
        for problem in app.screen.error.problems:
            assert f"live.yaml:{problem.mark.line}:{problem.mark.column}:" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, ProblemsScreen)


async def test_selection_follows_the_item_not_the_row(tmp_path):
    path = copy_default(tmp_path)
    app = FrozenApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "j", "j", "j")
        quotes = app.screen.query_one("#quotes", Pane).list
        assert quotes.selected.id == "umerov-facebook"
        replace(path, "quotes:\n", "quotes:\n  - id: new-first\n    speaker: umerov\n    text: Brand new.\n")
        app.reload()
        await until(pilot, lambda: len(app.briefing.quotes) == 10)
        assert quotes.selected.id == "umerov-facebook"
        assert quotes.cursor == 4
        assert app.focused is quotes
        assert app.screen.query_one("#quotes", Pane).marks == {"new-first": "new"}


async def test_deleted_file_keeps_briefing(tmp_path):
    path = copy_default(tmp_path)
    app = FrozenApp(path, display_name="live.yaml", watch=True)
    async with app.run_test(size=(80, 24)) as pilot:
        path.unlink()
        main = app.screen
        await until(pilot, lambda: main.has_class("-stale"))
        assert "live.yaml: no such file" in str(main.query_one("#banner").render())
        assert app.briefing is not None


async def test_broken_at_start_then_fixed_shows_dashboard(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text("schema: 1\nmeta:\n  titel: x\n", encoding="utf-8")
    app = FrozenApp(path, display_name="b.yaml", watch=True)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, ErrorScreen)
        path.write_text("schema: 1\nmeta:\n  titel: y\n", encoding="utf-8")
        await pilot.press("r")
        await pilot.pause(0.2)
        assert isinstance(app.screen, ErrorScreen)
        path.write_text(MINIMAL, encoding="utf-8")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await pilot.press("q")
    assert app.return_code == 0


async def test_r_reloads_by_hand_without_watching(tmp_path):
    path = copy_default(tmp_path)
    app = FrozenApp(path, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        replace(path, "status: Talks ended", "status: Manual")
        await pilot.pause(0.3)
        assert app.briefing.meta.status.startswith("Talks ended")
        await pilot.press("r")
        await until(pilot, lambda: app.briefing.meta.status.startswith("Manual"))


async def test_changes_screen_lists_what_changed(tmp_path):
    path = copy_default(tmp_path)
    app = FrozenApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        replace(path, "title: Security issues", "title: Security guarantees")
        await pilot.press("r")
        await until(pilot, lambda: app.briefing.agenda[2].title == "Security guarantees")
        await pilot.press("d")
        options = app.screen.query_one("#changes-list", OptionList)
        body = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert body == [
            "Changed (1)",
            "  ● Agenda: Security guarantees  · Agenda\n      title: Security issues → Security guarantees",
        ]


async def test_edit_opens_editor_at_selected_item_and_reloads(tmp_path, monkeypatch):
    path = copy_default(tmp_path)
    calls: list[list[str]] = []

    def fake_run(command, check=False):
        calls.append(command)
        replace(path, "status: Talks ended", "status: Edited")

    monkeypatch.setenv("EDITOR", "nvim")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setattr("subprocess.run", fake_run)  # imported when the editor opens
    app = FrozenApp(path)
    monkeypatch.setattr(app, "suspend", contextlib.nullcontext)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "j", "j", "j", "e")
        await until(pilot, lambda: app.briefing.meta.status.startswith("Edited"))
    expected = line_of(path, ("quotes", 3))
    assert calls == [["nvim", f"+{expected}", str(path)]]
    assert path.read_text(encoding="utf-8").splitlines()[expected - 1].strip() == "- id: umerov-facebook"


def test_editor_command_styles():
    p = Path("/x/b.yaml")
    assert editor_command(p, 7, {"EDITOR": "vim"}) == ["vim", "+7", "/x/b.yaml"]
    assert editor_command(p, 7, {"VISUAL": "code --wait", "EDITOR": "vim"}) == [
        "code",
        "--wait",
        "-g",
        "/x/b.yaml:7",
    ]
    assert editor_command(p, 7, {"EDITOR": "hx"}) == ["hx", "/x/b.yaml:7"]
    assert editor_command(p, 7, {}) == ["vi", "+7", "/x/b.yaml"]


def test_line_of_points_at_items():
    assert (
        line_of(DEFAULT, ("agenda", 0))
        == DEFAULT.read_text(encoding="utf-8").splitlines().index("  - id: territories") + 1
    )
    assert line_of(Path("/nonexistent.yaml"), ("agenda", 0)) == 1


async def test_the_diff_of_a_reload_is_made_off_the_ui_thread(tmp_path, monkeypatch):
    # With 100,000 items a diff takes ~0.4 s: the keyboard must not wait for it.
    import threading

    from briefing.diff import changes as diff_module

    threads: list[threading.Thread] = []
    real_diff = diff_module.diff

    def recording_diff(old, new):
        threads.append(threading.current_thread())
        return real_diff(old, new)

    monkeypatch.setattr(diff_module, "diff", recording_diff)
    path = copy_default(tmp_path)
    app = FrozenApp(path, watch=True)
    async with app.run_test(size=(120, 40)) as pilot:
        replace(path, "title: Territories\n", "title: Territory and borders\n")
        await until(pilot, lambda: app.briefing.agenda[0].title == "Territory and borders")
        await pilot.pause()
        assert app.screen.query_one("#agenda", Pane).marks == {"territories": "changed"}
    assert threads and threading.main_thread() not in threads


async def test_a_broken_save_during_indexing_still_leaves_search_working(tmp_path):
    # A reload stops the index build (it would compete with the parse); if
    # the new file is broken, the briefing on screen must get its index back.
    path = copy_default(tmp_path)
    app = FrozenApp(path, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        await until(pilot, lambda: main.finder.index is not None)
        main.finder.index = None  # as if the reload had stopped the build midway
        path.write_text("schema: [\n", encoding="utf-8")
        app.reload()
        await until(pilot, lambda: main.error is not None)
        await until(pilot, lambda: main.finder.index is not None)
        await pilot.press("slash", *"peskov")
        await until(pilot, lambda: main.finder.finding.searching)
        assert main.finder.finding.result.ids


async def test_edit_from_the_overview_opens_the_editor_at_meta(tmp_path, monkeypatch):
    path = copy_default(tmp_path)
    calls: list[list[str]] = []
    monkeypatch.setenv("EDITOR", "nvim")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setattr("subprocess.run", lambda command, check=False: calls.append(command))
    app = FrozenApp(path)
    monkeypatch.setattr(app, "suspend", contextlib.nullcontext)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i", "e")
        await until(pilot, lambda: bool(calls))
    assert calls == [["nvim", f"+{line_of(path, ('meta',))}", str(path)]]
    shown = path.read_text(encoding="utf-8").splitlines()[line_of(path, ("meta",)) - 1]
    assert shown.startswith("  title: ")  # inside meta, at its first line
