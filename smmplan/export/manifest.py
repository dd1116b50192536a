"""The files a build wrote, per calendar folder, so that the next build can remove the ones
it no longer writes (another window, format or preset) and never touch any other file."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

# No .json suffix: scripts that glob build/**/*.json must not pick it up.
NAME = ".smmplan-files"


def plan(
    files: dict[Path, bytes], *, keep_stale: bool = False
) -> tuple[dict[Path, bytes], list[Path]]:
    """The manifests to write with `files`, and the files of earlier builds to remove after.

    With `keep_stale` nothing is removed and the manifest keeps listing the old files, so a
    later build without it still removes them.
    """
    folders: dict[Path, set[str]] = {}
    for path in files:
        folders.setdefault(path.parent, set()).add(path.name)
    manifests: dict[Path, bytes] = {}
    stale: list[Path] = []
    for folder, names in sorted(folders.items()):
        gone = sorted(name for name in listed(folder) - names if (folder / name).is_file())
        kept = names | set(gone) if keep_stale else names
        text = json.dumps({"smmplan": 1, "files": sorted(kept)}, indent=2, ensure_ascii=False)
        manifests[folder / NAME] = (text + "\n").encode("utf-8")
        if not keep_stale:
            stale += [folder / name for name in gone]
    return manifests, stale


def listed(folder: Path) -> set[str]:
    """The file names the manifest of `folder` lists; none when it is missing or unreadable."""
    try:
        data = json.loads((folder / NAME).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return set()
    names = data.get("files") if isinstance(data, dict) else None
    # Only plain names in this folder: an edited manifest must not lead anywhere else.
    return {
        name
        for name in names or []
        if isinstance(name, str)
        and name not in ("", ".", "..", NAME)
        and "/" not in name
        and "\\" not in name
    }


def remove(stale: list[Path]) -> list[Path]:
    """Delete the stale files; the ones that could be deleted."""
    removed: list[Path] = []
    for path in stale:
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed
