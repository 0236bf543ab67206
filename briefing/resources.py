"""Where the bundled briefings and themes are, installed or in a checkout."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

DEFAULT_BRIEFING = "geneva-talks.yaml"


def data_dir(name: str) -> Path:
    """The folder of bundled ``content`` or ``themes``.

    In a wheel they sit inside the package (see pyproject's force-include);
    in a source checkout they are at the top of the repository.
    """
    packaged = files("briefing") / name
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / name


def default_briefing() -> Path:
    return data_dir("content") / DEFAULT_BRIEFING
