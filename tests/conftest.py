"""Shared fixtures: paths to the bundled briefing and the source article."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "content" / "geneva-talks.yaml"
SEED = ROOT.parent / "shared" / "seeds" / "000_587aaaef3ee328cb.txt"


@pytest.fixture
def write(tmp_path: Path):
    """Write text to a briefing file in a temp folder and return its path."""

    def _write(text: str | bytes, name: str = "b.yaml") -> Path:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return _write


MINIMAL = """\
schema: 1
meta:
  title: Minimal
"""


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory, monkeypatch):
    """Never read or write the developer's real config or cache."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(home / "cache"))
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture(autouse=True)
def _full_terminal(monkeypatch):
    """Apps in tests see a truecolor, UTF-8 terminal, whatever the developer's is.

    (TERM=xterm alone means 16 colours, and an ASCII locale means ASCII
    stand-ins: tests that want those ask for them.)
    """
    monkeypatch.setenv("COLORTERM", "truecolor")
    monkeypatch.setattr("briefing.ui.terminal.output_encoding", lambda: "utf-8")
