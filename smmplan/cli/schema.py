"""`smmplan schema`: the JSON Schema of the calendar format, for editors."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from smmplan.cli.base import app, guarded


@app.command()
@guarded
def schema(
    fragment: Annotated[
        bool, typer.Option("--fragment", help="The schema of include fragments (_*.yaml).")
    ] = False,
    markdown: Annotated[
        bool,
        typer.Option("--markdown", help="Every key as Markdown, as in docs/reference.md."),
    ] = False,
) -> int:
    """Print the JSON Schema of the calendar format, for editors and the YAML language server."""
    if markdown:
        from smmplan.load.reference import reference_markdown

        sys.stdout.write(reference_markdown())
        return 0
    from smmplan.load.editor_schema import json_schema_text

    sys.stdout.write(json_schema_text(fragment=fragment))
    return 0
