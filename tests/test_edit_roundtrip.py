"""Edits of a user's calendar keep every byte they do not change, or change nothing at all."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from smmplan.edit.roundtrip import Document, EditError

CALENDAR = """\
smmplan: 1   # format version
name: "Casa Café"
channels:
  ig: {network: instagram}   # the shop's account

posts:
  - id: launch   # the big one
    date: 2027-03-01
    text: |
      Our spring blend is here.

  # a quiet week after the launch
  - {id: recap, date: 2027-03-08, status: draft}
ideas:
  - id: latte-art
    title: 'Latte art'
rules: {disable: [W320]}
"""


def write(tmp_path: Path, text: str = CALENDAR, name: str = "cal.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_setting_keys_changes_only_their_lines(tmp_path: Path) -> None:
    path = write(tmp_path)
    doc = Document.read(path)
    doc.set_keys(
        ("posts", 0), {"status": "approved", "approved": {"by": "Ana", "digest": "c0ffee"}}
    )
    doc.write()

    expected = CALENDAR.replace(
        "      Our spring blend is here.\n",
        "      Our spring blend is here.\n"
        "    status: approved\n"
        "    approved: {by: Ana, digest: c0ffee}\n",
    )
    assert path.read_text(encoding="utf-8") == expected


def test_a_value_is_replaced_in_place_even_inside_an_inline_mapping(tmp_path: Path) -> None:
    path = write(tmp_path)
    doc = Document.read(path)
    doc.set_keys(("posts", 1), {"status": "approved", "time": "10:30"})
    doc.write()

    assert path.read_text(encoding="utf-8") == CALENDAR.replace(
        "{id: recap, date: 2027-03-08, status: draft}",
        "{id: recap, date: 2027-03-08, status: approved, time: '10:30'}",
    )


def test_an_appended_post_follows_the_last_one_in_the_same_indentation(tmp_path: Path) -> None:
    path = write(tmp_path)
    doc = Document.read(path)
    post = {"id": "menu", "date": date(2027, 3, 12), "time": "09:30", "text": "New: menu #x"}
    doc.append_item(("posts",), {**post, "hashtags": ["#menu", "#spring"]})
    doc.write()

    assert path.read_text(encoding="utf-8") == CALENDAR.replace(
        "  - {id: recap, date: 2027-03-08, status: draft}\n",
        "  - {id: recap, date: 2027-03-08, status: draft}\n"
        "  - id: menu\n"
        "    date: 2027-03-12\n"
        "    time: '09:30'\n"
        "    text: 'New: menu #x'\n"
        "    hashtags: ['#menu', '#spring']\n",
    )


def test_a_missing_list_is_added_at_the_end(tmp_path: Path) -> None:
    path = write(tmp_path)
    doc = Document.read(path)
    doc.append_item(("campaigns",), {"id": "spring"})
    doc.write()

    assert path.read_text(encoding="utf-8") == CALENDAR + "campaigns:\n  - id: spring\n"


def test_an_empty_list_key_gets_its_first_item(tmp_path: Path) -> None:
    path = write(tmp_path, "name: x\nposts:\nrules: {}\n")
    doc = Document.read(path)
    doc.append_item(("posts",), {"id": "a"})

    assert doc.text == "name: x\nposts:\n  - id: a\nrules: {}\n"


def test_removing_the_only_item_leaves_an_empty_list(tmp_path: Path) -> None:
    path = write(tmp_path)
    doc = Document.read(path)
    doc.remove_item(("ideas",), 0)

    assert doc.text == CALENDAR.replace(
        "ideas:\n  - id: latte-art\n    title: 'Latte art'\n", "ideas: []\n"
    )


def test_removing_one_item_of_several_keeps_the_others_byte_for_byte(tmp_path: Path) -> None:
    text = "ideas:\n  - id: a   # keep\n  - id: b\n    title: B\n  - id: c\n"
    doc = Document.read(write(tmp_path, text))
    doc.remove_item(("ideas",), 1)

    assert doc.text == "ideas:\n  - id: a   # keep\n  - id: c\n"


def test_windows_line_ends_and_a_byte_order_mark_are_kept(tmp_path: Path) -> None:
    text = "\ufeffname: x\r\nposts:\r\n  - id: a # one\r\n"
    path = write(tmp_path, text)
    doc = Document.read(path)
    doc.append_item(("posts",), {"id": "b"})
    doc.write()

    assert (
        path.read_bytes()
        == ("\ufeffname: x\r\nposts:\r\n  - id: a # one\r\n  - id: b\r\n").encode()
    )


@pytest.mark.parametrize(
    "text,edit",
    [
        # a multi-line value cannot be replaced by one line without losing its layout
        (
            "posts:\n  - id: a\n    hashtags:\n      - '#x'\n",
            lambda d: d.set_keys(("posts", 0), {"hashtags": ["#y"]}),
        ),
        # not a list
        ("posts: 3\n", lambda d: d.append_item(("posts",), {"id": "a"})),
        # `posts:` followed by a comment on its line
        ("posts:   # none yet\nname: x\n", lambda d: d.append_item(("posts",), {"id": "a"})),
    ],
)
def test_an_edit_it_cannot_make_safely_changes_nothing(tmp_path: Path, text: str, edit) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, text)
    doc = Document.read(path)
    with pytest.raises(EditError):
        edit(doc)
    assert path.read_text(encoding="utf-8") == text


def test_every_edit_reads_back_as_the_data_it_meant(tmp_path: Path) -> None:
    doc = Document.read(write(tmp_path))
    doc.append_item(("posts",), {"id": "x", "text": "yes", "title": "on", "n": "10:30"})
    doc.set_keys(("rules",), {"disable": ["W320", "W314"]})

    data = yaml.safe_load(doc.text)
    assert data["posts"][-1] == {"id": "x", "text": "yes", "title": "on", "n": "10:30"}
    assert data["rules"] == {"disable": ["W320", "W314"]}
