"""Writing several output files so that either all of them land or none does."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import tempfile
import threading
from pathlib import Path

from smmplan.problems import SmmplanError


def write_all(files: dict[Path, bytes]) -> None:
    """Write every file through a temporary sibling, then move them all into place.

    When a move fails midway (a folder where a file should go, a read-only file), the files
    already moved are put back as they were.
    """
    staged: list[tuple[Path, Path]] = []
    backups: list[tuple[Path, Path | None]] = []
    moved: set[Path] = set()
    target = Path()
    try:
        staged, failed = _stage_all(sorted(files.items()))
        if failed is not None:
            target, error = failed
            raise error
        for temporary, target in staged:
            backups.append((target, _backup(target)))
            os.replace(temporary, target)
            moved.add(temporary)
    except OSError as exc:
        _restore(backups)
        reason = exc.strerror or str(exc)
        raise SmmplanError(f"cannot write {target} ({reason}); earlier files were kept") from None
    except BaseException:
        _restore(backups)
        raise
    finally:
        for temporary, _ in staged:
            if temporary not in moved:
                temporary.unlink(missing_ok=True)
        for _, backup in backups:
            if backup is not None:
                backup.unlink(missing_ok=True)


def _stage_all(
    files: list[tuple[Path, bytes]],
) -> tuple[list[tuple[Path, Path]], tuple[Path, BaseException] | None]:
    """Every file written and synced to a temporary sibling, several at a time: a sync waits
    on the disk, and an agency's build writes hundreds of files. Also the first file (in
    order) that could not be staged, with why."""
    from concurrent.futures import ThreadPoolExecutor

    for folder in sorted({target.parent for target, _ in files}):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return [], (next(t for t, _ in files if t.parent == folder), exc)
    stop = threading.Event()  # after a failure (a full disk, say), stage nothing more

    def stage(target: Path, data: bytes) -> Path | None:
        if stop.is_set():
            return None
        try:
            return _stage(target, data)
        except BaseException:
            stop.set()
            raise

    with ThreadPoolExecutor(max_workers=min(_SYNCING, len(files) or 1)) as pool:
        futures = [(target, pool.submit(stage, target, data)) for target, data in files]
    staged: list[tuple[Path, Path]] = []
    failed: tuple[Path, BaseException] | None = None
    for target, future in futures:
        error = future.exception()
        if error is None:
            if (temporary := future.result()) is not None:
                staged.append((temporary, target))
        elif failed is None:
            failed = (target, error)
    return staged, failed


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


def _restore(backups: list[tuple[Path, Path | None]]) -> None:
    for target, backup in reversed(backups):
        with contextlib.suppress(OSError):  # put back all that can be, whatever failed
            if backup is not None:
                os.replace(backup, target)
            elif target.is_file():
                target.unlink()
