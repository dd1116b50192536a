"""Two versions of the calendars laid out as folders: a git revision, a folder, the work tree.

A revision is read with `git archive` into a temporary folder, so its includes, templates and
fragments are the revision's own, and the working tree is never touched.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from smmplan.problems import UsageError

WORK_TREE = "working tree"


@dataclass(frozen=True)
class Version:
    """One side of a diff: what the user called it, and the folder that stands for the
    current folder in it (paths the user gives are read relative to it)."""

    label: str
    root: Path


def split_arguments(args: list[str], cwd: Path) -> tuple[list[str], list[str]]:
    """OLD and NEW (git revisions, or folders holding a calendars/ folder) first, then PATHs.

    A name that is both a revision and a file in the current folder is read as a PATH.
    """
    versions: list[str] = []
    for arg in args:
        if len(versions) == 2 or not _names_a_version(arg, cwd):
            break
        versions.append(arg)
    return versions, args[len(versions) :]


def _names_a_version(arg: str, cwd: Path) -> bool:
    folder = cwd / arg
    if folder.is_dir():
        return (folder / "calendars").is_dir()
    return (
        not folder.exists()
        and _git(cwd, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{arg}^{{commit}}")
        is not None
    )


@contextmanager
def versions(old: str | None, new: str | None, cwd: Path) -> Iterator[tuple[Version, Version]]:
    """OLD (default HEAD) and NEW (default the working tree) as folders, removed afterwards."""
    with ExitStack() as stack:
        first = _version(old or "HEAD", cwd, stack)
        second = _version(new, cwd, stack) if new else Version(WORK_TREE, cwd)
        yield first, second


def _version(spec: str, cwd: Path, stack: ExitStack) -> Version:
    folder = cwd / spec
    if folder.is_dir():
        return Version(spec, folder.resolve())
    top = _git(cwd, "rev-parse", "--show-toplevel")
    if top is None:
        raise UsageError(
            f"'{spec}' is not a folder, and {cwd} is not in a git repository; "
            "give OLD and NEW as folders, or run smmplan diff inside the calendars' repository"
        )
    commit = _git(cwd, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{spec}^{{commit}}")
    if commit is None:
        raise UsageError(
            f"unknown revision or folder '{spec}'; give a branch, tag or commit "
            "(e.g. main, HEAD~1) or a folder"
        )
    import tempfile

    tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="smmplan-diff-")))
    _extract(cwd, commit, tmp)
    prefix = _git(cwd, "rev-parse", "--show-prefix") or ""
    return Version(spec, tmp / prefix)


def _extract(cwd: Path, commit: str, into: Path) -> None:
    done = subprocess.run(
        ["git", "archive", "--format=tar", commit], cwd=cwd, capture_output=True, check=False
    )
    if done.returncode != 0:
        raise UsageError(f"git archive {commit[:12]} failed: {done.stderr.decode().strip()}")
    with tarfile.open(fileobj=io.BytesIO(done.stdout)) as archive:
        archive.extractall(into, filter="data")


def relative_paths(paths: list[str], cwd: Path) -> list[PurePosixPath]:
    """The PATHs the user gave, relative to the current folder (default calendars/)."""
    found = []
    for given in paths or ["calendars"]:
        path = (cwd / given).resolve()
        try:
            found.append(PurePosixPath(path.relative_to(cwd.resolve()).as_posix()))
        except ValueError:
            raise UsageError(
                f"{given}: outside the current folder; give a path inside it"
            ) from None
    return found


def uncommitted(cwd: Path, paths: list[PurePosixPath]) -> bool:
    """Whether the working tree has changes under `paths` that neither revision holds."""
    status = _git(cwd, "status", "--porcelain", "--", *map(str, paths))
    return bool(status)


def _git(cwd: Path, *args: str) -> str | None:
    """git's output, or None when git fails or is not installed."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except OSError:
        return None
    return done.stdout.strip() if done.returncode == 0 else None
