"""Text counted the way each network counts it, over multilingual texts."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from smmplan.lint.limits import LIMITS, hashtag_count, link_count, text_length

CATALAN = "Bon dia! Què és l'avinguda?"  # 27 characters, all of weight 1 on X
GREEK = "Καλημέρα κόσμε"  # 14
HINDI = "नमस्ते दुनिया"  # 13 code points; 7 graphemes (न म स्ते ␠ दु नि या)
CHINESE = "繁體中文測試"  # 6 characters, CJK weigh 2 on X
FAMILY = "👨‍👩‍👧‍👦"  # one grapheme: 4 emoji joined by 3 ZWJ = 7 code points, 11 UTF-16 units


@pytest.mark.parametrize(
    ("text", "x", "graphemes", "utf16", "codepoints"),
    [
        (CATALAN, 27, 27, 27, 27),
        (GREEK, 14, 14, 14, 14),
        (HINDI, 13, 7, 13, 13),
        (CHINESE, 12, 6, 6, 6),
        (FAMILY, 2, 1, 11, 7),
    ],
    ids=["catalan", "greek", "hindi", "traditional-chinese", "zwj-emoji"],
)
def test_lengths_as_each_network_counts(
    text: str, x: int, graphemes: int, utf16: int, codepoints: int
) -> None:
    assert text_length(text, "x") == x
    assert text_length(text, "graphemes") == graphemes
    assert text_length(text, "graphemes-url23") == graphemes
    assert text_length(text, "utf16") == utf16
    assert text_length(text, "codepoints") == codepoints


def test_x_counts_a_link_as_23_and_normalises_accents() -> None:
    link = "https://casacafe.cat/botiga/mescla-de-nadal-2026?utm_source=social"
    assert text_length(f"Visiteu {link}", "x") == 8 + 23
    decomposed = unicodedata.normalize("NFD", CATALAN)
    assert len(decomposed) > len(CATALAN)
    assert text_length(decomposed, "x") == 27


def test_mastodon_counts_a_link_as_23_graphemes() -> None:
    text = f"{FAMILY} https://ademruimte.example/rooster/december-2026"
    assert text_length(text, "graphemes-url23") == 1 + 1 + 23


def test_hashtags_and_links_in_any_script() -> None:
    assert hashtag_count("Avui #CafèDeBarcelona i #ΚαλήΣου #दिवाली #繁體, no#tag") == 4
    assert link_count("a https://a.example b http://b.example/x?y=1 c") == 2


def test_every_limit_names_its_source_and_when_it_was_checked() -> None:
    networks = {"x", "bluesky", "threads", "mastodon", "linkedin", "instagram", "facebook"}
    networks |= {"tiktok", "youtube", "telegram", "pinterest", "vk"}
    assert set(LIMITS) == networks
    for limit in LIMITS.values():
        assert limit.source and re.fullmatch(r"\d{4}-\d{2}-\d{2}", limit.checked)
    assert (LIMITS["x"].text, LIMITS["bluesky"].text, LIMITS["telegram"].caption) == (
        280,
        300,
        1024,
    )


def test_counting_as_x_prints_no_python_warning(tmp_path: Path) -> None:
    """twitter-text imports setuptools' deprecated pkg_resources; the user's terminal and CI
    log must not get Python's warning about a library they never chose."""
    from calendars_for_tests import calendar, write_repo

    long_text = "word " * 70
    text = calendar(
        "channels:\n  x: {network: x, slots: [{days: [mon], times: ['09:00']}]}\n"
        f"themes:\n  - {{name: Long, days: [mon], text: '{long_text}'}}\n",
        period="{start: 2027-03-01, end: 2027-03-07}",
    )
    write_repo(tmp_path, text)
    env = {**os.environ, "SMMPLAN_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("PYTHONWARNINGS", None)
    done = subprocess.run(
        [sys.executable, "-W", "default", "-m", "smmplan", "validate", "--today", "2027-02-01"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert "W310" in done.stdout  # X's weighted length was counted
    assert "Warning" not in done.stderr and "pkg_resources" not in done.stderr, done.stderr
