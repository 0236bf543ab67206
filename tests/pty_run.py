"""Run the real program on a pseudo-terminal and keep every byte it writes.

For what only a real terminal shows: escape sequences, colour codes, the
characters that reach a terminal with a given locale.
"""

from __future__ import annotations

import os
import select
import sys
import time
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_in_pty(
    args: list[str],
    keys: list[bytes],
    size: tuple[int, int] = (120, 40),
    settle: float = 2.0,
    gap: float = 0.3,
    env: Mapping[str, str | None] | None = None,
) -> tuple[bytes, int | None]:
    """Run ``python args`` on a pseudo-terminal, type ``keys``; return (output bytes, exit status).

    ``env`` changes the environment (None removes a variable); by default
    the terminal is ``xterm-256color``.
    """
    import fcntl
    import pty
    import signal
    import struct
    import termios

    environ = {**os.environ, "TERM": "xterm-256color", "PYTHONPATH": str(ROOT)}
    environ.pop("TEXTUAL", None)
    for name, value in (env or {}).items():
        if value is None:
            environ.pop(name, None)
        else:
            environ[name] = value
    pid, fd = pty.fork()
    if pid == 0:  # child: size the terminal before the app asks for it
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
            os.chdir(ROOT)
            os.execve(sys.executable, [sys.executable, *args], environ)
        finally:
            os._exit(127)
    output = bytearray()

    def pump(seconds: float) -> bool:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:  # the child has gone
                    return False
                if not chunk:
                    return False
                output.extend(chunk)
        return True

    status = None
    try:
        pump(settle)
        for key in keys:
            os.write(fd, key)
            if not pump(gap):
                break
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            done, raw_status = os.waitpid(pid, os.WNOHANG)
            if done:
                status = os.waitstatus_to_exitcode(raw_status)
                break
            pump(0.1)
    finally:
        if status is None:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)
    return bytes(output), status
