"""Reading briefing files: bytes -> YAML -> model, with positions for errors."""

from briefing.loading.loader import MAX_BYTES, check_paths, line_of, load_bytes, load_path
from briefing.loading.problems import BriefingError, Mark, Problem

__all__ = [
    "MAX_BYTES",
    "BriefingError",
    "Mark",
    "Problem",
    "check_paths",
    "line_of",
    "load_bytes",
    "load_path",
]
