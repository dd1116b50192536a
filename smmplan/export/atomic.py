"""Writing several output files so that either all of them land or none does."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from smmplan.problems import SmmplanError

T = TypeVar("T")
R = TypeVar("R")


def write_all(files: dict[Path, bytes]) -> None:
    """Write every file through a temporary sibling, then move them all into place.

    When a move fails midway (a folder where a file should go, a read-only file), the files
    already moved are put back as they were.
    """
    staged: list[Staged] = []
    moved: list[Staged] = []
    target = Path()
    try:
        staged, failed = _stage_all(sorted(files.items()))
        if failed is not None:
            target, error = failed
            raise error
        for item in staged:  # renames only: the slow part is done
            target = item.target
            os.replace(item.temporary, item.target)
            moved.append(item)
    except OSError as exc:
        _restore(moved)
        reason = exc.strerror or str(exc)
        raise SmmplanError(f"cannot write {target} ({reason}); earlier files were kept") from None
    except BaseException:
        _restore(moved)
        raise
    finally:
        done = {id(item) for item in moved}
        leftovers = [item.temporary for item in staged if id(item) not in done]
        leftovers += [item.backup for item in staged if item.backup is not None]
        _at_once(lambda path: path.unlink(missing_ok=True), leftovers)


@dataclass(frozen=True)
class Staged:
    """A file's new bytes in a temporary sibling, and the old file under a second name."""

    target: Path
    temporary: Path
    backup: Path | None


def _stage_all(
    files: list[tuple[Path, bytes]],
) -> tuple[list[Staged], tuple[Path, BaseException] | None]:
    """Every file written and synced to a temporary sibling (and the file it replaces kept
    under a second name), several at a time: a sync waits on the disk, and an agency's build
    writes hundreds of files. Also the first file (in order) that could not be staged, with
    why."""
    for folder in sorted({target.parent for target, _ in files}):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return [], (next(t for t, _ in files if t.parent == folder), exc)
    stop = threading.Event()  # after a failure (a full disk, say), stage nothing more

    def stage(item: tuple[Path, bytes]) -> Staged | None:
        if stop.is_set():
            return None
        target, data = item
        try:
            temporary = _stage(target, data)
        except BaseException:
            stop.set()
            raise
        try:
            return Staged(target, temporary, _backup(target))
        except BaseException:
            stop.set()
            temporary.unlink(missing_ok=True)
            raise

    staged: list[Staged] = []
    failed: tuple[Path, BaseException] | None = None
    for (target, _), (result, error) in zip(files, _at_once(stage, files), strict=True):
        if error is not None:
            failed = failed or (target, error)
        elif result is not None:
            staged.append(result)
    return staged, failed


def _at_once(
    work: Callable[[T], R], items: Sequence[T]
) -> list[tuple[R | None, BaseException | None]]:
    """`work` on each item in a few threads (file calls wait on the disk, not the processor):
    each item's result or what it raised, in order."""
    if not items:
        return []
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=min(_SYNCING, len(items))) as pool:
        futures = [pool.submit(work, item) for item in items]
    return [
        (None, error) if (error := future.exception()) else (future.result(), None)
        for future in futures
    ]


_SYNCING = 8  # files written and synced at once


def _temporary(target: Path, suffix: str) -> tuple[int, Path]:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    return handle, Path(name)


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def _stage(target: Path, data: bytes) -> Path:
    handle, temporary = _temporary(target, ".tmp")
    try:
        # mkstemp creates 0600; outputs get the mode any new file would (umask applies).
        os.chmod(temporary, 0o666 & ~_umask())
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _backup(target: Path) -> Path | None:
    """A copy of the file about to be replaced, or None when there is none."""
    if not target.is_file():
        return None
    # A second name for the old file: os.replace gives the target a new file, so the link
    # keeps the old bytes without copying them (and without creating a file first).
    for _ in range(100):
        backup = target.with_name(f".{target.name}.{secrets.token_hex(4)}.bak")
        try:
            os.link(target, backup)
            return backup
        except FileExistsError:
            continue
        except OSError:
            break  # a file system without hard links
    handle, backup = _temporary(target, ".bak")
    os.close(handle)
    shutil.copy2(target, backup)
    return backup


def _restore(moved: list[Staged]) -> None:
    for item in reversed(moved):
        with contextlib.suppress(OSError):  # put back all that can be, whatever failed
            if item.backup is not None:
                os.replace(item.backup, item.target)
            elif item.target.is_file():
                item.target.unlink()
