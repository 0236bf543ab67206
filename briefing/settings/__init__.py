"""Where things live on disk and what the user has set: paths, config, editor.

The public names are importable from here; each is loaded on first use, so
``from briefing.settings.paths import ...`` at start-up does not pull in
the config reader, the saver or the editor command.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing.settings.config import Config, ConfigError, load_config, parse_config, read_config
    from briefing.settings.config_edit import save_theme
    from briefing.settings.editor import editor_command
    from briefing.settings.paths import (
        cache_dir,
        config_dir,
        config_path,
        data_dir,
        default_briefing,
        themes_dir,
    )

_HOMES = {
    "Config": "config",
    "ConfigError": "config",
    "load_config": "config",
    "parse_config": "config",
    "read_config": "config",
    "save_theme": "config_edit",
    "editor_command": "editor",
    "cache_dir": "paths",
    "config_dir": "paths",
    "config_path": "paths",
    "data_dir": "paths",
    "default_briefing": "paths",
    "themes_dir": "paths",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)


__all__ = [
    "Config",
    "ConfigError",
    "cache_dir",
    "config_dir",
    "config_path",
    "data_dir",
    "default_briefing",
    "editor_command",
    "load_config",
    "parse_config",
    "read_config",
    "save_theme",
    "themes_dir",
]
