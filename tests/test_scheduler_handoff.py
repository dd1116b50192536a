"""Scheduler hand-off: files that upload as they are, rules checked at validate, nothing
uploaded by mistake, build folders without an earlier window's files (docs/presets.md)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from calendars_for_tests import write_repo
from typer.testing import CliRunner

from smmplan.cli import app

# The published templates, written out by hand from the sources in docs/presets.md.
PUBLISHED = {
    "publer": [
        "Date",
        "Text",
        "Link(s)",
        "Media URL(s)",
        "Title",
        "Label(s)",
        "Alt text(s)",
        "Comment(s)",
        "Board/Album",
        "Post subtype",
        "CTA",
        "Reminder",
    ],
    "buffer": ["Text", "Image URL", "Tags", "Posting Time"],
    "sprout": ["date", "time_24hr", "message_text", "link", "image_url"],
}

TRICKY = '@casacafe ☕ Obrim, avui!\nNou horari "de Nadal"'

CALENDAR = """\
smmplan: 1
id: shop
name: Shop
timezone: Europe/Madrid
period: {start: 2026-12-01, end: 2026-12-03}
media_base_url: https://cdn.example.com/shop/
vars: {code: NADAL10}
channels:
  ig:
    network: instagram
    slots:
      - {days: daily, times: ["09:30"]}
  li:
    network: linkedin
    slots:
      - {days: daily, times: ["12:00"]}
holidays:
  packs: [{name: un, posts: true}]
posts:
  - title: Tricky
    date: 2026-12-01
    channels: [ig]
    text: '@casacafe ☕ Obrim, avui!

      Nou horari "de Nadal"'
    status: approved
    first_comment: "Codi {{ vars.code }}, fins dilluns"
    media:
      - {path: "fotos/café 1.jpg", alt: "Una tassa, amb escuma"}
    campaign: nadal
    pillar: botiga
  - title: Launch
    date: 2026-12-01
    channels: [li]
    text: Big news
    link: https://shop.example/launch
    media: [https://shop.example/a.jpg]
  - title: Someday
    date: 2026-12-02
    channels: [ig]
    text: idea-text
    status: idea
  - title: Queued
    date: 2026-12-02
    channels: [li]
    text: scheduled-text
    status: scheduled
  - title: Checking
    date: 2026-12-03
    channels: [ig]
    text: review-text
    status: review
"""
WINDOW = "2026-12-01_2026-12-03"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_repo(tmp_path, CALENDAR, name="shop.yaml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SMMPLAN_TODAY", "2026-11-20")
    return tmp_path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout + result.stderr


def change(repo: Path, *pairs: tuple[str, str]) -> None:
    text = CALENDAR
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new)
    (repo / "calendars" / "shop.yaml").write_text(text, encoding="utf-8")


def rows_of(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))


def all_text(repo: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in (repo / "build").rglob("*.csv"))


def test_publer_file_has_the_published_twelve_columns_and_uploads_as_written(repo: Path) -> None:
    code, output = run("build", "--format", "csv", "--preset", "publer")
    assert code == 0, output
    header, *rows = rows_of(repo / "build" / "shop" / f"{WINDOW}.publer.csv")
    assert header == PUBLISHED["publer"]
    assert all(len(row) == 12 for row in rows)
    tricky = next(row for row in rows if row[1].startswith("@"))
    assert tricky == [
        "2026-12-01 09:30",
        TRICKY,  # no formula quote: Publer would publish it
        "",
        "https://cdn.example.com/shop/fotos/caf%C3%A9%201.jpg",
        "",
        "nadal,botiga",
        "Una tassa, amb escuma",
        "Codi NADAL10, fins dilluns",
        "",
        "",
        "",
        "",
    ]
    assert "text(s) start with = + - @" in output


@pytest.mark.parametrize("preset", ["buffer", "sprout"])
def test_per_channel_presets_match_their_published_header(repo: Path, preset: str) -> None:
    code, output = run("build", "--format", "csv", "--preset", preset)
    assert code == 0, output
    header, *rows = rows_of(repo / "build" / "shop" / f"{WINDOW}.{preset}-ig.csv")
    assert header == PUBLISHED[preset]
    cells = rows[0]
    assert TRICKY in cells
    assert "https://cdn.example.com/shop/fotos/caf%C3%A9%201.jpg" in cells


def test_hootsuite_file_has_no_header_and_its_date_format(repo: Path) -> None:
    assert run("build", "--format", "csv", "--preset", "hootsuite")[0] == 0
    rows = rows_of(repo / "build" / "shop" / f"{WINDOW}.hootsuite-ig.csv")
    assert rows == [["12/01/2026 09:30", TRICKY, ""]]


def test_ideas_pack_days_review_and_scheduled_posts_are_never_uploaded(repo: Path) -> None:
    assert run("build", "--format", "csv", "--preset", "publer")[0] == 0
    text = all_text(repo)
    for unwanted in ("idea-text", "scheduled-text", "review-text", "Persons with Disabilities"):
        assert unwanted not in text
    assert "Big news" in text


def test_status_option_asks_for_what_the_default_leaves_out(repo: Path) -> None:
    assert run("build", "--format", "csv", "--preset", "publer", "--status", "scheduled")[0] == 0
    text = all_text(repo)
    assert "scheduled-text" in text and "Big news" not in text


def test_approval_required_uploads_only_approved_posts(repo: Path) -> None:
    change(repo, ("vars: {code", "approval: required\nvars: {code"))
    code, output = run("build", "--format", "csv", "--preset", "publer")
    assert code == 0, output
    header, *rows = rows_of(repo / "build" / "shop" / f"{WINDOW}.publer.csv")
    assert [row[1] for row in rows] == [TRICKY]
    assert "publer.csv: 1 post(s) written, " in output


def test_posts_before_today_are_left_out_with_a_warning_and_counted(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMMPLAN_TODAY", "2026-12-02")
    code, output = run("build", "--format", "csv", "--preset", "publer")
    assert code == 0, output
    assert "calendars/shop.yaml:20:5: warning W503 'Tricky' on 2026-12-01" in output
    assert "Big news" not in all_text(repo)
    assert f"shop {WINDOW}.publer.csv: 0 post(s) written, 4 left out by status, 2 by date" in (
        output
    )


def test_standard_csv_stays_formula_safe_and_carries_comment_and_alt_text(repo: Path) -> None:
    assert run("build", "--format", "csv,json,md,html")[0] == 0
    folder = repo / "build" / "shop"
    header, *rows = rows_of(folder / f"{WINDOW}.csv")
    assert header[-2:] == ["first_comment", "alt_text"]
    tricky = next(dict(zip(header, row, strict=True)) for row in rows if "Tricky" in row)
    assert tricky["text"] == "'" + TRICKY
    assert tricky["first_comment"] == "Codi NADAL10, fins dilluns"
    assert tricky["alt_text"] == "Una tassa, amb escuma"
    posts = json.loads((folder / f"{WINDOW}.json").read_text(encoding="utf-8"))["posts"]
    first = next(p for p in posts if p["title"] == "Tricky")
    assert (first["first_comment"], first["alt_text"]) == (
        "Codi NADAL10, fins dilluns",
        ["Una tassa, amb escuma"],
    )
    for ext in ("md", "html"):
        page = (folder / f"{WINDOW}.{ext}").read_text(encoding="utf-8")
        assert "Codi NADAL10, fins dilluns" in page and "Una tassa, amb escuma" in page


SCHEDULED = """\
smmplan: 1
id: agency
name: Agency
timezone: Europe/Madrid
period: {start: 2026-12-01, end: 2026-12-31}
scheduler: {name: sprout}
channels:
  ig:
    network: instagram
    slots:
      - {days: daily, times: ["09:30"]}
  x:
    network: x
    scheduler: {name: hootsuite}
    slots:
      - {days: [tue], times: ["09:32"]}
  fb:
    network: facebook
    scheduler: {name: buffer, plan: free}
    media_base_url: https://cdn.example.com/
    slots:
      - {days: daily, times: ["18:00"]}
themes:
  - name: Daily
    days: daily
    channels: [ig, fb]
    text: Good morning
posts:
  - title: Double
    date: 2026-12-01
    time: "09:35"
    channels: [ig]
    text: Too close
    media: [https://cdn.example.com/a.webp]
  - title: Long
    date: 2026-12-01
    channels: [x]
    text: short
    first_comment: "{{ 'x' * 300 }}"
  - title: Album
    date: 2026-12-02
    channels: [fb]
    text: two photos
    media: [a.jpg, b.jpg]
  - title: Local
    date: 2026-12-03
    time: "11:00"
    channels: [ig]
    text: local photo
    media: [photos/local.jpg]
"""


def problem_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if " error E5" in line]


def test_validate_reports_each_declared_schedulers_rules_at_their_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_repo(tmp_path, SCHEDULED, name="agency.yaml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SMMPLAN_TODAY", "2026-11-20")
    code, output = run("validate")
    assert code == 1
    found = "\n".join(problem_lines(output))
    expected = [
        ("29:5", "E501 [10 minutes apart] Sprout Social"),  # Double vs the theme's 09:30
        ("29:5", "E501 [image format] Sprout Social refuses .webp"),
        ("35:5", "E501 [5-minute grid] Hootsuite"),
        ("35:5", "E508 [x characters] the first comment of 'Long'"),
        ("40:5", "E501 [one image per post] Buffer"),
        ("24:5", "E501 [free plan] Buffer's free plan takes 10 posts per channel"),
        ("45:5", "E507 [public media URL] Sprout Social fetches media from public URLs"),
    ]
    for position, text in expected:
        assert f"calendars/agency.yaml:{position}: error {text}" in found, found
    # The same rules stop `build --preset` when no scheduler is declared.
    undeclared = "".join(line for line in SCHEDULED.splitlines(True) if "scheduler:" not in line)
    (tmp_path / "calendars" / "agency.yaml").write_text(undeclared, encoding="utf-8")
    code, output = run("build", "--format", "csv", "--preset", "sprout")
    assert code == 1 and "[image format]" in output and "nothing was written" in output


@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        (
            "scheduler: {name: sprout}",
            "scheduler: {name: bufer}",
            "6:19",
            "E502 unknown scheduler 'bufer' (did you mean 'buffer'?)",
        ),
        (
            "scheduler: {name: hootsuite}",
            "scheduler: {name: hootsuite, plan: free}",
            "14:40",
            "E503 hootsuite has no plan 'free'; use one of paid",
        ),
        (
            "media_base_url: https://cdn.example.com/",
            "media_base_url: http://cdn.example.com/",
            "20:21",
            "E505 media_base_url 'http://cdn.example.com/' is not an https:// address",
        ),
        (
            "text: short\n",
            "text: short\n    first_comment: ' '\n",
            "39:20",
            "E506 'first_comment' is empty",
        ),
        (
            "media: [photos/local.jpg]",
            "media: [{path: clip.mp4, alt: A short clip}]",
            "50:35",
            "E504 'clip.mp4' is a video and instagram takes no alt text for videos",
        ),
    ],
)
def test_bad_publishing_keys_are_positioned_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str, where: str, message: str
) -> None:
    assert old in SCHEDULED
    write_repo(tmp_path, SCHEDULED.replace(old, new), name="agency.yaml")
    monkeypatch.chdir(tmp_path)
    code, output = run("validate")
    assert code == 1
    assert f"calendars/agency.yaml:{where}: error {message}" in output, output


def test_require_alt_text_warns_at_the_media_item(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = CALENDAR.replace("vars: {code", "require_alt_text: true\nvars: {code")
    write_repo(tmp_path, text, name="shop.yaml")
    monkeypatch.chdir(tmp_path)
    code, output = run("validate")
    assert code == 0, output
    assert "calendars/shop.yaml:" in output and "W502 'https://shop.example/a.jpg'" in output
    assert output.count("W502") == 1  # the Tricky photo has its alt text


def test_a_new_window_removes_the_files_of_the_last_build_but_no_one_elses(
    repo: Path,
) -> None:
    assert run("build", "--format", "csv,md", "--preset", "buffer")[0] == 0
    folder = repo / "build" / "shop"
    mine = folder / "notes.txt"
    mine.write_text("the client's notes", encoding="utf-8")
    december = sorted(p.name for p in folder.glob("2026-12-*"))
    assert december == [f"{WINDOW}.buffer-ig.csv", f"{WINDOW}.buffer-li.csv", f"{WINDOW}.md"]
    code, output = run("build", "--format", "csv,md", "--month", "2027-01", "--keep-stale")
    assert code == 0, output
    assert sorted(p.name for p in folder.glob("2026-12-*")) == december
    code, output = run("build", "--format", "md", "--month", "2027-01")
    assert code == 0, output
    assert sorted(p.name for p in folder.iterdir() if p.name != ".smmplan-files") == [
        "2027-01-01_2027-01-31.md",
        "notes.txt",
    ]
    assert mine.read_text(encoding="utf-8") == "the client's notes"
    assert f"removed build/shop/{WINDOW}.md" in output


def test_an_edited_manifest_cannot_lead_a_build_to_delete_other_files(repo: Path) -> None:
    assert run("build", "--format", "md")[0] == 0
    outside = repo / "calendars" / "shop.yaml"
    manifest = repo / "build" / "shop" / ".smmplan-files"
    manifest.write_text(json.dumps({"files": ["../../calendars/shop.yaml"]}), encoding="utf-8")
    assert run("build", "--format", "csv")[0] == 0
    assert outside.is_file()


def test_preset_help_lists_the_registry() -> None:
    code, output = run("build", "--help")
    assert code == 0
    flat = " ".join(output.split())
    assert "buffer, hootsuite, sprout, publer, generic" in flat.replace("│ ", "")


def test_preset_file_is_csv_module_readable_with_a_bom(repo: Path) -> None:
    assert run("build", "--format", "csv", "--preset", "publer", "--csv-bom")[0] == 0
    data = (repo / "build" / "shop" / f"{WINDOW}.publer.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfDate,")
    header = next(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert header == PUBLISHED["publer"]
