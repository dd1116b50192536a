"""The plans a client reads: hashtags once, blackout days with their reason, the key days."""

from __future__ import annotations

from pathlib import Path

from calendars_for_tests import plan_text, schedule_of

from smmplan.export.to_html import to_html
from smmplan.export.to_markdown import to_markdown

CAL = """\
smmplan: 1
name: Casa
timezone: Europe/Madrid
language: es
channels:
  ig: {network: instagram, slots: [{days: daily, times: "09:00"}]}
holidays:
  observances:
    - {name: Día del Café, date: "10-01"}
  blackout:
    - {date: 2026-10-02, reason: Cerrado por inventario}
posts:
  - {title: Otoño, date: 2026-10-01, text: ¡Llega el otoño!, hashtags: ["#CaféDeOtoño"]}
"""


def _schedule(tmp_path: Path):  # type: ignore[no-untyped-def]
    return schedule_of(plan_text(tmp_path, CAL, "2026-10-01", "2026-10-03"))


def test_markdown_shows_each_hashtag_once(tmp_path: Path) -> None:
    text = to_markdown(_schedule(tmp_path)).decode()
    assert text.count("#CaféDeOtoño") == 1


def test_html_shows_each_hashtag_once(tmp_path: Path) -> None:
    html = to_html(_schedule(tmp_path)).decode()
    assert html.count("#CaféDeOtoño") == 1


def test_markdown_lists_blackout_days_with_their_reason(tmp_path: Path) -> None:
    text = to_markdown(_schedule(tmp_path)).decode()
    day = text.split("### viernes, 2 de octubre de 2026", 1)[1].split("###", 1)[0]
    assert "- **Sin publicaciones:** Cerrado por inventario\n" in day


def test_markdown_lists_the_key_days_after_the_summary(tmp_path: Path) -> None:
    text = to_markdown(_schedule(tmp_path)).decode()
    head = text.split("## Semana", 1)[0]
    assert "## Festivos y días señalados" in head
    assert "- jueves, 1 de octubre de 2026: Día del Café" in head
