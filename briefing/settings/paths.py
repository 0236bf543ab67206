"""Where the bundled briefings and themes are, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

DEFAULT_BRIEFING = "geneva-talks.yaml"


def data_dir(name: str) -> Path:
    """The folder of bundled ``content`` or ``themes``.

    In a wheel they sit inside the package (see pyproject's force-include);
    in a source checkout they are at the top of the repository. (The
    package is always a folder on disk, so ``__file__`` finds it; that spares
    importing importlib.resources at start-up.)
    """
    package = Path(__file__).resolve().parent.parent
    packaged = package / name
    return packaged if packaged.is_dir() else package.parent / name


def default_briefing() -> Path:
    return data_dir("content") / DEFAULT_BRIEFING
