"""Writing several output files so that either all of them land or none does."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from smmplan.problems import SmmplanError


def write_all(files: dict[Path, bytes]) -> None:
    """Write every file through a temporary sibling, then move them all into place.

    When a move fails midway (a folder where a file should go, a read-only file), the files
    already moved are put back as they were.
    """
    staged: list[tuple[Path, Path]] = []
    backups: list[tuple[Path, Path | None]] = []
    target = Path()
    try:
        for target, data in sorted(files.items()):
            staged.append((_stage(target, data), target))
        for temporary, target in staged:
            backups.append((target, _backup(target)))
            os.replace(temporary, target)
    except OSError as exc:
        _restore(backups)
        reason = exc.strerror or str(exc)
        raise SmmplanError(f"cannot write {target} ({reason}); earlier files were kept") from None
    except BaseException:
        _restore(backups)
        raise
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        for _, backup in backups:
            if backup is not None:
                backup.unlink(missing_ok=True)


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
