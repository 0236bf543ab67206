"""Search over a briefing: pure Python, no UI imports.

    index = SearchIndex(briefing, status_labels=STATUS_LABEL)  # in a worker
    result = index.search('zelensky "security guarantees"')
    result.ids                    # matching ids, briefing order
    result.count_by_kind          # {"delegation": 0, "person": 1, ...}
    result.spans(item_id, "text") # [(start, end), ...] in the original text

Modules: normalize (folding and offset maps), query (parsing), fields (what
is searchable per kind), catalog (the items searched, shared by an index and
its results), bits (bitsets of items), index (SearchIndex), result
(SearchResult), spans (highlight offsets). The kinds and the items come from
``briefing.model.items``; which side an item belongs to from
``Roster.sides``.
"""

from briefing.search.fields import FIELDS
from briefing.search.index import BuildCancelled, SearchIndex
from briefing.search.normalize import fold, fold_map
from briefing.search.query import Query, parse_query
from briefing.search.result import SearchResult
from briefing.search.spans import Span

__all__ = [
    "FIELDS",
    "BuildCancelled",
    "Query",
    "SearchIndex",
    "SearchResult",
    "Span",
    "fold",
    "fold_map",
    "parse_query",
]
