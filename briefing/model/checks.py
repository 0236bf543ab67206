"""Checks that types alone cannot express.

Each problem names the path of the offending value (as a tuple such as
``("quotes", 2, "speaker")``) so the loader can point at its line.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Iterator

from briefing.model.items import NOUNS, PARTS, REFERENCES, SECTIONS, Item, Path, items, kind_at
from briefing.model.sourcing import source_problems
from briefing.model.structs import ID_PATTERN, Briefing, Delegation, Quote

ROSTER_KINDS = SECTIONS["delegations"]
"""The kinds whose ids the others may refer to: delegations and people."""
_GET_REFS = {kind: operator.attrgetter(field) for kind, field in REFERENCES.items()}

valid_id = re.compile(ID_PATTERN).fullmatch
"""Whether a string is a well-formed id (the model leaves this to us)."""


def check(briefing: Briefing, limit: int | None = None) -> list[tuple[Path, str]]:
    """Every cross-field problem in ``briefing`` in file order (at most ``limit``).

    The limit matters: aliases can repeat one bad item a million times.
    """
    return list(itertools.islice(itertools.chain(_problems(briefing), source_problems(briefing)), limit))


def _problems(b: Briefing) -> Iterator[tuple[Path, str]]:
    # This walks every item on every load (0.3 s for 100,000 items when each
    # id got its message up front), so messages are built only for problems
    # and the loops below do as little as they can per item (an item's kind
    # is worked out from its path only for a message).
    seen: dict[str, Path] = {}  # id -> path of the item that has it

    def id_problem(ident: str, path: Path) -> tuple[Path, str]:
        """What is wrong with an id that is not valid or not new."""
        if not valid_id(ident):
            return (*path, "id"), (
                f"{ident!r} is not a valid id; use letters, digits, '-', '_' or '.' "
                "(at most 64 characters, no spaces)"
            )
        first = seen[ident]
        kind = kind_at(first)
        return (*path, "id"), f"id {ident!r} is already used by {NOUNS.get(kind, kind)} at {dotted(first)}"

    # People and delegations come first and share one namespace (both can be
    # quoted). Leads are told after every one of them has been checked, and
    # what refers to them once all of them are known.
    walk = items(b, parts=True)
    leads: list[tuple[Path, str]] = []
    after: list[Item] = []  # the first item after the people, taken from the walk
    for item in walk:
        kind, ident, obj, _owner, path = item
        if kind not in ROSTER_KINDS:
            if kind == "meta":
                continue
            after.append(item)
            break
        if valid_id(ident) and ident not in seen:
            seen[ident] = path
        else:
            yield id_problem(ident, path)
        if kind == "delegation" and obj.lead is not None:
            leads += _lead_problems(obj, path)
    yield from leads

    refs = set(seen)
    known: list[str] = []  # all ids, joined only once a reference is unknown

    def unknown(value: str, path: Path, what: str) -> tuple[Path, str]:
        if not known:
            known.append(", ".join(sorted(refs)) or "none are defined")
        return path, (
            f"{what} {value!r} is not a person or delegation in this briefing "
            f"(known ids: {_shorten(known[0])})"
        )

    for kind, ident, obj, _owner, path in itertools.chain(after, walk):
        if kind in PARTS:
            pass
        elif valid_id(ident) and ident not in seen:
            seen[ident] = path
        else:
            yield id_problem(ident, path)
        get_refs = _GET_REFS.get(kind)
        if get_refs is not None:
            value = get_refs(obj)
            if isinstance(value, list):
                if not refs.issuperset(value):
                    field = REFERENCES[kind]
                    for r_i, who in enumerate(value):
                        if who not in refs:
                            yield unknown(who, (*path, field, r_i), field)
            elif value is not None and value not in refs:
                yield unknown(value, (*path, REFERENCES[kind]), REFERENCES[kind])
        if kind == "quote" and (obj.speaker is None or obj.citing) and not obj.reported_by:
            yield _quote_problem(obj, path)
        if kind == "count" and obj.intercepted.lower > obj.launched.upper:
            yield (
                (*path, "intercepted"),
                f"intercepted ({obj.intercepted.text}) is more than launched ({obj.launched.text})",
            )


def _lead_problems(delegation: Delegation, path: Path) -> list[tuple[Path, str]]:
    """A lead (or each of a list of leads) must be one of the delegation's members."""
    members = {p.id for p in delegation.members}
    if isinstance(delegation.lead, str):
        at: list[tuple[Path, str]] = [((*path, "lead"), delegation.lead)]
    else:
        at = [((*path, "lead", i), ref) for i, ref in enumerate(delegation.leads)]
    return [
        (where, f"lead {ref!r} is not a member of this delegation") for where, ref in at if ref not in members
    ]


def _quote_problem(quote: Quote, path: Path) -> tuple[Path, str]:
    """Words with no speaker must say who reported them; so must words that cite someone."""
    if quote.speaker is None:
        return path, (
            "a quote needs a speaker (the id of who said it) or, for reported speech, "
            "reported_by (who reported it, e.g. Russian media)"
        )
    return (*path, "citing"), "citing needs reported_by: who reported the words, citing them"


def dotted(path: Path) -> str:
    """A path as people read it: ``("quotes", 2, "speaker")`` -> ``quotes[2].speaker``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _shorten(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
