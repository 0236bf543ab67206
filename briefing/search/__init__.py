"""Search over a briefing: pure Python, no UI imports.

    index = SearchIndex(briefing, status_labels=STATUS_LABEL)  # in a worker
    result = index.search('zelensky "security guarantees"')
    result.ids                    # matching ids, briefing order
    result.count_by_kind          # {"delegation": 0, "person": 1, ...}
    result.spans(item_id, "text") # [(start, end), ...] in the original text
    index.sides(item_id)          # frozenset of delegation ids
    index.search(query, side="ukraine")

Modules: normalize (folding and offset maps), query (parsing), fields (what
is searchable per kind), bits (bitsets of items), index (SearchIndex),
result (SearchResult), spans (highlight offsets).
"""

from briefing.search.fields import FIELDS, KINDS
from briefing.search.index import BuildCancelled, SearchIndex
from briefing.search.normalize import fold, fold_map
from briefing.search.query import Query, parse_query
from briefing.search.result import SearchResult
from briefing.search.spans import Span, visible_spans

__all__ = [
    "FIELDS",
    "BuildCancelled",
    "KINDS",
    "Query",
    "SearchIndex",
    "SearchResult",
    "Span",
    "fold",
    "fold_map",
    "parse_query",
    "visible_spans",
]
