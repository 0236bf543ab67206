"""Search across several briefings (a folder of rounds), naming the file of each hit.

One :class:`SearchIndex` per file, built the first time a search needs it
and kept while the file's signature is unchanged (loading goes through the
briefing cache, like any load). A file that does not load is skipped. Meant
for a worker thread: one search at a time (a lock guards the indexes, whose
answers are cached and not thread-safe). No UI imports.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from briefing.loading import BriefingError, load_path
from briefing.loading.watching import signature
from briefing.search.index import BuildCancelled, SearchIndex
from briefing.search.result import SearchResult
from briefing.search.spans import Span

MAX_HITS = 500
"""Hits listed at most (the count says how many there were)."""


@dataclass(frozen=True)
class Hit:
    """One matching item of one file, with the text to show and where the query is in it."""

    path: Path
    kind: str
    id: str
    text: str
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Found:
    """A search's hits, in the order of the files given, and how many there were in all."""

    query: str
    hits: tuple[Hit, ...]
    total: int


class Indexes:
    """A search index per file, rebuilt only when the file changes."""

    def __init__(self, status_labels: Mapping[str, str] | None = None) -> None:
        self.status_labels = status_labels
        self._built: dict[Path, tuple[tuple[int, int, int, int] | None, SearchIndex | None]] = {}
        self._lock = threading.Lock()

    def index(self, path: Path, cancelled: Callable[[], bool] | None = None) -> SearchIndex | None:
        """``path``'s index (None when the file does not load)."""
        sig = signature(path)
        known = self._built.get(path)
        if known is not None and known[0] == sig:
            return known[1]
        try:
            briefing = load_path(path, display=path.name)
        except BriefingError:
            index = None
        else:
            index = SearchIndex(briefing, status_labels=self.status_labels, cancelled=cancelled)
        self._built[path] = (sig, index)
        return index

    def search(
        self, paths: Iterable[Path], query: str, cancelled: Callable[[], bool] | None = None
    ) -> Found | None:
        """Every item of every file matching ``query``; None if ``cancelled`` said so meanwhile."""
        hits: list[Hit] = []
        total = 0
        with self._lock:
            for path in paths:
                if cancelled is not None and cancelled():
                    return None
                try:
                    index = self.index(path, cancelled)
                except BuildCancelled:
                    return None
                if index is None:
                    continue
                result = index.search(query)
                ids = result.ids
                total += len(ids)
                for item_id in ids[: max(0, MAX_HITS - len(hits))]:
                    hits.append(_hit(path, index, result, item_id))
        return Found(query, tuple(hits), total)

    def forget(self, keep: Iterable[Path]) -> None:
        """Drop the indexes of files no longer in the folder."""
        kept = set(keep)
        with self._lock:
            for path in [p for p in self._built if p not in kept]:
                del self._built[path]


def _hit(path: Path, index: SearchIndex, result: SearchResult, item_id: str) -> Hit:
    """The item's first field where the query occurs (else its first field)."""
    fields = list(index.fields(item_id))
    for field in fields:
        spans = result.spans(item_id, field)
        if spans:
            return Hit(path, index.kind(item_id), item_id, result.text(item_id, field) or "", tuple(spans))
    first = next((t for f in fields if (t := result.text(item_id, f))), item_id)
    return Hit(path, index.kind(item_id), item_id, first, ())
