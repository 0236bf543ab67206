"""YAML text -> plain data, agreeing with the YAML spec.

libyaml (behind PyYAML) is lax in places: it accepts ``"Talks"#, no`` and
drops the rest of the line, and a dozen other invalid documents of the
YAML test suite; it also refuses some valid ones (a tab after ``- ``). The
``yaml_rs`` parser agrees with the suite on every invalid case, so it stands
in front:

* **Fast path.** A file that uses none of the features a briefing refuses
  or limits (tags, anchors and aliases, merge keys, complex keys) and no
  number that YAML 1.1 and 1.2 read differently is parsed by ``yaml_rs``
  alone: it is also several times quicker than the event walk.
* **Careful path.** Any other file, a file ``yaml_rs`` rejects, and every
  search for positions go through the event walk of
  :mod:`briefing.loading.yaml_reader`, which enforces the briefing's rules
  (core schema, allowed tags, duplicate keys, limits on nesting and
  aliases) and knows where each node is. Its result stands only where
  ``yaml_rs`` agrees the text is YAML.

The looks for the careful path's features are generous: a false alarm only
costs speed, never correctness.
"""

from __future__ import annotations

import re
from typing import Any

from briefing.loading.found import Found, Path, key_text
from briefing.loading.problems import Mark, YamlProblem, inside, text_mark

try:
    import yaml_rs
except ImportError:  # pragma: no cover - a platform without a wheel: libyaml alone
    yaml_rs = None  # type: ignore[assignment]

_START = r"(?:^|(?<=[\s\[{,:]))"
_TOKEN_BEFORE = frozenset(" \t\r\n[{,:")
"""What may stand before a tag, anchor, alias or '?' that YAML reads as such."""
_ODD_NUMBER = re.compile(r"0[bBoOxX]")
"""0b101, 0O17, -0x1F, 0X1F: numbers YAML 1.1 reads and the core schema not."""
_LONG_LEAD = re.compile(r"\n[ \t?!&-]{64}")
_NOT_YAML = tuple(
    chr(c)
    for c in [
        *range(0x09),
        0x0B,
        0x0C,
        *range(0x0E, 0x20),
        0x7F,
        *range(0x80, 0x85),
        *range(0x86, 0xA0),
        0xFFFE,
        0xFFFF,
    ]
)


def _needs_care(text: str) -> bool:
    """Whether ``text`` might use what only the event walk handles the
    briefing's way. Generous (a false alarm costs only speed) and written
    with string searches: a pattern over each character of a large file
    would cost more than the parse it saves."""
    if "<<" in text or "\ufeff" in text or _ODD_NUMBER.search(text):
        return True
    if any(char in text for char in _NOT_YAML):  # yaml_rs takes a raw ESC; YAML does not
        return True
    # Deep nesting needs a long run of indentation and indicators at the
    # start of a line; yaml_rs recurses per level (see _DEEP).
    if _LONG_LEAD.search(text) or _DEEP.match(text):
        return True
    for char in "!&*?_":
        index = text.find(char)
        while index != -1:
            before = text[index - 1] if index else "\n"
            if char == "_":  # 1_000, ._5: numbers YAML 1.1 reads and the core schema not
                if before.isdigit() or before == ".":
                    return True
            elif before in _TOKEN_BEFORE and (
                char != "?" or text[index + 1 : index + 2] in ("", " ", "\t", "\r", "\n")
            ):
                return True  # a tag, anchor, alias or complex key
            index = text.find(char, index + 1)
    return False


_DEEP = re.compile(r"^(?:[ \t?-]|[!&][^\s]*){128}", re.MULTILINE)
"""A line that may start many levels deep. yaml_rs recurses per level (it
crashes the process some ten thousand levels down); nesting needs deep
indentation or many '- ' at the start of a line, and yaml_rs limits flow
nesting itself. Such text goes to the event walk, which stops at 64 levels,
and reaches yaml_rs only once the walk has read it."""

_PARSE_ERROR = re.compile(r"YAML parse error at line (\d+), column (\d+)")

if yaml_rs is not None:
    # The event walk has already bounded aliases when yaml_rs sees a file
    # that has them; yaml_rs's own limit only stops it doing that work
    # twice on a large expansion (its refusal is then not a syntax error).
    _ALIASES = yaml_rs.AliasLimits(max_total_replayed_events=200_000)


def read(text: str, *, targets: list[Path] | None = None) -> tuple[Any, Found]:
    """Parse one YAML document into dicts, lists and scalars.

    With ``targets``, also find the marks of the nodes along those paths
    (by the event walk alone: the text has been read once already).
    ``Found.fast`` says the data did not come from the event walk; the
    loader reads such a file carefully before reporting a problem in it.
    """
    if targets is not None or yaml_rs is None:
        return _walk(text, targets=targets)
    body = text[1:] if text.startswith("\ufeff") else text
    if not _needs_care(body):
        try:
            data = yaml_rs.loads(body, parse_datetime=False)
        except yaml_rs.YAMLDecodeError as exc:
            problem = _syntax_problem(str(exc), text)
            if problem is None:  # not syntax: e.g. keys 1 and true, one key to yaml_rs
                return _careful(text)
            _walk(text)  # both refuse: the event walk's words, the ones users know
            raise problem from None  # a syntax error libyaml let pass
        except ValueError:  # an integer of thousands of digits, say
            return _careful(text)
        if isinstance(data, dict) or not _several_documents(body):
            return data, _fast(text)
    return _careful(text)


def _walk(text: str, *, targets: list[Path] | None = None) -> tuple[Any, Found]:
    """The event walk. Imported here, not at the top: a file that takes the
    fast path (the bundled briefing and themes, most briefings) never
    needs PyYAML."""
    from briefing.loading.yaml_reader import read_events

    return read_events(text, targets=targets)


def _fast(text: str) -> Found:
    found = Found([], text)
    found.fast = True
    return found


def _careful(text: str) -> tuple[Any, Found]:
    """The event walk, held to what yaml_rs says the text is."""
    try:
        data, found = _walk(text)
    except YamlProblem as problem:
        if not problem.syntax or _DEEP.search(text):
            raise
        other, error = _rs(text)
        if error is not None:  # both refuse: the event walk's words
            raise problem from None
        # Valid YAML that libyaml cannot read: refused for a feature a
        # briefing does not take, else taken as yaml_rs reads it.
        refusal = None
        if _several_documents(text):
            refusal = YamlProblem(problem.mark, "a briefing file holds one YAML document; found a second")
        refusal = refusal or _feature_problem(text)
        if refusal is not None:
            raise refusal from None
        if other is _REFUSED:  # yaml_rs's own limits: no reading to offer
            raise problem from None
        return _text_keys(other), _fast(text)
    # The walk has seen at most 64 levels and bounded aliases: safe for yaml_rs.
    other, error = _rs(text)
    if error is not None:
        raise error
    if other is not _REFUSED and data != other and repr(data) != repr(other):  # repr: NaN is not NaN
        # libyaml read it differently (an anchor named ':a', say): refuse
        # the feature involved; numbers YAML 1.1 reads otherwise are ours.
        refusal = _feature_problem(text)
        if refusal is not None:
            raise refusal
    return data, found


def _rs(text: str) -> tuple[Any, YamlProblem | None]:
    """yaml_rs's reading of ``text``, or its syntax error; ``_REFUSED``
    with no error when it refuses for another reason (a limit, keys 1 and
    true being one key to it)."""
    assert yaml_rs is not None
    try:
        return yaml_rs.loads(text, parse_datetime=False, alias_limits=_ALIASES), None
    except ValueError as exc:  # YAMLDecodeError, or a number of thousands of digits
        return _REFUSED, _syntax_problem(str(exc), text)


_REFUSED = object()
_MARKER = re.compile(r"^(?:---|\.\.\.)(?=[ \t\r\n]|$)", re.MULTILINE)


def _several_documents(text: str) -> bool:
    """Whether ``text`` may hold more than one document (generously)."""
    markers = list(_MARKER.finditer(text))
    if not markers:
        return False
    before = text[: markers[0].start()].splitlines()
    content = any(line.strip() and not line.lstrip().startswith(("#", "%")) for line in before)
    return len(markers) > 1 or content


def _text_keys(value: Any) -> Any:
    """Keys as text, as the event walk gives them (yaml_rs reads ``1:``
    as the number 1)."""
    if isinstance(value, dict):
        return {k if isinstance(k, str) else key_text(k): _text_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_text_keys(v) for v in value]
    return value


def _syntax_problem(message: str, text: str) -> YamlProblem | None:
    """yaml_rs's "YAML parse error at line L, column C ... reason" as a
    problem at that place; None for its other refusals."""
    found = _PARSE_ERROR.match(message)
    if found is None:
        return None
    lines = [line for line in message.splitlines() if line.strip()]
    reason = lines[-1].strip() if len(lines) > 1 else "this is not valid YAML"
    mark = inside(text, Mark(int(found.group(1)), int(found.group(2))))
    return YamlProblem(mark, reason, syntax=True)


_FEATURES = [
    (
        re.compile(_START + r"!\S*", re.MULTILINE),
        "tag {} is not allowed; briefings use plain YAML values only",
    ),
    (re.compile(r"<<"), "merge keys ('<<: *name') are not supported; write the keys out in full"),
    (
        re.compile(_START + r"[&*][^\s,\[\]{}]+", re.MULTILINE),
        "anchor or alias {} is not supported in this part of the file; write the value out in full",
    ),
    (re.compile(_START + r"\?(?:\s|$)", re.MULTILINE), "complex mapping keys ('? ') are not supported"),
    (
        re.compile(r"(?:^[ \t]*(?:- )*|[\[{,][ \t]*):(?:\s|$)", re.MULTILINE),
        "a key is missing before ':'; empty keys are not supported",
    ),
]


def _feature_problem(text: str) -> YamlProblem | None:
    """Valid YAML that libyaml cannot read: refused for the feature it uses
    that a briefing does not need, at its place."""
    for pattern, message in _FEATURES:
        hit = pattern.search(text)
        if hit is not None:
            return YamlProblem(text_mark(text, hit.start()), message.format(hit.group()[:40]))
    return None
