"""Every folder briefing uses: bundled data, the user's settings, themes and cache.

``BRIEFING_CONFIG_DIR`` and ``BRIEFING_CACHE_DIR`` override the platform's
folders (platformdirs), which is how tests stay out of the real home folder.
Nothing here creates a folder; callers that write do.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "briefing"
CONFIG_DIR_ENV = "BRIEFING_CONFIG_DIR"
CACHE_DIR_ENV = "BRIEFING_CACHE_DIR"
CONFIG_FILE = "config.toml"
THEMES_FOLDER = "themes"
DEFAULT_BRIEFING = "geneva-talks.yaml"


def data_dir(name: str) -> Path:
    """The folder of bundled ``content`` or ``themes``.

    In a wheel they sit inside the package (see pyproject's force-include);
    in a source checkout they are at the top of the repository. (The
    package is always a folder on disk, so ``__file__`` finds it; that spares
    importing importlib.resources at start-up.)
    """
    package = Path(__file__).resolve().parent
    packaged = package / name
    return packaged if packaged.is_dir() else package.parent / name


def default_briefing() -> Path:
    return data_dir("content") / DEFAULT_BRIEFING


def config_dir() -> Path:
    """The user's briefing settings folder (need not exist yet).

    ``$BRIEFING_CONFIG_DIR`` may start with ``~``; blank means unset.
    """
    value = os.environ.get(CONFIG_DIR_ENV, "").strip()
    if value:
        return Path(value).expanduser()
    import platformdirs  # not needed when the folder is given

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def config_path() -> Path:
    return config_dir() / CONFIG_FILE


def themes_dir() -> Path:
    """The user's own theme files; they override shipped themes of the same name."""
    return config_dir() / THEMES_FOLDER


def cache_dir() -> Path:
    """Where briefing keeps files it can rebuild (need not exist yet).

    ``$BRIEFING_CACHE_DIR`` is taken as written (no ``~``, no trimming).
    """
    if folder := os.environ.get(CACHE_DIR_ENV):
        return Path(folder)
    import platformdirs  # not needed when the folder is given

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


__all__ = [
    "CACHE_DIR_ENV",
    "CONFIG_DIR_ENV",
    "cache_dir",
    "config_dir",
    "config_path",
    "data_dir",
    "default_briefing",
    "themes_dir",
]
