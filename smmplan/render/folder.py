"""The one folder post templates are loaded from: a Jinja loader that keeps them inside it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, TemplateNotFound

from smmplan.cache import inputs

MAX_TEMPLATE_BYTES = 256 * 1024  # one template file


class TemplatesFolder(BaseLoader):
    """Loads templates only from one folder: no '..', no absolute paths, no symlinks out."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()
        self.sources: dict[str, str] = {}  # what get_source read, by template name

    def locate(self, name: str) -> Path:
        parts = name.replace("\\", "/").split("/")
        if name.startswith("/") or any(p in ("", ".", "..") for p in parts):
            raise TemplateNotFound(name, "give a path inside templates/, without '..'")
        try:
            target = (self.folder / Path(*parts)).resolve()
            found = inputs.is_file(target)
        except (OSError, ValueError) as exc:  # a name too long for the file system, a loop
            raise TemplateNotFound(name[:80], f"cannot open it: {type(exc).__name__}") from None
        if not target.is_relative_to(self.folder):
            raise TemplateNotFound(name, "it leads outside templates/")
        if not found:
            raise TemplateNotFound(name)
        return target

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        target = self.locate(template)
        if target.stat().st_size > MAX_TEMPLATE_BYTES:
            raise TemplateNotFound(template, f"it is larger than {MAX_TEMPLATE_BYTES // 1024} KiB")
        try:
            data = inputs.read_bytes(target)
            # Line ends as reading in text mode gives them.
            text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
        except OSError as exc:
            raise TemplateNotFound(template, f"cannot read it: {exc}") from None
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            bad = f"byte 0x{data[exc.start]:02x} on its line {line}"
            raise TemplateNotFound(template, f"it is not UTF-8 ({bad}); save it as UTF-8") from None
        self.sources[template] = text
        mtime = target.stat().st_mtime
        return text, str(target), lambda: target.stat().st_mtime == mtime
