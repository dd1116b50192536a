"""Writing several output files so that either all of them land or none does."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import tempfile
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from smmplan.problems import SmmplanError


def write_all(files: dict[Path, bytes]) -> None:
    """Write every file through a temporary sibling, then move them all into place.

    When a move fails midway (a folder where a file should go, a read-only file), the files
    already moved are put back as they were.
    """
    with Writer() as writer:
        writer.stage(files)
        writer.commit()


class Writer:
    """Files staged as they are made, moved into place all together by `commit()`.

    Staging (writing and syncing a temporary sibling, keeping the file it replaces under a
    second name) runs in a few threads while the build goes on: a sync waits on the disk, and
    an agency's build writes hundreds of files. Leaving the `with` block without a commit
    removes everything staged; nothing the user has is touched before the commit.
    """

    def __init__(self) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self._pool = ThreadPoolExecutor(max_workers=_SYNCING)
        self._pending: list[tuple[Path, Future[Staged | None]]] = []
        self._folders: set[Path] = set()
        self._made_folders: list[Path] = []  # the folders staging created, parents first
        self._stop = threading.Event()  # after a failure (a full disk, say), stage no more
        self._mode = 0o666 & ~_umask()  # the umask is the process's: read here, not in threads
        self._committed = False

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        if not self._committed:
            self._stop.set()  # what is still queued is not written at all
            self._clean(self._wait(), [])
            for folder in reversed(self._made_folders):  # a build that stops leaves no folder
                with contextlib.suppress(OSError):
                    folder.rmdir()

    def stage(self, files: dict[Path, bytes]) -> None:
        for target, data in files.items():
            if target.parent not in self._folders:
                try:
                    self._made_folders += _make_folders(target.parent)
                except OSError as exc:
                    self._stop.set()
                    self._pending.append((target, _failed(exc)))
                    continue
                self._folders.add(target.parent)
            self._pending.append((target, self._pool.submit(self._stage, target, data)))

    def commit(self) -> None:
        """Move every staged file into place, or raise with every file as it was."""
        self._committed = True
        staged = self._wait()
        moved: list[Staged] = []
        failed = next(
            ((t, f.exception()) for t, f in sorted(self._pending, key=_by_target) if f.exception()),
            None,
        )
        target = failed[0] if failed else Path()
        try:
            if failed is not None:
                raise failed[1]  # type: ignore[misc]
            for item in staged:  # renames only: the slow part is done
                target = item.target
                os.replace(item.temporary, item.target)
                moved.append(item)
        except OSError as exc:
            _restore(moved)
            reason = exc.strerror or str(exc)
            message = f"cannot write {target} ({reason}); earlier files were kept"
            raise SmmplanError(message) from None
        except BaseException:
            _restore(moved)
            raise
        finally:
            self._clean(staged, moved)

    def _stage(self, target: Path, data: bytes) -> Staged | None:
        if self._stop.is_set():
            return None
        try:
            temporary = _stage(target, data, self._mode)
        except BaseException:
            self._stop.set()
            raise
        try:
            return Staged(target, temporary, _backup(target))
        except BaseException:
            self._stop.set()
            temporary.unlink(missing_ok=True)
            raise

    def _wait(self) -> list[Staged]:
        """Everything staged so far, in the order of the targets' paths."""
        self._pool.shutdown(wait=True)
        found = [(t, f.result()) for t, f in self._pending if f.exception() is None]
        return [item for _, item in sorted(found, key=_by_target) if item is not None]

    def _clean(self, staged: list[Staged], moved: list[Staged]) -> None:
        done = {id(item) for item in moved}
        leftovers = [item.temporary for item in staged if id(item) not in done]
        leftovers += [item.backup for item in staged if item.backup is not None]
        if len(leftovers) < _SYNCING:
            for path in leftovers:
                path.unlink(missing_ok=True)
            return
        from concurrent.futures import ThreadPoolExecutor

        # Each removal waits on the disk's journal, as a sync does: several at a time.
        with ThreadPoolExecutor(max_workers=_SYNCING) as pool:
            list(pool.map(lambda path: path.unlink(missing_ok=True), leftovers))


@dataclass(frozen=True)
class Staged:
    """A file's new bytes in a temporary sibling, and the old file under a second name."""

    target: Path
    temporary: Path
    backup: Path | None


def _make_folders(folder: Path) -> list[Path]:
    """Create `folder` and its missing parents; the ones created, parents first."""
    missing = []
    while not folder.is_dir() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for each in reversed(missing):
        each.mkdir(exist_ok=True)
    return missing[::-1]


def _by_target(pair: tuple[Path, object]) -> Path:
    return pair[0]


def _failed(exc: BaseException) -> Future[Staged | None]:
    future: Future[Staged | None] = Future()
    future.set_exception(exc)
    return future


_SYNCING = 8  # files written and synced at once


def _temporary(target: Path, suffix: str) -> tuple[int, Path]:
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    return handle, Path(name)


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def _stage(target: Path, data: bytes, mode: int) -> Path:
    handle, temporary = _temporary(target, ".tmp")
    try:
        # mkstemp creates 0600; outputs get the mode any new file would (umask applies).
        os.chmod(temporary, mode)
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
