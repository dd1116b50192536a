"""The quick length bound never lets a too-long text through: it only spares exact counting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from smmplan.lint.limits import text_length
from smmplan.lint.text_length import _surely_within

PIECES = st.sampled_from(
    [
        "Bon dia",
        " ",
        ".",
        "https://casacafe.example/nadal",
        "http://localhost",
        "a.co",
        "www.example.org/x?y=1",
        "Καλημέρα",
        "नमस्ते",
        "聖誕快樂",
        "👨‍👩‍👧‍👦",
        "🇪🇸",
        "é",
        "e\u0301",
        "®",
        "©",
        "\ufb2c",  # NFC makes it three code points
        "\u0958",  # NFC makes it two
        "#Tag",
        "\n",
        "\r\n",
        "…",
        "—",
        "†",
    ]
)
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=60).map("".join)
COUNTINGS = ("x", "graphemes", "graphemes-url23", "utf16", "codepoints")
CONFORMANCE = Path(__file__).parent / "data" / "twitter_text_validate_v3.yml"


def _assert_bound_holds(text: str, figure: int) -> None:
    if _surely_within(text, figure):
        for counting in COUNTINGS:
            assert text_length(text, counting) <= figure, counting  # type: ignore[arg-type]


def _any_text_and_figure(examples: int) -> Any:
    """The property over `examples` texts: the quick tier draws a few, the slow tier many."""
    return lambda test: settings(max_examples=examples, deadline=None, derandomize=True)(
        given(TEXTS, st.integers(min_value=1, max_value=600))(test)
    )


@_any_text_and_figure(80)
def test_bound_is_an_upper_bound_for_every_counting(text: str, figure: int) -> None:
    _assert_bound_holds(text, figure)


@pytest.mark.slow
@_any_text_and_figure(600)
def test_bound_is_an_upper_bound_for_every_counting_thoroughly(text: str, figure: int) -> None:
    _assert_bound_holds(text, figure)


@pytest.mark.parametrize(
    ("text", "x_length"),
    [
        # Found by the property test: X counts ® as an emoji, two.
        ("000000000ᄀ000ᄀ0000ᄀᄀ00000®ᄀᄀ0000000000ᄀᄀᄀᄀᄀᄀ†", 59),
        # twitter-text's conformance suite: X counts the NFC form, three code points here.
        ("A\ufb2c", 4),
    ],
)
def test_a_text_one_over_its_x_limit_is_reported(text: str, x_length: int) -> None:
    assert text_length(text, "x") == x_length
    assert not _surely_within(text, x_length - 1)
    _assert_bound_holds(text, x_length - 1)


def test_a_link_without_a_dot_still_counts_23_in_the_bound() -> None:
    assert text_length("http://x", "graphemes-url23") == 23
    assert not _surely_within("http://x", 22)


def _cases(section: str) -> list[Any]:
    data = yaml.safe_load(CONFORMANCE.read_text(encoding="utf-8"))["tests"][section]
    return [pytest.param(case, id=case["description"][:60]) for case in data]


@pytest.mark.parametrize("case", _cases("WeightedTweetsWithDiscountedEmojiCounterTest"))
def test_x_counting_agrees_with_twitter_texts_v3_conformance_cases(case: dict[str, Any]) -> None:
    expected = case["expected"]["weightedLength"]
    assert text_length(case["text"], "x") == expected
    assert not _surely_within(case["text"], expected - 1)


@pytest.mark.parametrize("case", _cases("WeightedTweetsCounterTest"))
def test_the_bound_holds_on_every_text_of_the_v2_conformance_cases(case: dict[str, Any]) -> None:
    # v2 counts emoji per code point, so only the bound is checked against smmplan's own count.
    text = case["text"]
    assert not _surely_within(text, text_length(text, "x") - 1)
