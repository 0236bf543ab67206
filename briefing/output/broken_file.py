"""When a briefing does not load: its problems on standard error, then an exit status.

Every command that loads a briefing for output (``--plain``, ``export``,
``--since REV``) reports a broken file the same way: one
``FILE:LINE:COL: message`` line per problem on standard error, nothing on
standard output.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from briefing.loading import BriefingError
from briefing.model import Briefing


def loaded(load: Callable[[], Briefing]) -> Briefing | None:
    """What ``load()`` returns, or None once the problems it raised are printed."""
    try:
        return load()
    except BriefingError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return None


__all__ = ["loaded"]
