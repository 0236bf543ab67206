"""Figures keep their precision: exact, approximate or not reported."""

import pytest

from briefing.model import Figure, FigureKind


@pytest.mark.parametrize(
    ("raw", "kind", "value", "text"),
    [
        (29, FigureKind.EXACT, 29, "29"),
        (0, FigureKind.EXACT, 0, "0"),
        ("1,200", FigureKind.EXACT, 1200, "1,200"),
        ("nearly 400", FigureKind.APPROXIMATE, 400, "nearly 400"),
        ("About  50", FigureKind.APPROXIMATE, 50, "About 50"),
        ("more than 1,000", FigureKind.APPROXIMATE, 1000, "more than 1,000"),
        ("100+", FigureKind.APPROXIMATE, 100, "100+"),
        (None, FigureKind.NOT_REPORTED, None, "not reported"),
        ("not reported", FigureKind.NOT_REPORTED, None, "not reported"),
        ("Unknown", FigureKind.NOT_REPORTED, None, "not reported"),
    ],
)
def test_parse(raw, kind, value, text):
    figure = Figure.parse(raw)
    assert (figure.kind, figure.value, figure.text) == (kind, value, text)


def test_not_reported_is_never_zero():
    figure = Figure.parse(None)
    assert figure.value is None and not figure.known


@pytest.mark.parametrize("raw", ["lots", "400 or so", -3, True, 2.5, [1], "nearly"])
def test_rejects(raw):
    with pytest.raises(ValueError):
        Figure.parse(raw)


def test_bounds():
    assert Figure.parse("nearly 400").upper == 400
    assert Figure.parse("more than 5").lower == 5
    assert Figure.parse("about 5").upper == float("inf")
    assert Figure.parse(7).lower == Figure.parse(7).upper == 7


@pytest.mark.parametrize(
    ("launched", "intercepted", "rate"),
    [
        (29, 25, 25 / 29),
        ("nearly 400", None, None),
        (None, None, None),
        (0, 0, None),
        (10, "about 5", None),
        ("1,000", 999, 0.999),
    ],
)
def test_interception_rate_only_from_exact_figures(launched, intercepted, rate):
    from briefing.model import WeaponCount
    from briefing.model.wording import interception_rate

    count = WeaponCount(
        id="w", weapon="W", launched=Figure.parse(launched), intercepted=Figure.parse(intercepted)
    )
    assert interception_rate(count) == rate


@pytest.mark.parametrize(
    ("raw", "qualifier"),
    [(29, ""), ("nearly 400", "nearly"), ("About  50", "About"), ("more than 1,000", "more than")]
    + [("~ 40", "~"), ("100+", ""), (None, "")],
)
def test_qualifier_is_the_words_without_the_number(raw, qualifier):
    assert Figure.parse(raw).qualifier == qualifier


# -- the figures section: reported numbers that are not strikes ----------------------

FIGURES = """\
schema: 1
meta:
  title: T
delegations:
  - {id: a, side: Aralia, role: party}
figures:
  - id: flow
    label: Water released
    value: about 1,200
    unit: million m3
    reported_by: a
    when: In March
  - {id: cost, label: Cost, unit: euros}
"""


def test_figures_load_with_the_rules_of_strike_counts(write):
    from briefing.loading import load_path
    from briefing.model.items import items

    b = load_path(write(FIGURES))
    flow, cost = b.figures
    assert flow.value == Figure.parse("about 1,200") and flow.value.qualifier == "about"
    assert (flow.unit, flow.reported_by, flow.when) == ("million m3", "a", "In March")
    assert not cost.value.known and cost.value.value is None  # left out: not reported, never 0
    assert [(k, i) for k, i, *_ in items(b)][-2:] == [("figure", "flow"), ("figure", "cost")]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            ("reported_by: a", "reported_by: nobody"),
            "b.yaml:11:18: figures[0].reported_by: reported_by 'nobody' is not a person or delegation",
        ),
        (("id: cost", "id: flow"), "b.yaml:13:10: figures[1].id: id 'flow' is already used by figure"),
        (
            ("value: about 1,200", "value: lots"),
            "b.yaml:9:12: figures[0].value: cannot read 'lots' as a figure",
        ),
        (("value: about 1,200", "value: -3"), "b.yaml:9:12: figures[0].value: a count cannot be negative"),
        (("    when: In March\n", "    colour: blue\n"), "b.yaml:12:5: figures[0]: unknown key 'colour'"),
    ],
)
def test_figure_problems_point_at_the_value(write, edit, message):
    from briefing.loading import BriefingError, load_path

    with pytest.raises(BriefingError) as info:
        load_path(write(FIGURES.replace(*edit)), display="b.yaml")
    assert str(info.value.problems[0]).startswith(message)


def test_figures_are_searched_diffed_and_belong_to_their_reporter(write):
    from briefing.diff.changes import diff
    from briefing.loading import load_path
    from briefing.model import Roster
    from briefing.search import SearchIndex

    b = load_path(write(FIGURES))
    index = SearchIndex(b)
    assert set(index.search("water").ids) == {"flow"}
    assert set(index.search("1,200").ids) == {"flow"}
    assert set(index.search("aralia euros").ids) == set()  # cost names no one
    assert set(index.search("aralia million").ids) == {"flow"}
    assert Roster(b).sides.of("flow") == {"a"} and Roster(b).sides.of("cost") == frozenset()
    changed = load_path(write(FIGURES.replace("about 1,200", "nearly 1,300"), "c.yaml"))
    assert [(i.kind, i.id, i.label) for i in diff(b, changed).changed] == [
        ("figure", "flow", "Figure: Water released")
    ]
