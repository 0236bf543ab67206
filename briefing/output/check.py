"""The work of ``briefing check``: each file's problems, one line each, then a summary.

Problems go to standard output as ``FILE:LINE:COL: message`` lines, the
summary to standard error; the exit status is 0 when every file is a valid
briefing, 1 otherwise. The arguments are parsed in :mod:`briefing.cli.check`.
No UI imports.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial

from briefing.loading import BriefingError, Problem, read_stream
from briefing.output.broken_pipe import stdout_reader_left
from briefing.sources.verify import check_bytes, check_path


def run(files: list[str]) -> int:
    """Check ``files`` (``-`` for standard input) and report; the exit status."""
    failed = 0
    try:
        for file in files:
            if file == "-":
                problems = _check_one(
                    lambda: check_bytes(read_stream(sys.stdin.buffer, "<stdin>"), "<stdin>"),
                    "<stdin>",
                )
            else:
                problems = _check_one(partial(check_path, file), file)
            failed += bool(problems)
            for problem in problems:
                print(problem)
        sys.stdout.flush()
    except BrokenPipeError:  # `briefing check ... | head`
        stdout_reader_left()
        return 1
    count = len(files)
    noun = "briefing" if count == 1 else "briefings"
    if failed:
        verb = "has" if failed == 1 else "have"
        print(f"{failed} of {count} {noun} {verb} problems", file=sys.stderr)
    else:
        print(f"{count} {noun} OK", file=sys.stderr)
    return 1 if failed else 0


def _check_one(load: Callable[[], object], name: str) -> list[Problem]:
    """The problems ``load()`` reports, for ``check``.

    A failure that is not a BriefingError is a bug in briefing, not in the
    file; ``check`` still owes its caller one line per file, not a traceback.
    """
    try:
        load()
    except BriefingError as exc:
        return list(exc.problems)
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        return [
            Problem(
                name,
                None,
                f"internal error while checking this file ({type(exc).__name__}: {exc}); please report it",
            )
        ]
    return []


__all__ = ["run"]
