"""`smmplan import` as a user drives it: every source, the round trips, the bad input."""

from __future__ import annotations

import csv
import zipfile
from datetime import date, datetime, time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smmplan.cli import app

# A calendar whose posts fit every scheduler's rules (5-minute grid, 10 minutes apart, one
# image), with the texts that break naive importers: commas, quotes, line breaks, emoji,
# right-to-left text, Jinja-looking braces and a leading '=' (CSV formula neutralising).
CALENDAR = """\
# The shop's plan: hand-written comments must survive an import.
smmplan: 1
name: Test Shop
timezone: Europe/Madrid
language: es
period: {start: 2027-04-01, end: 2027-04-30}
channels:
  ig:
    network: instagram
    account: "@shop"
    slots:
      - {days: [mon, wed, fri], times: ["09:30"]}  # mornings
rules: {disable: [W314, W320]}
posts:
  - title: Launch
    date: 2027-04-05
    channels: ig
    text: "New \\"menu\\", today ☕ مرحبا\\nSecond line {% raw %}{{ not a template }}{% endraw %}"
    hashtags: ["#menu", "#café"]
    media: [https://example.com/a.jpg]
    link: https://example.com/menu
    campaign: spring
    pillar: product
    status: approved
  - title: Formula
    date: 2027-04-07
    time: "18:00"
    text: "=1+2 is not a formula here"
    status: review
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SMMPLAN_TODAY", "2027-03-01")
    (tmp_path / "calendars").mkdir()
    (tmp_path / "calendars" / "shop.yaml").write_text(CALENDAR, encoding="utf-8")
    return tmp_path


def build(calendar: str, *options: str, out: str = "out") -> Path:
    code, _, err = run("build", calendar, "--out", out, *options)
    assert code == 0, err
    return Path(out)


def posts_of(csv_file: Path) -> list[tuple[str, ...]]:
    fields = ("date", "time", "channel", "text", "hashtags", "media", "link", "status")
    with csv_file.open(encoding="utf-8", newline="") as stream:
        return sorted(tuple(row[f] for f in fields) for row in csv.DictReader(stream))


def only(folder: Path, pattern: str) -> Path:
    found = sorted(folder.rglob(pattern))
    assert len(found) == 1, found
    return found[0]


# Round trips -----------------------------------------------------------------------------


def test_csv_round_trip_gives_the_same_posts(repo: Path) -> None:
    first = only(build("calendars/shop.yaml", "--format", "csv"), "*.csv")
    code, _, err = run("import", str(first), "--new", "calendars/again.yaml")
    assert code == 0, err
    again = only(build("calendars/again.yaml", "--format", "csv", out="back"), "*.csv")
    assert posts_of(again) == posts_of(first)


@pytest.mark.parametrize("preset", ["buffer", "hootsuite", "sprout", "publer", "generic"])
def test_preset_round_trip_gives_the_same_file(repo: Path, preset: str) -> None:
    first = only(build("calendars/shop.yaml", "--preset", preset, "--format", "csv"), "*.csv")
    code, _, err = run("import", str(first), "--new", "calendars/again.yaml", "--channel", "ig")
    assert code == 0, err
    assert f"a {preset} bulk-upload CSV" in err or preset == "generic"
    args = ("--preset", preset, "--format", "csv")
    again = only(build("calendars/again.yaml", *args, out="back"), "*.csv")
    if preset == "generic":  # its id and source columns name the draft each post now is
        assert posts_of(again) == posts_of(first)
    else:
        assert again.read_bytes() == first.read_bytes()


def test_ics_round_trip_keeps_every_event(repo: Path) -> None:
    import icalendar

    first = only(build("calendars/shop.yaml", "--format", "ics"), "*.ics")
    code, _, err = run("import", str(first), "--new", "calendars/again.yaml")
    assert code == 0, err
    again = only(build("calendars/again.yaml", "--format", "ics", out="back"), "*.ics")

    def events(path: Path) -> list[tuple[str, ...]]:
        found = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
        keys = ("SUMMARY", "DTSTART", "DESCRIPTION", "URL", "STATUS")
        return [tuple(str(e.get(k).to_ical() if k == "DTSTART" else e.get(k)) for k in keys)
                for e in found]  # fmt: skip

    assert events(again) == events(first)


def test_xlsx_export_has_typed_cells_and_day_names_and_reads_back(repo: Path) -> None:
    import python_calamine

    first = only(build("calendars/shop.yaml", "--format", "xlsx"), "*.xlsx")
    rows = python_calamine.CalamineWorkbook.from_path(str(first)).get_sheet_by_index(0)
    cells = rows.to_python()
    header = cells[0]
    launch = cells[1]
    assert launch[header.index("date")] == date(2027, 4, 5)
    assert launch[header.index("time")] == time(9, 30)
    assert launch[header.index("weekday")] == "lunes"
    assert cells[2][header.index("text")] == "=1+2 is not a formula here"
    code, _, err = run("import", str(first), "--new", "calendars/again.yaml")
    assert code == 0, err
    csv_first = only(build("calendars/shop.yaml", "--format", "csv", out="c1"), "*.csv")
    again = only(build("calendars/again.yaml", "--format", "csv", out="c2"), "*.csv")
    assert posts_of(again) == posts_of(csv_first)


def test_json_output_imports(repo: Path) -> None:
    first = only(build("calendars/shop.yaml", "--format", "json"), "*.json")
    code, _, err = run("import", str(first), "--new", "calendars/again.yaml")
    assert code == 0, err
    text = Path("calendars/again.yaml").read_text(encoding="utf-8")
    assert "name: Test Shop" in text and "language: es" in text


# Sheets ----------------------------------------------------------------------------------


def xlsx(path: Path, rows: list[list[object]], merge: str | None = None) -> Path:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Plan")
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if isinstance(value, datetime | date | time):
                sheet.write_datetime(r, c, value, day)
            elif isinstance(value, str) and value.startswith("="):
                sheet.write_formula(r, c, value, None, "7")
            elif value is not None:
                sheet.write(r, c, value)
    if merge:
        sheet.merge_range(merge, rows[1][0], day)
    book.close()
    return path


def test_spanish_sheet_with_day_first_dates(repo: Path) -> None:
    sheet = xlsx(
        repo / "abril.xlsx",
        [
            ["Fecha", "Hora", "Texto", "Red", "Notas"],
            ["03/04/2027", "10:00", "Hola 👋", "Instagram", "ver con Ana"],
            [date(2027, 4, 4), time(11, 15), "שלום עולם", "IG", ""],
            [46484, "9.30", "Serial", "instagram", ""],
        ],
    )
    code, _, err = run("import", str(sheet), "--calendar", "calendars/shop.yaml")
    assert code == 0, err
    text = Path("calendars/shop.yaml").read_text(encoding="utf-8")
    assert "date: 2027-04-03" in text and "time: '10:00'" in text
    assert "date: 2027-04-04" in text and "date: 2027-04-07" in text
    assert "extra:\n      Notas: ver con Ana" in text
    assert "Fecha → date" in err and "day-first" in err


def test_merged_dates_formulas_and_long_text(repo: Path) -> None:
    long_text = "a" * 3000
    sheet = xlsx(
        repo / "m.xlsx",
        [
            ["Date", "Time", "Text", "Channel"],
            [date(2027, 4, 12), "09:00", long_text, "ig"],
            [None, "10:00", "=1+6", "ig"],
        ],
        merge="A2:A3",
    )
    code, _, err = run("import", str(sheet), "--new", "calendars/m.yaml", "--timezone", "UTC")
    assert code == 0, err
    text = Path("calendars/m.yaml").read_text(encoding="utf-8")
    assert long_text in text and "text: '7'" in text
    assert text.count("date: 2027-04-12") == 2


_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
}
_ODS_TYPE = "application/vnd.oasis.opendocument.spreadsheet"


def _ods_cell(value: str, when: str = "") -> str:
    kind = (
        f'office:value-type="date" office:date-value="{when}"'
        if when
        else ('office:value-type="string"')
    )
    return f"<table:table-cell {kind}><text:p>{value}</text:p></table:table-cell>"


def ods(path: Path) -> Path:
    """A minimal OpenDocument sheet: a typed date-time cell and text cells."""
    rows = [
        [_ods_cell("Datum"), _ods_cell("Tekst"), _ods_cell("Kanaal")],
        [_ods_cell("09-04-2027", "2027-04-09T10:45:00"), _ods_cell("Hoi"), _ods_cell("ig")],
    ]
    body = "".join(f"<table:table-row>{''.join(r)}</table:table-row>" for r in rows)
    names = " ".join(f'xmlns:{k}="{v}"' for k, v in _NS.items())
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {names} '
        'office:version="1.2"><office:body><office:spreadsheet><table:table table:name="P">'
        f"{body}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        f'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest {names}>'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{_ODS_TYPE}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), _ODS_TYPE)
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", manifest)
    return path


def test_ods_date_time_cell(repo: Path) -> None:
    code, _, err = run("import", str(ods(repo / "plan.ods")), "--calendar", "calendars/shop.yaml")
    assert code == 0, err
    text = Path("calendars/shop.yaml").read_text(encoding="utf-8")
    assert "date: 2027-04-09" in text and "time: '10:45'" in text


# Appending -------------------------------------------------------------------------------


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


ROWS = "date,time,channel,text,Approved by\n2027-04-14,09:30,Instagram,Spring is here,Ana\n"


def test_append_keeps_every_other_byte_and_skips_duplicates(repo: Path) -> None:
    source = write_csv(repo / "more.csv", ROWS)
    before = Path("calendars/shop.yaml").read_text(encoding="utf-8")
    code, _, err = run("import", str(source), "--calendar", "calendars/shop.yaml")
    assert code == 0, err
    after = Path("calendars/shop.yaml").read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n"))
    added = after[len(before.rstrip("\n")) :]
    assert "Spring is here" in added and "extra:\n      Approved by: Ana" in added
    code, _, err = run("import", str(source), "--calendar", "calendars/shop.yaml")
    assert code == 0, err
    assert "1 skipped as already there" in err
    assert Path("calendars/shop.yaml").read_text(encoding="utf-8") == after


def test_into_a_fragment(repo: Path) -> None:
    calendar = Path("calendars/shop.yaml")
    calendar.write_text(CALENDAR + "include: [_imported.yaml]\n", encoding="utf-8")
    Path("calendars/_imported.yaml").write_text("posts: []\n", encoding="utf-8")
    source = write_csv(repo / "more.csv", ROWS)
    code, _, err = run(
        "import", str(source), "--calendar", str(calendar), "--into", "_imported.yaml"
    )
    assert code == 0, err
    assert "Spring is here" in Path("calendars/_imported.yaml").read_text(encoding="utf-8")


def test_unknown_channel_is_a_row_error_unless_added(repo: Path) -> None:
    source = write_csv(repo / "t.csv", "date,time,channel,text\n2027-04-14,10:00,TikTok,Dance\n")
    before = Path("calendars/shop.yaml").read_bytes()
    code, _, err = run("import", str(source), "--calendar", "calendars/shop.yaml")
    assert code == 1 and "t.csv:2: unknown channel 'TikTok'" in err
    assert Path("calendars/shop.yaml").read_bytes() == before
    code, _, err = run("import", str(source), "--calendar", "calendars/shop.yaml", "--add-channels")
    assert code == 0, err
    assert "tiktok: {network: tiktok" in Path("calendars/shop.yaml").read_text(encoding="utf-8")


def test_dry_run_shows_the_yaml_and_writes_nothing(repo: Path) -> None:
    source = write_csv(repo / "more.csv", ROWS)
    before = Path("calendars/shop.yaml").read_bytes()
    code, out, err = run("import", str(source), "--calendar", "calendars/shop.yaml", "--dry-run")
    assert code == 0, err
    assert "text: Spring is here" in out and "dry run: nothing written" in err
    assert Path("calendars/shop.yaml").read_bytes() == before


# Bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"date,text,channel\r\n", "only a header row"),
        (b"\x00\x01\x02\x03binary\x00\xff" * 20, "a binary file"),
    ],
)
def test_files_without_posts_are_refused(repo: Path, content: bytes, message: str) -> None:
    source = repo / "bad.csv"
    source.write_bytes(content)
    code, _, err = run("import", str(source), "--new", "calendars/x.yaml", "--timezone", "UTC")
    assert code == 1 and message in err and "Traceback" not in err
    assert not Path("calendars/x.yaml").exists()


def test_bad_rows_stop_the_import_or_are_skipped(repo: Path) -> None:
    source = write_csv(
        repo / "rows.csv",
        "date,time,channel,text\n"
        "2027-04-14,09:30,ig,Fine\n"
        "tomorrow,09:30,ig,Bad date\n"
        "2027-04-15,25:00,ig,Bad time\n",
    )
    code, _, err = run("import", str(source), "--calendar", "calendars/shop.yaml")
    assert code == 1
    assert "rows.csv:3: column 'date': 'tomorrow' is not a date" in err
    assert "rows.csv:4: column 'time': '25:00' is not a time" in err
    assert "Fine" not in Path("calendars/shop.yaml").read_text(encoding="utf-8")
    code, _, err = run("import", str(source), "--calendar", "calendars/shop.yaml", "--skip-bad")
    assert code == 0, err
    assert "Fine" in Path("calendars/shop.yaml").read_text(encoding="utf-8")


def test_sheet_rows_name_the_column_letter(repo: Path) -> None:
    sheet = xlsx(repo / "s.xlsx", [["Date", "Text", "Channel"], ["someday", "x", "ig"]])
    code, _, err = run("import", str(sheet), "--calendar", "calendars/shop.yaml")
    assert code == 1 and "s.xlsx:2: column A (Date): 'someday' is not a date" in err


def test_ambiguous_dates_are_reported_not_guessed(repo: Path) -> None:
    source = write_csv(repo / "a.csv", "Date,Text,Channel\n03/04/2027,Hi,ig\n")
    code, _, err = run("import", str(source), "--new", "calendars/n.yaml", "--timezone", "UTC")
    assert code == 1 and "03/04/2027" in err and "--dayfirst" in err
    code, _, err = run(
        "import", str(source), "--new", "calendars/n.yaml", "--timezone", "UTC", "--monthfirst"
    )
    assert code == 0, err
    assert "date: 2027-03-04" in Path("calendars/n.yaml").read_text(encoding="utf-8")


def test_dates_as_text_in_three_formats(repo: Path) -> None:
    source = write_csv(
        repo / "d.csv",
        "Date,Text,Channel\n2027-04-20 08:00,A,ig\n21.04.2027 9:00,B,ig\n"
        "22 April 2027 10:00,C,ig\n",
    )
    code, _, err = run("import", str(source), "--new", "calendars/n.yaml", "--timezone", "UTC")
    assert code == 0, err
    text = Path("calendars/n.yaml").read_text(encoding="utf-8")
    for day in ("2027-04-20", "2027-04-21", "2027-04-22"):
        assert f"date: {day}" in text


@pytest.mark.parametrize(
    ("encoding", "delimiter"), [("utf-16", "\t"), ("cp1252", ";"), ("utf-8-sig", ",")]
)
def test_encodings_and_delimiters(repo: Path, encoding: str, delimiter: str) -> None:
    text = delimiter.join(["Fecha", "Texto", "Canal"]) + "\r\n"
    text += delimiter.join(["14/04/2027", "Café olé", "ig"]) + "\r\n"
    source = write_csv(repo / "e.csv", text, encoding)
    code, _, err = run("import", str(source), "--calendar", "calendars/shop.yaml")
    assert code == 0, err
    assert "Café olé" in Path("calendars/shop.yaml").read_text(encoding="utf-8")


def test_header_words_name_one_field_each() -> None:
    from smmplan.imports.columns import header_words, recognise

    assert header_words()  # raises when a word names two fields
    columns = recognise(["Ημερομηνία", "तारीख", "日期", "Texto", "Hashtags"], {})
    assert list(columns.fields.values()) == ["date", "text", "hashtags"]
    assert list(columns.extra.values()) == ["तारीख", "日期"]


def test_csv_cells_written_by_smmplan_lose_their_guard() -> None:
    from smmplan.imports.csv_sources import read_csv

    table = read_csv(b"a,b\r\n'=1+2,'@shop\r\n", "x.csv")
    assert table.rows[0].cells == ["=1+2", "@shop"]
