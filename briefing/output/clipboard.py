"""Copying text with the system's clipboard tool, when there is one. No UI imports.

A terminal that is sent an OSC 52 sequence never says whether it took it,
so a copy is reported as done only when a clipboard program (wl-copy,
xclip, xsel, pbcopy) ran and succeeded. Programs run without a shell and
with a time limit; which programs exist and how they run can be replaced
(tests never depend on the machine's tools).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from typing import Any

import msgspec

TIMEOUT = 2.0
"""Seconds a clipboard program may take before it counts as failed."""


def commands(env: Mapping[str, str], platform: str) -> list[list[str]]:
    """The clipboard programs to try, best first, for this session."""
    found: list[list[str]] = []
    if platform == "darwin":
        found.append(["pbcopy"])
    if env.get("WAYLAND_DISPLAY"):
        found.append(["wl-copy"])
    if env.get("DISPLAY"):
        found += [["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"]]
    return found


# A Struct rather than a dataclass: every start defines it, and a
# dataclass takes ~1 ms to define (a Struct ~0.03 ms).
class SystemClipboard(msgspec.Struct):
    """Copies through the first clipboard program that is installed and works."""

    env: Mapping[str, str] = msgspec.field(default_factory=lambda: os.environ)
    platform: str = sys.platform
    which: Callable[[str], str | None] | None = None
    """Finds a program on PATH (None: not installed); ``shutil.which`` unless replaced."""
    run: Callable[..., Any] | None = None
    """Runs a program: ``subprocess.run``'s signature, returning something with
    ``returncode``; ``subprocess.run`` unless replaced."""

    def copy(self, text: str) -> str | None:
        """Put ``text`` on the clipboard; the program's name, or None if none could."""
        # Imported here: the app starts without them (~25 ms of start-up).
        import shutil
        import subprocess

        which = self.which or shutil.which
        run = self.run or subprocess.run
        for command in commands(self.env, self.platform):
            program = which(command[0])
            if program is None:
                continue
            try:
                done = run(
                    [program, *command[1:]],
                    input=text.encode("utf-8"),
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    timeout=TIMEOUT,
                    check=False,
                )
            except (OSError, subprocess.SubprocessError):
                continue
            if done.returncode == 0:
                return command[0]
        return None
