"""What can be wrong with a briefing file, and where.

Every problem renders as ``FILE:LINE:COL: message`` (or ``FILE: message``
when there is no position), the form editors and CI logs understand.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple, Self

from briefing.model.text import visible

if TYPE_CHECKING:  # PyYAML is imported only when the event walk reads a file
    import yaml


class Mark(NamedTuple):
    line: int
    """1-based line."""
    column: int
    """1-based column."""


_BREAK = re.compile(r"\r\n|\r|\n")


def text_mark(text: str, index: int) -> Mark:
    """Line and column of ``text[index]``, counting lines as editors do."""
    line, start = 1, 0
    for match in _BREAK.finditer(text, 0, index):
        line, start = line + 1, match.end()
    return Mark(line, index - start + 1)


def inside(text: str, mark: Mark) -> Mark:
    """``mark`` moved back inside ``text``: libyaml places problems at the
    end of the stream one line past the last line of a file that has no
    final newline, a line no editor can jump to."""
    lines = _BREAK.split(text)
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()  # a final newline ends the last line; it starts none
    if mark.line <= len(lines):
        return mark
    return Mark(len(lines), len(lines[-1]) + 1)


class Problem(NamedTuple):
    file: str
    mark: Mark | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.mark.line}:{self.mark.column}" if self.mark else self.file
        # Messages quote the file; keep them as inert as the file's text.
        return visible(f"{where}: {self.message}")


class YamlProblem(Exception):
    """A problem found while reading YAML; the file name is added later."""

    def __init__(self, mark: Mark | None, message: str, *, syntax: bool = False) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message
        self.syntax = syntax
        """The parser's refusal of the text as YAML (not a briefing rule)."""

    @classmethod
    def from_yaml(cls, exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "invalid YAML"
        syntax = True
        if problem == "did not find expected <document start>":
            syntax = False  # the one-document rule of briefings, not YAML's
            # libyaml's words for text after a '...' that ended the document.
            problem = (
                "a briefing file holds one YAML document; found more after the '...' that ends the first"
            )
        elif "\t" in problem or (mark and _char_at(text, mark.line, mark.column) == "\t"):
            problem = "a tab character here; YAML indentation must use spaces"
        elif exc.context and exc.context_mark and exc.context_mark != exc.problem_mark:
            context_line = inside(text, Mark(exc.context_mark.line + 1, 1)).line
            problem = f"{problem} ({exc.context} on line {context_line})"
        at = inside(text, Mark(mark.line + 1, mark.column + 1)) if mark else None
        return cls(at, problem, syntax=syntax)


def _char_at(text: str, line: int, column: int) -> str:
    """The character at a 0-based line and column, or '' past the end."""
    lines = text.split("\n", line + 1)
    if line >= len(lines):
        return ""
    row = lines[line]
    return row[column] if column < len(row) else ""


class ProblemsError(Exception):
    """Something the user wrote could not be used; holds every problem found.

    The one shape of failure for user files (briefings, config, themes):
    callers show ``problems`` one line each, so nothing else is needed.
    """

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems

    @classmethod
    def one(cls, file: str, message: str, mark: Mark | None = None) -> Self:
        """The error for a single problem (most failures have one)."""
        return cls([Problem(file, mark, message)])

    @property
    def first(self) -> Problem:
        return self.problems[0]


class BriefingError(ProblemsError):
    """A briefing could not be loaded; holds every problem found."""
