"""`smmplan build`: expand calendars and write their files."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

import typer

from smmplan.cli.base import (
    FromOpt,
    JobsOpt,
    MonthOpt,
    NoCacheOpt,
    PathsArg,
    ToOpt,
    _files,
    app,
    guarded,
)


class _RegistryHelp(typer.core.TyperCommand):
    """`--help` lists the formats and presets of the registries, plugins' included.

    Filled in only when help is shown, so that no other run imports every exporter.
    """

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from smmplan.export import default_formats, formats
        from smmplan.export.presets import presets

        for param in self.params:
            if param.name == "format":
                choices = ", ".join(formats())
                param.help = (  # type: ignore[attr-defined]
                    f"Comma-separated output formats: {choices} "
                    f"(default: {','.join(default_formats())})."
                )
            if param.name == "preset":
                param.help = (  # type: ignore[attr-defined]
                    f"Scheduler CSV in place of csv: {', '.join(presets())}."
                )
        super().format_help(ctx, formatter)


@app.command(cls=_RegistryHelp)
@guarded
def build(
    paths: PathsArg = None,
    month: MonthOpt = None,
    start: FromOpt = None,
    end: ToOpt = None,
    format: Annotated[
        str | None,
        typer.Option("--format", help="Comma-separated output formats.", show_default=False),
    ] = None,
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("build"),
    output: Annotated[
        str | None, typer.Option("-o", "--output", help="One output file, or - for stdout.")
    ] = None,
    channel: Annotated[
        list[str] | None, typer.Option("--channel", help="Only these channels.")
    ] = None,
    status: Annotated[
        list[str] | None, typer.Option("--status", help="Only these statuses.")
    ] = None,
    csv_safe: Annotated[
        bool, typer.Option("--csv-safe/--no-csv-safe", help="Neutralise spreadsheet formulas.")
    ] = True,
    csv_bom: Annotated[bool, typer.Option("--csv-bom", help="Write a BOM for Excel.")] = False,
    md_template: Annotated[
        Path | None, typer.Option("--md-template", help="Jinja file for the Markdown plan.")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Let -o replace a file smmplan did not write.")
    ] = False,
    preset: Annotated[
        str | None,
        typer.Option(
            "--preset",
            help="Scheduler CSV in place of csv.",
        ),
    ] = None,
    keep_stale: Annotated[
        bool,
        typer.Option(
            "--keep-stale", help="Keep files an earlier build wrote and this one does not."
        ),
    ] = False,
    no_cache: NoCacheOpt = False,
    jobs: JobsOpt = None,
) -> int:
    """Expand calendars into dated schedules and export them."""
    from smmplan import clock
    from smmplan.export import files as outputs
    from smmplan.pipeline import dtstamp_from, parse_window
    from smmplan.workers import job_count

    request = outputs.Request(
        formats=outputs.parse_formats(format),
        out_dir=out,
        output=output,
        channels=tuple(channel or ()),
        statuses=tuple(status or ()),
        csv_safe=csv_safe,
        csv_bom=csv_bom,
        md_template=md_template,
        force=force,
        dtstamp=dtstamp_from(os.environ.get("SOURCE_DATE_EPOCH")),
        preset=outputs.parse_preset(preset),
        today=clock.today() if preset else None,
    )
    window = parse_window(month, start, end)
    workers = job_count(jobs)
    files = _files(paths)
    from smmplan.cli import building as terminal

    return terminal.run_build(
        files, window, request, reuse=not no_cache, keep_stale=keep_stale, jobs=workers
    )
