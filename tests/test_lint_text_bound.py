"""The quick length bound never lets a too-long text through: it only spares exact counting."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from smmplan.limits import text_length
from smmplan.lint.text_length import _surely_within

PIECES = st.sampled_from(
    [
        "Bon dia",
        " ",
        ".",
        "https://casacafe.example/nadal",
        "a.co",
        "www.example.org/x?y=1",
        "Καλημέρα",
        "नमस्ते",
        "聖誕快樂",
        "👨‍👩‍👧‍👦",
        "🇪🇸",
        "é",
        "e\u0301",
        "#Tag",
        "\n",
        "…",
        "—",
    ]
)
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=60).map("".join)
COUNTINGS = ("x", "graphemes", "graphemes-url23", "utf16", "codepoints")


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.integers(min_value=1, max_value=600))
def test_bound_is_an_upper_bound_for_every_counting(text: str, figure: int) -> None:
    if _surely_within(text, figure):
        for counting in COUNTINGS:
            assert text_length(text, counting) <= figure, counting  # type: ignore[arg-type]
