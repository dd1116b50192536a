"""`smmplan cache info` and `smmplan cache clear` (registered on cli.app)."""

from __future__ import annotations

import typer

from smmplan.cli.base import app, guarded

cache_app = typer.Typer(
    no_args_is_help=True,
    help="Show or empty the cache of checked calendars, exported files and compiled templates.",
)
app.add_typer(cache_app, name="cache")


def _size(count: int) -> str:
    from rich.filesize import decimal

    return decimal(count)


@cache_app.command()
@guarded
def info() -> int:
    """Where the cache is, how big it is, and how many entries of each kind it holds."""
    from smmplan.cache import store

    found = store.summary()
    typer.echo(f"location: {found.location}")
    typer.echo(f"size: {_size(found.size)} in {sum(found.entries.values())} entries")
    width = max(len(kind) for kind in found.entries)
    for kind, count in found.entries.items():
        about = store.KINDS.get(kind, "left by an older smmplan")
        typer.echo(f"  {kind:<{width}}  {count:>6}  {about}")
    return 0


@cache_app.command()
@guarded
def clear() -> int:
    """Remove every entry smmplan keeps in its cache; the next run checks everything again."""
    from smmplan.cache import store

    removed = store.clear()
    count = sum(removed.entries.values())
    typer.echo(f"removed {count} entries ({_size(removed.size)}) from {removed.location}")
    return 0


__all__ = ["clear", "info"]
