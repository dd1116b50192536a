"""A warm cache never hides a change: of a calendar, a fragment, a template, an option, the
date today, or smmplan itself (docs/architecture.md, "Caches").

Each step changes one input after a run has filled the cache; the next run must give exactly
what a run with an empty cache gives, and something else than before. A change of smmplan's
own files is simulated: an "older smmplan" (one function patched) fills the cache, then the
current one runs under another package digest.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from calendars_for_tests import write_repo
from typer.testing import CliRunner

from smmplan.cache import fingerprint, run_memo
from smmplan.cli import app

CALENDAR = """\
smmplan: 1
id: c
name: Test
timezone: UTC
language: en
period: {start: 2026-12-20, end: 2026-12-31}
include: [_frag.yaml]
rules: {disable: [W314, W315, W319]}
channels:
  ig:
    network: instagram
    slots: [{days: daily, times: ['09:00']}]
  li:
    network: linkedin
    slots: [{days: daily, times: ['10:00']}]
holidays:
  country: GB
  greeting: {template: greeting.j2, channels: [ig]}
themes:
  - {name: Daily, days: daily, channels: [ig], template: main.j2}
  - {name: Dated, days: daily, channels: [li], text: '{{ post.title }} {{ post.date }}'}
posts:
  - id: launch
    title: Launch
    date: 2026-12-22
    time: "18:00"
    channels: [ig]
    status: draft
    text: "Launch {{ vars.word }}"
"""
TEMPLATES = {
    "base.j2": "{% block body %}{% endblock %} / {% include 'part.j2' %}",
    "main.j2": (
        "{% extends 'base.j2' %}{% block body %}{% import 'macros.j2' as m %}"
        "{{ m.tag(post.title) }}{% endblock %}"
    ),
    "part.j2": "part one",
    "macros.j2": "{% macro tag(t) %}[{{ t }}]{% endmacro %}",
    "greeting.j2": "Happy {{ post.title }}",
}
_runs = itertools.count()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "repo"
    write_repo(root, CALENDAR, templates=TEMPLATES, name="c.yaml")
    (root / "calendars" / "_frag.yaml").write_text("vars:\n  word: alpha\n", encoding="utf-8")
    monkeypatch.chdir(root)
    monkeypatch.setenv("SMMPLAN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    fingerprint.package_digest.cache_clear()  # as in a new process
    return root


Result = tuple[int, str, dict[str, bytes]]


def _run(*argv: str) -> Result:
    """Exit code, printed text and written files of one command."""
    out = Path(f"out-{next(_runs)}")
    if argv[0] == "build":
        argv = (*argv, "--out", str(out))
    run_memo.clear()  # each command is a process of its own
    result = CliRunner().invoke(app, list(argv))
    files = {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    return result.exit_code, result.output.replace(str(out), "OUT"), files


def _cold(monkeypatch: pytest.MonkeyPatch, *argv: str) -> Result:
    """What the command gives with an empty cache."""
    with monkeypatch.context() as inside:
        inside.setenv("SMMPLAN_CACHE_DIR", f"cold-{next(_runs)}")
        return _run(*argv)


def _replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def step(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new), encoding="utf-8")

    return step


BUILD = ("build", "--format", "csv,ics,md,json")
# (what changes, the change, the options after it)
STEPS: list[tuple[str, Callable[[Path], None], tuple[str, ...]]] = [
    ("a calendar's text", _replace("calendars/c.yaml", "Launch {{", "Start {{"), BUILD),
    ("a calendar's country", _replace("calendars/c.yaml", "country: GB", "country: IE"), BUILD),
    ("a fragment", _replace("calendars/_frag.yaml", "alpha", "beta"), BUILD),
    ("an included template", _replace("templates/part.j2", "one", "two"), BUILD),
    ("an imported template", _replace("templates/macros.j2", "[{{ t }}]", "<{{ t }}>"), BUILD),
    ("an extended template", _replace("templates/base.j2", " / ", " | "), BUILD),
    ("an option", lambda root: None, (*BUILD, "--csv-bom")),
    ("another option", lambda root: None, (*BUILD, "--csv-bom", "--channel", "li")),
]


@pytest.mark.slow
def test_a_warm_cache_follows_every_input(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _run(*BUILD)
    assert before[0] == 0, before[1]
    assert _run(*BUILD) == before == _cold(monkeypatch, *BUILD)
    for what, change, argv in STEPS:
        change(repo)
        warm = _run(*argv)
        assert warm == _cold(monkeypatch, *argv), what
        assert warm != before, f"changing {what} should change what build writes"
        assert _run(*argv) == warm  # and the new result is reused in turn
        before = warm


def test_a_warm_cache_follows_the_date_today(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    early = _run("validate", "--today", "2026-12-01")
    later = _run("validate", "--today", "2027-01-15")
    # Weeks later the draft of 22 December is in the past (W318): a new day, a new result.
    assert "W318" in later[1] and "W318" not in early[1]
    assert later == _cold(monkeypatch, "validate", "--today", "2027-01-15")
    assert _run("validate", "--today", "2026-12-01") == early


def _no_problems(monkeypatch: pytest.MonkeyPatch) -> None:
    from smmplan import pipeline as build

    real = build.plan_one

    def older(*args: object, **kwargs: object) -> build.Planned:
        planned = real(*args, **kwargs)  # type: ignore[arg-type]
        planned.problems.clear()
        return planned

    monkeypatch.setattr(build, "plan_one", older)


def _other_csv(monkeypatch: pytest.MonkeyPatch) -> None:
    from smmplan.export import files as output

    real = output._one_calendar

    def older(*args: object) -> dict[str, bytes]:
        return {name: data + b"older\n" for name, data in real(*args).items()}  # type: ignore[arg-type]

    monkeypatch.setattr(output, "_one_calendar", older)


def _reads_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    from smmplan.cache import render_memo

    monkeypatch.setattr(render_memo, "find_reads", lambda env, source: ())


def _compiles_otherwise(monkeypatch: pytest.MonkeyPatch) -> None:
    import jinja2

    real = jinja2.Environment.compile

    def older(self: jinja2.Environment, source: str, *args: object, **kwargs: object) -> object:
        return real(self, f"older {source}", *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(jinja2.Environment, "compile", older)


def _other_holiday_names(monkeypatch: pytest.MonkeyPatch) -> None:
    import holidays

    real = holidays.HolidayBase.get_list

    def older(self: holidays.HolidayBase, key: object) -> list[str]:
        return [f"Older {name}" for name in real(self, key)]  # type: ignore[arg-type]

    monkeypatch.setattr(holidays.HolidayBase, "get_list", older)


CSV = ("build", "--format", "csv")
# kind of cache: (how an older smmplan differed, the command that shows it). --no-cache keeps
# the check and output caches out of the way of the caches behind them.
OLDER_SMMPLAN: dict[str, tuple[Callable[[pytest.MonkeyPatch], None], tuple[str, ...]]] = {
    "checked": (_no_problems, ("validate", "--today", "2027-01-15")),
    "exported": (_other_csv, CSV),
    "template-reads": (_reads_nothing, (*CSV, "--no-cache")),
    "jinja": (_compiles_otherwise, (*CSV, "--no-cache")),
    "holidays": (_other_holiday_names, (*CSV, "--no-cache")),
}


@pytest.mark.parametrize("kind", OLDER_SMMPLAN)
def test_a_warm_cache_follows_smmplan_itself(
    kind: str, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    differ, argv = OLDER_SMMPLAN[kind]
    monkeypatch.setattr(fingerprint, "package_digest", lambda: "older smmplan")
    with monkeypatch.context() as older:
        differ(older)
        before = _run(*argv)
    assert before[0] == 0, before[1]
    # Had the key not named smmplan's files, the older smmplan's results would come back:
    assert _run(*argv) == before, f"the {kind} cache should keep what it was given"
    monkeypatch.setattr(fingerprint, "package_digest", lambda: "newer smmplan")
    after = _run(*argv)
    assert after == _cold(monkeypatch, *argv)
    assert after != before


def test_cache_info_and_clear(repo: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert _run(*BUILD)[0] == 0
    code, text, _ = _run("cache", "info")
    assert code == 0
    assert f"location: {cache}" in text
    counts = {line.split()[0]: int(line.split()[1]) for line in text.splitlines()[2:]}
    kinds = {"checked", "exported", "template-reads", "jinja", "holidays", "package"}
    assert kinds <= {kind for kind, count in counts.items() if count > 0}, text
    size = sum(p.stat().st_size for p in cache.rglob("*") if p.is_file())
    assert f"in {sum(counts.values())} entries" in text
    assert "size: 0 bytes" not in text and size > 0
    mine = cache / "jinja" / "notes.txt"  # not smmplan's: never removed
    mine.write_text("mine", encoding="utf-8")

    code, text, _ = _run("cache", "clear")
    assert code == 0
    assert f"removed {sum(counts.values())} entries" in text
    assert mine.read_text(encoding="utf-8") == "mine"
    assert [p for p in cache.rglob("*") if p.is_file()] == [mine]
    code, text, _ = _run("cache", "info")
    assert "size: 0 bytes in 0 entries" in text
    assert _run(*BUILD)[0] == 0  # and the next run fills it again


def test_the_package_digest_follows_the_bytes_of_smmplans_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "smmplan"
    (package / "export").mkdir(parents=True)
    module = package / "export" / "csv.py"
    module.write_text("SEP = ','\n", encoding="utf-8")
    (package / "__pycache__").mkdir()
    monkeypatch.setattr(fingerprint, "_PACKAGE", package)
    monkeypatch.setenv("SMMPLAN_CACHE_DIR", str(tmp_path / "cache"))

    def digest() -> str:
        fingerprint.package_digest.cache_clear()  # as in a new process
        return fingerprint.package_digest()

    first = digest()
    (package / "__pycache__" / "csv.cpython-311.pyc").write_bytes(b"compiled")
    assert digest() == first  # compiled files are not smmplan's sources
    module.write_text("SEP = ';'\n", encoding="utf-8")
    edited = digest()
    assert edited != first
    module.touch()  # a checkout that rewrites a file unchanged keeps the caches
    assert digest() == edited
    module.write_text("SEP = ','\n", encoding="utf-8")
    assert digest() == first
    (package / "new.yaml").write_text("a: 1\n", encoding="utf-8")
    assert digest() not in (first, edited)
