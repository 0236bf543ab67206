"""When the reader of standard output leaves early (``| head``, quitting ``less``)."""

from __future__ import annotations

import os
import sys


def stdout_reader_left() -> None:
    """Call on BrokenPipeError from stdout: stop writing, quietly.

    Leaving early is the reader's choice, not an error. Point stdout at
    devnull so the interpreter's final flush does not raise again.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


__all__ = ["stdout_reader_left"]
