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
