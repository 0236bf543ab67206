"""Searching a briefing: folding, query parsing, the index. No UI imports."""

from briefing.search.index import KINDS, SearchIndex, SearchResult, spans_in
from briefing.search.normalize import fold, fold_with_offsets
from briefing.search.query import Query, parse

__all__ = [
    "KINDS",
    "Query",
    "SearchIndex",
    "SearchResult",
    "fold",
    "fold_with_offsets",
    "parse",
    "spans_in",
]
