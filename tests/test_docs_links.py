"""Every link a reader follows in README.md and docs/ leads to a page, and a heading, that exist."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]
# What GitHub drops from a heading's text when it makes the heading's anchor.
_NOT_IN_ANCHOR = re.compile(r"[^\w\- ]")


@cache
def _tokens(page: Path) -> list[Token]:
    return MarkdownIt("commonmark").parse(page.read_text(encoding="utf-8"))


def _links(page: Path) -> list[str]:
    """The targets of the page's links and images, outside code blocks and code spans."""
    found = []
    for block in _tokens(page):
        for token in block.children or []:
            target = token.attrs.get("href") or token.attrs.get("src")
            if token.type in ("link_open", "image") and isinstance(target, str):
                found.append(target)
    return found


@cache
def _anchors(page: Path) -> frozenset[str]:
    """The anchors GitHub gives the page's headings: lowercase words joined by '-'."""
    tokens = _tokens(page)
    seen: Counter[str] = Counter()
    anchors = set()
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        text = "".join(child.content for child in tokens[index + 1].children or [])
        slug = _NOT_IN_ANCHOR.sub("", text.strip().lower()).replace(" ", "-")
        anchors.add(f"{slug}-{seen[slug]}" if seen[slug] else slug)
        seen[slug] += 1
    return frozenset(anchors)


def _broken(page: Path, target: str) -> str | None:
    """Why a relative link does not lead anywhere, or None when it does."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None  # a web address: not this repo's to check
    file = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    if not file.exists():
        return "no such file"
    if parts.fragment and file.suffix == ".md" and parts.fragment not in _anchors(file):
        return f"no heading with the anchor #{parts.fragment} in {file.name}"
    return None


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_leads_to_a_file_and_heading_that_exist(page: Path) -> None:
    broken = [
        f"{target}: {why}" for target in _links(page) if (why := _broken(page, target)) is not None
    ]
    assert broken == [], f"broken links in {page.relative_to(ROOT)}"


def test_the_readme_lists_every_page_of_the_documentation() -> None:
    linked = {(ROOT / urlsplit(target).path).resolve() for target in _links(ROOT / "README.md")}
    missing = [page.name for page in sorted(DOCS.glob("*.md")) if page.resolve() not in linked]
    assert missing == [], "pages of docs/ that README.md does not link"


def test_a_link_to_a_missing_heading_is_found(tmp_path: Path) -> None:
    # The check itself must notice a broken anchor, or every test above passes vacuously.
    page = tmp_path / "page.md"
    page.write_text("# Outputs\n\n## The `csv` files\n\n[a](#the-csv-files) [b](#nowhere)\n")
    assert _links(page) == ["#the-csv-files", "#nowhere"]
    assert _broken(page, "#the-csv-files") is None
    assert _broken(page, "#nowhere") is not None
    assert _broken(page, "other.md") == "no such file"
