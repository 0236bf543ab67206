"""Reading user files: bytes -> YAML -> model, with positions for errors.

The public names: load a briefing (``load_path``, ``load_bytes``), read one
from a stream (``read_stream``, for ``briefing check -``), find an item's
line (``line_of``, ``locate``), and the problems and errors every user file
(briefing, config, theme) reports.
"""

from briefing.loading.loader import (
    MAX_BYTES,
    MAX_PROBLEMS,
    line_of,
    load_bytes,
    load_path,
    locate,
    read_stream,
)
from briefing.loading.problems import BriefingError, Mark, Problem, ProblemsError

__all__ = [
    "MAX_BYTES",
    "MAX_PROBLEMS",
    "BriefingError",
    "Mark",
    "Problem",
    "ProblemsError",
    "line_of",
    "load_bytes",
    "load_path",
    "locate",
    "read_stream",
]
