"""Writing several output files so that either all of them land or none does."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def write_all(files: dict[Path, bytes]) -> None:
    """Write every file through a temporary sibling, then move them all into place."""
    staged: list[tuple[Path, Path]] = []
    try:
        for target, data in sorted(files.items()):
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(
                prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
            )
            staged.append((Path(name), target))
            # mkstemp creates 0600; outputs get the mode any new file would (umask applies).
            os.chmod(name, 0o666 & ~_umask())
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
        for temporary, target in staged:
            os.replace(temporary, target)
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
