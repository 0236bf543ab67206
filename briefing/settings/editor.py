"""Build the command that opens the user's editor at a line. No UI imports."""

from __future__ import annotations

import os
import shlex
from collections.abc import Mapping
from pathlib import Path

# Editors that take FILE:LINE (and the flag some of them need for it).
_COLON_STYLE = {
    "code": ["-g"],
    "code-insiders": ["-g"],
    "codium": ["-g"],
    "cursor": ["-g"],
    "subl": [],
    "zed": [],
    "hx": [],
    "helix": [],
}


def editor_command(path: Path, line: int, environ: Mapping[str, str] | None = None) -> list[str]:
    """``$VISUAL`` or ``$EDITOR`` (else ``vi``) opening ``path`` at ``line``."""
    env = os.environ if environ is None else environ
    spec = env.get("VISUAL") or env.get("EDITOR") or "vi"
    try:
        command = shlex.split(spec)
    except ValueError:
        command = [spec]
    if not command:
        command = ["vi"]
    name = Path(command[0]).name
    if name in _COLON_STYLE:
        return [*command, *_COLON_STYLE[name], f"{path}:{line}"]
    # vi, vim, nvim, nano, emacs, micro, kak, joe... all understand +LINE.
    return [*command, f"+{line}", str(path)]
