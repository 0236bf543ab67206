"""``briefing --since REV``: what changed since a version stays marked until visited."""

from __future__ import annotations

from briefing.loading import load_path

from .apps import FrozenApp, settle, until
from .conftest import DEFAULT

GENEVA = DEFAULT.read_text(encoding="utf-8")
EDITED = GENEVA.replace("title: Security issues", "title: Security guarantees").replace(
    "launched: nearly 400", "launched: about 410"
)


def since_app(tmp_path, text: str = EDITED) -> FrozenApp:
    old = tmp_path / "old.yaml"
    old.write_text(GENEVA, encoding="utf-8")
    path = tmp_path / "talks.yaml"
    path.write_text(text, encoding="utf-8")
    return FrozenApp(path, display_name="talks.yaml", since=(load_path(old), "HEAD~1"))


async def test_changes_since_a_version_are_marked_and_stay(tmp_path, monkeypatch):
    from briefing.ui.screens import main as main_module

    monkeypatch.setattr(main_module, "MARK_SECONDS", 0.05)  # a reload's marks would go at once
    app = since_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.main_screen
        # Each pane marks its own rows: the agenda item, the tally's drones.
        assert main.pane("agenda").marks == {"security": "changed"}
        assert main.pane("tally").marks == {"drones": "changed"}
        # A reload adds its own changes to the marks instead of replacing them.
        app.path.write_text(EDITED.replace("title: Territories", "title: Land"), encoding="utf-8")
        await pilot.press("r")
        await until(pilot, lambda: app.briefing.agenda[0].title == "Land")
        assert set(main.pane("agenda").marks) == {"security", "territories"}
        # No timer takes them away; d lists everything since the version.
        await pilot.pause(0.3)
        assert set(main.pane("agenda").marks) == {"security", "territories"}
        assert set(main.pane("tally").marks) == {"drones"}
        assert {i.id for i in main.changes.changed} == {"security", "drones", "territories"}
        # Visiting a row takes its mark away; the others stay.
        await pilot.press("2", "j", "j")
        await until(pilot, lambda: set(main.pane("agenda").marks) == {"territories"})
        assert set(main.pane("tally").marks) == {"drones"}
        await pilot.press("d")
        await until(pilot, lambda: app.screen.__class__.__name__ == "ChangesScreen")
        assert "HEAD~1" in str(app.screen.query_one("#changes-card").border_title)
        await pilot.press("x", "escape")
        await pilot.pause()
        assert all(not pane.marks for pane in main.panes)


async def test_no_changes_since_the_version(tmp_path):
    app = since_app(tmp_path, GENEVA)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.main_screen.changes
        assert all(not pane.marks for pane in app.main_screen.panes)
