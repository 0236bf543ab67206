"""A folder of briefings (``briefing DIR``): which files, what each is, in what order.

Listing the folder costs one ``scandir``; what each file holds (title,
place, ``meta.updated``, problems) is read later, one file at a time, so a
folder of fifty rounds shows its file names at once and fills in the rest
(the picker does that in a worker thread). Rounds are ordered by
``meta.updated``, then by file name; a round without a date comes last.
No UI imports.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from briefing.loading.loader import load_path
from briefing.loading.problems import BriefingError
from briefing.loading.watching import signature

SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Round:
    """One briefing file of the folder, and what was read of it."""

    path: Path
    signature: tuple[int, int, int, int] | None = None
    """The file's signature when it was read (None before)."""
    read: bool = False
    """Whether the file has been read yet (the fields below are known)."""
    title: str | None = None
    place: str | None = None
    updated: str | None = None
    problems: int = 0
    """How many problems the file has (0: it loads)."""
    first_problem: str | None = None

    @property
    def name(self) -> str:
        return self.path.name


def listed(folder: Path) -> dict[Path, tuple[int, int, int, int] | None]:
    """The briefing files of ``folder`` (not its subfolders), with their signatures."""
    found: dict[Path, tuple[int, int, int, int] | None] = {}
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return found
    for entry in entries:
        if entry.name.startswith(".") or not entry.name.lower().endswith(SUFFIXES):
            continue
        try:
            if not entry.is_file():
                continue
        except OSError:
            continue
        path = Path(entry.path)
        found[path] = signature(path)
    return found


def read_round(path: Path) -> Round:
    """Read ``path`` and say what it is; a broken file is a round with problems."""
    sig = signature(path)
    try:
        briefing = load_path(path, display=path.name)
    except BriefingError as exc:
        return Round(
            path,
            sig,
            True,
            problems=len(exc.problems),
            first_problem=str(exc.problems[0]) if exc.problems else None,
        )
    meta = briefing.meta
    return Round(path, sig, True, meta.title, meta.place, meta.updated)


def ordered(rounds: list[Round]) -> list[Round]:
    """By ``meta.updated`` (oldest first), then by name; undated rounds last."""
    return sorted(rounds, key=lambda r: (r.updated is None, (r.updated or "").strip(), r.name))


def refreshed(rounds: list[Round], folder: Path) -> tuple[list[Round], list[Path]]:
    """``rounds`` after a new look at ``folder``: (rounds, paths to read again).

    New files join unread, removed ones go, and a file whose signature
    changed is read again.
    """
    now = listed(folder)
    known = {r.path: r for r in rounds}
    kept: list[Round] = []
    stale: list[Path] = []
    for path, sig in now.items():
        old = known.get(path)
        if old is None or (old.read and old.signature != sig):
            kept.append(replace(old, signature=sig) if old is not None else Round(path, sig))
            stale.append(path)
        else:
            kept.append(old)
    return ordered(kept), stale


__all__ = ["Round", "listed", "ordered", "read_round", "refreshed"]
