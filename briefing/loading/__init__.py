"""Reading briefing files: bytes -> YAML -> model, with positions for errors."""

from briefing.loading.loader import (
    MAX_BYTES,
    MAX_PROBLEMS,
    check_one,
    check_paths,
    line_of,
    load_bytes,
    load_path,
    read_stream,
)
from briefing.loading.problems import BriefingError, Mark, Problem

__all__ = [
    "MAX_BYTES",
    "MAX_PROBLEMS",
    "BriefingError",
    "Mark",
    "Problem",
    "check_one",
    "check_paths",
    "line_of",
    "load_bytes",
    "load_path",
    "read_stream",
]
