"""Every shipped theme as people see it. Each SVG was converted to PNG and looked at."""

from __future__ import annotations

from pathlib import Path

import pytest

from .apps import FrozenApp as BriefingApp
from .conftest import DEFAULT

THEMES = ["briefing-dark", "briefing-projector", "briefing-mono", "briefing-okabe-ito"]


@pytest.fixture(autouse=True)
def own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A theme remembered in the real config folder must not leak in.
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.mark.parametrize("theme", THEMES)
def test_theme(snap_compare, theme):
    assert snap_compare(BriefingApp(DEFAULT, theme=theme), terminal_size=(120, 40))


def test_projector_small(snap_compare):
    assert snap_compare(BriefingApp(DEFAULT, theme="briefing-projector"), terminal_size=(80, 24))


def test_no_color_defaults_to_mono(snap_compare, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(BriefingApp(DEFAULT), terminal_size=(120, 40))
