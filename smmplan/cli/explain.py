"""`smmplan explain CODE`: what a problem code means, a wrong and a right example, the fix."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from smmplan.cli.base import app, guarded
from smmplan.problems import SmmplanError

if TYPE_CHECKING:
    from smmplan.explain import Explanation


@app.command()
@guarded
def explain(
    code: Annotated[str, typer.Argument(help="A problem code, e.g. E204 (any case).")],
) -> int:
    """Explain a problem code: what it means, a wrong and a right example, how to fix it."""
    from smmplan.explain import explain as find
    from smmplan.explain import explanations

    found = find(code)
    if found is None:
        known = ", ".join(sorted(explanations()))
        raise SmmplanError(f"unknown code {code!r}; smmplan's codes are {known}")
    if not sys.stdout.isatty():
        sys.stdout.write(found.as_text())
        return 0
    _show(found)
    return 0


def _show(found: Explanation) -> None:
    """In a terminal: the title in bold and the examples highlighted as YAML."""
    from rich.console import Console
    from rich.markdown import Markdown

    console = Console(highlight=False)
    console.print(f"[bold]{found.code}[/bold] {found.title}")
    console.print(Markdown(found.as_markdown().split("\n\n", 1)[1]))
