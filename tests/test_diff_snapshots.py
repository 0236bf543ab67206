"""What people see of changes: ``--since`` marks, the changes list, the folder picker.
Each SVG was opened and checked."""

from __future__ import annotations

from briefing.loading import load_path

from .apps import FrozenApp, settle
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
