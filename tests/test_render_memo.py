"""Reusing rendered texts never changes a plan: only templates whose reads are known reuse."""

from __future__ import annotations

from pathlib import Path

import pytest
from calendars_for_tests import build_every_format, copy_examples, write_repo
from jinja2.sandbox import SandboxedEnvironment
from typer.testing import CliRunner

from smmplan.cache import render_memo
from smmplan.cli import app


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ post.title }} {{ vars.site }}", (("post", "title"),)),
        ("{{ post['date'] }} {{ day.names | join(', ') }}", (("day", "names"), ("post", "date"))),
        (
            "{% if post.status == 'draft' %}{{ calendar.name }}{% endif %}",
            (("calendar", "name"), ("post", "status")),
        ),
        ("plain text", ()),
        ("{{ post }}", None),
        ("{{ post[key] }}", None),
        ("{% set post = 1 %}{{ post }}", None),
        ("{% macro m(post) %}{{ post.title }}{% endmacro %}{{ m(post) }}", None),
        ("{% include 'other.j2' %}", None),
        ("{% from 'm.j2' import x %}{{ x() }}", None),
        ("{{ broken", None),
    ],
)
def test_what_a_template_reads(source: str, expected: object) -> None:
    assert render_memo.find_reads(SandboxedEnvironment(), source) == expected
    assert render_memo.dependencies(SandboxedEnvironment(), source) == expected


def test_examples_build_the_same_with_and_without_reuse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = copy_examples(tmp_path / "repo")
    monkeypatch.chdir(repo)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    reused = build_every_format(repo, "reused")
    monkeypatch.setattr(render_memo, "dependencies", lambda env, source: None)
    fresh = build_every_format(repo, "fresh", "--no-cache")  # renders: no stored schedules
    assert reused == fresh


def test_a_text_that_reads_the_date_differs_every_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_repo(
        tmp_path,
        "smmplan: 1\nname: C\ntimezone: UTC\nperiod: {start: 2026-12-01, end: 2026-12-10}\n"
        "rules: {disable: [W314, W315, W319]}\n"
        "channels:\n  ig:\n    network: instagram\n    slots: [{days: daily, times: ['09:00']}]\n"
        "themes:\n  - {name: Daily, days: daily, text: '{{ post.title }} {{ post.date }}'}\n",
        name="c.yaml",
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["build", "--format", "csv", "-o", "-"])
    assert result.exit_code == 0, result.output
    texts = [line.split(",")[11] for line in result.stdout.splitlines()[1:]]
    assert texts == [f"Daily 2026-12-{day:02d}" for day in range(1, 11)]


@pytest.mark.parametrize(
    "text",
    [
        "Plain text.",
        "Two lines\nand a trailing newline\n",
        "Braces { } and 100% sure",
        "  padded  ",
    ],
)
def test_plain_text_renders_as_jinja_would(tmp_path: Path, text: str) -> None:
    from smmplan.render.renderer import Renderer

    (tmp_path / "templates").mkdir()
    renderer = Renderer(tmp_path, "en")
    assert renderer.render(template=None, text=text, context={}) == (
        renderer.env.from_string(text).render()
    )


def test_file_templates_are_rendered_once_per_distinct_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A weekly rubric's template file is rendered again only when what it reads changes."""
    from collections import Counter

    from smmplan.pipeline import plan
    from smmplan.render.renderer import Renderer

    repo = copy_examples(tmp_path / "repo")
    monkeypatch.chdir(repo)
    asked: Counter[str] = Counter()
    rendered: Counter[str] = Counter()
    render, _render = Renderer.render, Renderer._render

    def counting_render(self: Renderer, *, template: str | None, **kwargs: object) -> str:
        asked[template or "inline"] += 1
        return render(self, template=template, **kwargs)  # type: ignore[arg-type]

    def counting_fresh(self: Renderer, template: str | None, *args: object) -> str:
        rendered[template or "inline"] += 1
        return _render(self, template, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Renderer, "render", counting_render)
    monkeypatch.setattr(Renderer, "_render", counting_fresh)
    assert plan([Path("calendars/casa-cafe.yaml")], None).ok
    files = [name for name in asked if name.endswith(".j2")]
    assert files, "the calendar uses template files"
    assert any(rendered[name] < asked[name] for name in files), (asked, rendered)
    assert all(rendered[name] <= asked[name] for name in asked)


def test_each_value_a_reused_text_is_looked_up_by_is_the_one_its_template_reads() -> None:
    """A reused text is found by the values its template reads, looked up one by one without
    building the context: each must be what the template would read in that context."""
    from datetime import date

    from smmplan.expand.posting import Values
    from smmplan.model import POST_FIELDS, Post

    post = Post(
        **{name: f"<{name}>" for name in POST_FIELDS if name not in ("hashtags", "budget")},
        hashtags=["#a"],
        budget=12.5,
    )
    calendar = {"id": "c", "name": "C", "timezone": "UTC", "language": "es", "vars": {"x": 1}}
    values = Values(post, date(2026, 12, 8), ["Día X"], calendar)
    fresh = render_memo.in_context(values.context())
    names = {
        "post": [*POST_FIELDS, "origin", "nothing"],
        "day": ["date", "weekday", "names", "nothing"],
        "calendar": [*calendar, "nothing"],
        "vars": ["x", "nothing"],
    }
    for obj, attrs in names.items():
        for attr in attrs:
            assert values.lookup(obj, attr) == fresh(obj, attr), (obj, attr)
    assert values.lookup("post", "text") is render_memo.MISSING  # the text is being written
    assert values.lookup("day", "names") == ["Día X"]


def _client(ident: str, text: str) -> str:
    return (
        f"smmplan: 1\nid: {ident}\nname: {ident}\ntimezone: UTC\n"
        "period: {start: 2026-12-01, end: 2026-12-07}\n"
        "rules: {disable: [W314, W315, W319]}\n"
        "channels:\n  ig:\n    network: instagram\n    slots: [{days: daily, times: ['09:00']}]\n"
        f"themes:\n  - {{name: Daily, days: daily, text: '{text}'}}\n"
    )


def test_calendars_of_one_run_share_the_work_on_a_shared_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An agency's clients share their rubric texts: a run compiles each text and finds what it
    reads once, not once per calendar, and each calendar still gets its own values."""
    from smmplan.cache import jinja as jinja_cache
    from smmplan.cache import run_memo
    from smmplan.pipeline import plan

    text = "{{ post.title }} at {{ calendar.name }} on {{ post.weekday }}"
    for n in range(3):
        write_repo(tmp_path, _client(f"client-{n}", text), name=f"client-{n}.yaml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SMMPLAN_CACHE_DIR", str(tmp_path / "cache"))
    run_memo.clear()
    # Both are kept on disk between runs too; what counts is how often a run goes to them.
    buckets, reads = [], []
    get_bucket, stored_reads = jinja_cache._Kept.get_bucket, render_memo._stored_reads

    def counted_bucket(self: object, *args: object) -> object:
        buckets.append(args)
        return get_bucket(self, *args)  # type: ignore[arg-type]

    def counted_reads(env: object, source: str) -> object:
        reads.append(source)
        return stored_reads(env, source)

    monkeypatch.setattr(jinja_cache._Kept, "get_bucket", counted_bucket)
    monkeypatch.setattr(render_memo, "_stored_reads", counted_reads)
    outcome = plan(sorted(Path("calendars").glob("*.yaml")), None)
    assert outcome.ok
    assert [len(item.schedule.posts) for item in outcome.planned] == [7, 7, 7]
    assert [item.schedule.posts[0].text for item in outcome.planned] == [
        f"Daily at client-{n} on Tuesday" for n in range(3)
    ]
    assert len(buckets) == 1 and reads == [text]


def test_an_edited_text_is_worked_out_afresh_in_the_same_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from smmplan.pipeline import plan

    write_repo(tmp_path, _client("a", "{{ post.title }} one"), name="a.yaml")
    write_repo(tmp_path, _client("b", "{{ post.title }} two"), name="b.yaml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SMMPLAN_CACHE_DIR", str(tmp_path / "cache"))
    outcome = plan(sorted(Path("calendars").glob("*.yaml")), None)
    assert [item.schedule.posts[0].text for item in outcome.planned] == ["Daily one", "Daily two"]


def test_calendars_of_one_run_load_a_shared_template_file_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Clients share their template files too: the compiled code of each is read from the disk
    cache once per run, and a file edited between two runs of one process is read afresh."""
    from smmplan.cache import jinja as jinja_cache
    from smmplan.pipeline import plan

    for n in range(3):
        text = _client(f"client-{n}", "unused").replace("text: 'unused'", "template: daily.j2")
        write_repo(tmp_path, text, name=f"client-{n}.yaml")
    (tmp_path / "templates" / "daily.j2").write_text("{{ calendar.name }}: v1", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SMMPLAN_CACHE_DIR", str(tmp_path / "cache"))
    buckets = []
    get_bucket = jinja_cache._Kept.get_bucket

    def counted_bucket(self: object, *args: object) -> object:
        buckets.append(args[1])  # the template's name
        return get_bucket(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja_cache._Kept, "get_bucket", counted_bucket)
    outcome = plan(sorted(Path("calendars").glob("*.yaml")), None)
    assert [item.schedule.posts[0].text for item in outcome.planned] == [
        f"client-{n}: v1" for n in range(3)
    ]
    assert buckets == ["daily.j2"]
    (tmp_path / "templates" / "daily.j2").write_text("{{ calendar.name }}: v2", encoding="utf-8")
    outcome = plan(sorted(Path("calendars").glob("*.yaml")), None)
    assert [item.schedule.posts[0].text for item in outcome.planned] == [
        f"client-{n}: v2" for n in range(3)
    ]
    assert buckets == ["daily.j2", "daily.j2"]
