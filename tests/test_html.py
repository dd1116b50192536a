"""The HTML month view: grid, list, escaping, media and language, read back with html.parser."""

from __future__ import annotations

import base64
from html.parser import HTMLParser
from pathlib import Path

from calendars_for_tests import calendar, plan_text, schedule_of, write_repo
from typer.testing import CliRunner

from smmplan.cli import app
from smmplan.export.to_html import to_html

FEB = "{start: 2026-02-01, end: 2026-02-28}"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg=="
)
CHANNELS = """\
language: {language}
channels:
  ig:
    network: instagram
    slots: [{{days: [mon, wed], times: ["09:00"]}}]
  x:
    network: x
    slots: [{{days: [wed], times: ["12:00"]}}]
themes:
  - {{name: Tip Wednesday, days: [wed], channels: [x], text: "Tip of the week"}}
holidays:
  country: ES
  blackout: [{{date: 2026-02-27, reason: closed}}]
"""
POSTS = """\
posts:
  - id: launch
    date: 2026-02-02
    channels: [ig]
    title: "<script>alert('title')</script>"
    text: "Fish & chips <b>bold</b> <script>alert(1)</script>"
    media: [media/dot.png, media/big.png, media/clip.mp4, ../outside.png]
    link: "javascript:alert(1)"
    status: approved
  - id: sale
    date: 2026-02-04
    time: "09:00"
    channels: [ig]
    title: Sale
    text: Sale today
    link: https://shop.example/?a=1&b=2
"""


class Page(HTMLParser):
    """The parts of the page the tests look at: tags with classes, text, attributes."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def with_class(self, tag: str, cls: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag and cls in a.get("class", "").split()]


def build(tmp_path: Path, language: str = "en", posts: str = POSTS) -> str:
    text = calendar(CHANNELS.format(language=language) + posts, period=FEB)
    (tmp_path / "media").mkdir(parents=True, exist_ok=True)
    (tmp_path / "media" / "dot.png").write_bytes(PNG)
    (tmp_path / "media" / "big.png").write_bytes(PNG + b"\0" * 1_000_001)
    (tmp_path / "media" / "clip.mp4").write_bytes(b"\0" * 16)
    (tmp_path.parent / "outside.png").write_bytes(PNG)
    return to_html(schedule_of(plan_text(tmp_path, text))).decode("utf-8")


def test_grid_has_one_cell_per_day_of_the_month_in_weeks_from_monday(tmp_path) -> None:
    page = Page(build(tmp_path))
    days = page.with_class("td", "day")
    assert [d["data-date"] for d in days] == [f"2026-02-{n:02d}" for n in range(1, 29)]
    # 1 February 2026 is a Sunday: six padding cells before it, none after the 28th (a Saturday).
    cells = [a for t, a in page.tags if t == "td" and a.get("class", "").split()[:1] != []]
    assert [("pad" in c.get("class", "")) for c in cells[:7]] == [True] * 6 + [False]
    assert len(cells) == 35


def test_every_post_has_one_grid_entry_and_one_list_entry(tmp_path) -> None:
    html = build(tmp_path)
    page = Page(html)
    grid = [a["data-post"] for a in page.with_class("li", "post")]
    listed = [a["id"] for a in page.with_class("article", "entry")]
    # The two drafts and the four Wednesday tips on x; free Instagram slots are no posts.
    assert len(grid) == len(set(grid)) == 6
    assert listed == [f"p-{post_id}" for post_id in grid]
    assert 'class="post st-approved"' in html


def test_user_text_is_escaped(tmp_path) -> None:
    html = build(tmp_path)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Fish &amp; chips &lt;b&gt;bold&lt;/b&gt;" in html
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in html


def test_only_web_and_mail_links_are_clickable(tmp_path) -> None:
    page = Page(build(tmp_path))
    hrefs = [a["href"] for t, a in page.tags if t == "a" and not a["href"].startswith("#")]
    assert hrefs == ["https://shop.example/?a=1&b=2"]
    assert "javascript:alert(1)" in "".join(page.text)


def test_small_local_images_are_embedded_others_listed_by_path(tmp_path) -> None:
    page = Page(build(tmp_path))
    images = [a for t, a in page.tags if t == "img"]
    assert [i["src"] for i in images] == ["data:image/png;base64," + base64.b64encode(PNG).decode()]
    assert images[0]["alt"] == "media/dot.png"
    text = "".join(page.text)
    for path in ("media/big.png", "media/clip.mp4", "../outside.png"):
        assert path in text


def test_days_show_holidays_blackouts_and_themes(tmp_path) -> None:
    html = build(tmp_path, posts="")
    page = Page(html)
    blackout = page.with_class("td", "blackout")
    assert [d["data-date"] for d in blackout] == ["2026-02-27"]
    assert "Blackout: closed" in html
    assert html.count('<div class="theme">Tip Wednesday</div>') == 4


def test_window_inside_a_month_shows_the_whole_month_with_outside_days_marked(tmp_path) -> None:
    text = calendar(CHANNELS.format(language="en") + POSTS, period=FEB)
    planned = plan_text(tmp_path, text, "2026-02-02", "2026-02-08")
    page = Page(to_html(schedule_of(planned)).decode())
    assert len(page.with_class("td", "day")) == 28
    inside = [d["data-date"] for d in page.with_class("td", "day") if "outside" not in d["class"]]
    assert inside == [f"2026-02-0{n}" for n in range(2, 9)]


def test_a_window_over_two_months_gives_two_grids(tmp_path) -> None:
    text = calendar(CHANNELS.format(language="en"), period=FEB)
    planned = plan_text(tmp_path, text, "2026-01-20", "2026-02-10")
    page = Page(to_html(schedule_of(planned)).decode())
    assert [a["id"] for a in page.with_class("section", "month")] == ["m-2026-01", "m-2026-02"]
    assert len(page.with_class("td", "day")) == 31 + 28


def test_page_speaks_the_calendar_language(tmp_path) -> None:
    html = build(tmp_path, language="ca")
    assert '<html lang="ca" dir="ltr">' in html
    assert "<h2>febrer del 2026</h2>" in html or "<h2>febrer de 2026</h2>" in html
    assert '<th scope="col">dl.</th>' in html
    assert "aprovat" in html


def test_right_to_left_languages_get_dir_rtl(tmp_path) -> None:
    for language, tag in (("ar", "ar"), ("he", "he"), ("fa", "fa")):
        html = build(tmp_path / language, language=language)
        assert f'<html lang="{tag}" dir="rtl">' in html


def test_page_is_self_contained_and_deterministic(tmp_path) -> None:
    first = build(tmp_path)
    assert first == build(tmp_path)
    page = Page(first)
    assert not [t for t, _ in page.tags if t in ("script", "link", "iframe")]
    assert not [a for t, a in page.tags if t == "img" and not a["src"].startswith("data:")]
    assert "@page { size: A4 landscape" in first


def test_build_writes_html_only_when_asked_and_o_replaces_its_own_file(
    tmp_path, monkeypatch
) -> None:
    path = write_repo(tmp_path, calendar(CHANNELS.format(language="en"), period=FEB))
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["build", str(path)]).exit_code == 0
    assert not list((tmp_path / "build").rglob("*.html"))
    assert runner.invoke(app, ["build", str(path), "--format", "html"]).exit_code == 0
    assert list((tmp_path / "build").rglob("*.html"))
    target = tmp_path / "plan.html"
    assert (
        runner.invoke(app, ["build", str(path), "--format", "html", "-o", str(target)]).exit_code
        == 0
    )
    assert (
        runner.invoke(app, ["build", str(path), "--format", "html", "-o", str(target)]).exit_code
        == 0
    )
    target.write_text("<!DOCTYPE html>\n<html><body>mine</body></html>\n")
    result = runner.invoke(app, ["build", str(path), "--format", "html", "-o", str(target)])
    assert result.exit_code == 2 and "--force" in result.output


def test_calendar_name_is_escaped_in_title_and_heading(tmp_path) -> None:
    text = calendar(CHANNELS.format(language="en"), period=FEB).replace(
        "name: Test calendar", 'name: "<i>Bad</i> & Co"'
    )
    html = to_html(schedule_of(plan_text(tmp_path, text))).decode()
    assert "<title>&lt;i&gt;Bad&lt;/i&gt; &amp; Co: content plan</title>" in html
    assert "<h1><bdi>&lt;i&gt;Bad&lt;/i&gt; &amp; Co</bdi>: content plan</h1>" in html
