"""Post text from Jinja templates, in a sandbox confined to the repo's templates/ folder."""

from __future__ import annotations

import functools
import re
import string
import time as clock
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import regex
from jinja2 import BaseLoader, StrictUndefined, TemplateNotFound, TemplateSyntaxError, nodes
from jinja2.compiler import CodeGenerator
from jinja2.exceptions import SecurityError, TemplateError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from smmplan.cache import inputs
from smmplan.cache import jinja as jinja_cache

MAX_OUTPUT = 100_000  # characters of one rendered post
MAX_LOOP = 200_000  # range() items over one render
MAX_SECONDS = 2.0  # wall-clock time of one render
MAX_INT_ARG = 100_000  # integer arguments to calls and operands of * and **
MAX_TEMPLATE_BYTES = 256 * 1024  # one template file
MAX_BUILT = 1_000_000  # characters built by all steps of one render, kept or not
_JINJA_SYNTAX = re.compile(r"\{[{%#]")
_GRAPHEME = regex.compile(r"\X")
_HASHTAG_IN_TEXT = regex.compile(r"#[\p{L}\p{M}\p{N}_]+")
_PRINTF_FIELD = re.compile(r"%(?:\([^)]*\))?[#0 +\-]*(\d*|\*)(?:\.(\d*|\*))?")
_DIGITS = re.compile(r"\d+")


class RenderError(Exception):
    """A template that cannot be loaded or rendered; `line` is 1-based in the template."""

    def __init__(
        self,
        message: str,
        *,
        template: str | None,
        line: int,
        limit: bool = False,
        syntax: bool = False,
        not_found: bool = False,
    ) -> None:
        super().__init__(message)
        self.template = template
        self.line = line
        self.limit = limit
        self.syntax = syntax
        self.not_found = not_found


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
            # Line ends as reading in text mode gives them.
            text = inputs.read_bytes(target).decode("utf-8")
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        except (OSError, UnicodeDecodeError) as exc:
            raise TemplateNotFound(template, f"cannot read it: {exc}") from None
        self.sources[template] = text
        mtime = target.stat().st_mtime
        return text, str(target), lambda: target.stat().st_mtime == mtime


class _Budget:
    """Steps (loop items, calls, filters) and characters built during one render."""

    def __init__(self) -> None:
        self.deadline = clock.monotonic() + MAX_SECONDS
        self.loops = 0
        self.built = 0

    def tick(self, count: int = 1) -> None:
        self.loops += count
        if self.loops > MAX_LOOP:
            raise SecurityError(f"loops and calls ran over {MAX_LOOP} steps")
        if clock.monotonic() > self.deadline:
            raise SecurityError(f"rendering took longer than {MAX_SECONDS:g} s")

    def grow(self, size: int) -> None:
        """Count text a step is about to make; too much stops the render before it is made."""
        self.built += size
        if size > MAX_OUTPUT or self.built > MAX_BUILT:
            raise SecurityError(f"the template built more than {MAX_BUILT} characters")

    def build(self, value: Any) -> Any:
        """Count the text (or list) a step made."""
        self.grow(_size(value))
        return value


def _size(value: Any) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, list | tuple):
        return sum(len(item) if isinstance(item, str) else 1 for item in value)
    return 0


def _format_widths(template: str, printf: bool) -> int:
    """The sum of the field widths and precisions a format string asks for."""
    if printf:
        fields = _PRINTF_FIELD.finditer(template)
        return sum(int(n) for f in fields for n in f.groups() if n and n.isdigit())
    specs = [spec for _, _, spec, _ in string.Formatter().parse(template) if spec]
    return sum(int(n) for spec in specs for n in _DIGITS.findall(spec))


def _grown_size(method: str, text: str, args: tuple[Any, ...]) -> int:
    """How long the result of a string method that can multiply its input may get."""
    if method in ("format", "format_map"):
        return _format_widths(text, printf=False)
    if method == "expandtabs":
        return len(text) + text.count("\t") * int(args[0] if args else 8)
    if method == "replace" and len(args) >= 2:
        return len(text) + (text.count(str(args[0])) + 1) * len(str(args[1]))
    if method == "indent":
        width = args[0] if args else 4
        per_line = width if isinstance(width, int) else len(str(width))
        return len(text) + (text.count("\n") + 1) * per_line
    return 0


class _BoundedLoops(CodeGenerator):
    """Jinja's code generator with loop items and every output counted by the budget."""

    def visit_Template(self, node: nodes.Template, frame: Any = None) -> None:
        for loop in node.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, "_steps", [], [], None, None, lineno=loop.lineno)
        super().visit_Template(node, frame)

    def _output_child_to_const(self, node: nodes.Expr, frame: Any, finalize: Any) -> str:
        # Literal text too goes through `finalize` at run time, so a loop of it is counted.
        raise nodes.Impossible()

    def visit_Concat(self, node: nodes.Concat, frame: Any) -> None:
        self.write("environment.join_counted((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's sandbox (lists and dicts read-only) with every way to build big text bounded."""

    intercepted_binops = frozenset(["*", "**", "%"])
    code_generator_class = _BoundedLoops

    def __init__(self, **options: Any) -> None:
        super().__init__(finalize=self._finalize, **options)
        self.budget = _Budget()
        self.filters.pop("random", None)  # outputs are deterministic
        self.filters = {name: self.guarded(name, f) for name, f in self.filters.items()}
        self.filters["_steps"] = self._steps

    def _finalize(self, value: Any) -> Any:
        self.budget.grow(len(str(value)))
        return value

    def _steps(self, items: Any) -> Iterator[Any]:
        for item in items:
            self.budget.tick()
            yield item

    def join_counted(self, parts: tuple[Any, ...]) -> str:
        """The `~` operator, counted."""
        texts = [str(part) for part in parts]
        self.budget.grow(sum(len(text) for text in texts))
        return "".join(texts)

    def guarded(self, name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        """The filter `func` with its numbers, steps and the text it makes counted."""

        @functools.wraps(func)
        def run(*args: Any, **kwargs: Any) -> Any:
            self._check_numbers(args, kwargs)
            self.budget.tick()
            if name == "join" and len(args) > 1:  # (eval_ctx, value, d="", attribute=None)
                args = (args[0], list(args[1]), *args[2:])
                self._check_join(args[1], args[2] if len(args) > 2 else kwargs.get("d", ""))
            texts = [a for a in args if isinstance(a, str | int)]
            if name in ("indent", "replace", "format") and texts and isinstance(texts[0], str):
                method = "format_printf" if name == "format" else name
                self.budget.grow(self._grown(method, texts[0], tuple(texts[1:])))
            return self.budget.build(func(*args, **kwargs))

        return run

    def _grown(self, method: str, text: str, args: tuple[Any, ...]) -> int:
        if method == "format_printf":
            return _format_widths(text, printf=True)
        return _grown_size(method, text, args)

    def _check_join(self, items: Any, separator: Any) -> None:
        if isinstance(items, list | tuple):
            count = len(items)
            self.budget.grow(_size(items) + max(count - 1, 0) * len(str(separator)))

    @staticmethod
    def _check_numbers(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        for value in (*args, *kwargs.values()):
            if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INT_ARG:
                raise SecurityError(f"number {value} is too large")

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        for operand in (left, right):
            if isinstance(operand, int) and abs(operand) > MAX_INT_ARG:
                raise SecurityError(f"number {operand} is too large for '{operator}'")
        if operator == "**" and isinstance(right, int) and right > 64:
            raise SecurityError("exponent too large")
        if operator == "*" and isinstance(right, int) and not isinstance(left, int):
            self.budget.grow(_size(left) * right)
        if operator == "*" and isinstance(left, int) and not isinstance(right, int):
            self.budget.grow(_size(right) * left)
        if operator == "%" and isinstance(left, str):
            self.budget.grow(_format_widths(left, printf=True))
            values = right if isinstance(right, tuple) else (right,)
            self._check_numbers(values, right if isinstance(right, dict) else {})
        return self.budget.build(super().call_binop(context, operator, left, right))

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        self._check_numbers(args, kwargs)
        self.budget.tick()
        # The sandbox hands out str.format wrapped; the string is on the wrapped method.
        bound = getattr(__obj, "__wrapped__", __obj)
        owner = getattr(bound, "__self__", None)
        if isinstance(owner, str):
            method = getattr(bound, "__name__", "")
            if method == "join" and args:
                args = (list(args[0]), *args[1:])
                self._check_join(args[0], owner)
            self.budget.grow(_grown_size(method, owner, args))
        return self.budget.build(super().call(__context, __obj, *args, **kwargs))


def truncate_graphemes(text: str, length: int, end: str = "…") -> str:
    """Cut text to `length` user-perceived characters, keeping emoji and accents whole."""
    clusters = _GRAPHEME.findall(str(text))
    if len(clusters) <= length:
        return str(text)
    keep = max(length - len(_GRAPHEME.findall(end)), 0)
    return "".join(clusters[:keep]).rstrip() + end


def hashtags_filter(tags: Any) -> str:
    return " ".join(tags) if isinstance(tags, (list, tuple)) else str(tags)


def published_text(body: str, hashtags: list[str]) -> str:
    """Body, then a blank line and the hashtags the body does not already contain."""
    body = body.strip()
    present = {tag.casefold() for tag in _HASHTAG_IN_TEXT.findall(body)}
    extra = [tag for tag in hashtags if tag.casefold() not in present]
    if not extra:
        return body
    return f"{body}\n\n{' '.join(extra)}".strip()


class Renderer:
    """Renders post bodies for one calendar; compiled templates are cached."""

    def __init__(self, root: Path, language: str) -> None:
        self.loader = TemplatesFolder(root / "templates")
        self.env = _Sandbox(
            loader=self.loader,
            undefined=StrictUndefined,
            autoescape=False,
            keep_trailing_newline=False,
            # The sandbox's intercepted operators change the generated code: a folder of its own.
            bytecode_cache=jinja_cache.bytecode_cache("sandbox-2"),
        )
        self.env.globals = {"range": self._range}
        own: dict[str, Callable[..., Any]] = {
            "hashtags": hashtags_filter,
            "format_date": self._format_date,
            "truncate_graphemes": truncate_graphemes,
        }
        self.env.filters.update({name: self.env.guarded(name, f) for name, f in own.items()})
        self.language = language or "en"
        self.folder = root / "templates"
        self._cache: dict[tuple[str, str], Any] = {}
        self._uses: dict[tuple[str, str], int] = {}
        self._deps: dict[tuple[str, str], Any] = {}
        self._memo: dict[tuple[Any, ...], str] = {}

    def display(self, name: str) -> str:
        """The template file's path as the user would type it."""
        from smmplan.calendar import display_path

        return display_path(self.folder / name)

    def _range(self, *args: int) -> Iterator[int]:
        for number in range(*args):
            self.env.budget.tick()
            yield number

    def _format_date(self, value: Any, format: str = "long") -> str:
        from smmplan.l10n import language

        day = date.fromisoformat(value) if isinstance(value, str) else value
        # language() accepts BCP 47 tags (zh-Hant, pt-BR) and falls back to English.
        return language(self.language).date_text(day, format)

    def check(self, name: str) -> RenderError | None:
        """Why template `name` cannot be used, or None when it loads and compiles."""
        try:
            self._compile("file", name)
        except RenderError as exc:
            return exc
        return None

    def _compile(self, kind: str, source: str) -> Any:
        key = (kind, source)
        if key not in self._cache:
            try:
                if kind == "file":
                    self._cache[key] = self.env.get_template(source)
                else:
                    self._cache[key] = jinja_cache.from_text(self.env, source)
            except TemplateNotFound as exc:
                reason = f": {exc.message}" if exc.message and exc.message != source else ""
                raise RenderError(
                    f"template '{source}' not found under templates/{reason}",
                    template=source,
                    line=1,
                    not_found=True,
                ) from None
            except TemplateSyntaxError as exc:
                raise RenderError(
                    f"template syntax: {exc.message}",
                    syntax=True,
                    template=source if kind == "file" else None,
                    line=exc.lineno or 1,
                ) from None
        return self._cache[key]

    def render(
        self,
        *,
        template: str | None,
        text: str | None,
        context: dict[str, Any] | Callable[[], dict[str, Any]],
    ) -> str:
        """The rendered body of one post (reused when the template reads the same values).

        `context` may be a function, called only when the text needs rendering at all.
        """
        if template is None and not _JINJA_SYNTAX.search(text or ""):
            # Plain text renders to itself (Jinja drops one trailing newline): no compiling.
            body = (text or "").removesuffix("\n")
            self._check_control(body, None, text)
            return body
        if callable(context):
            context = context()
        source = ("file", template) if template else ("text", text or "")
        memo_key = self._memo_key(source, context)
        if memo_key is not None and memo_key in self._memo:
            return self._memo[memo_key]
        body = self._render(template, text, context)
        if memo_key is not None:
            self._memo[memo_key] = body
        return body

    def _memo_key(self, source: tuple[str, str], context: dict[str, Any]) -> Any:
        from smmplan.cache import render_memo

        # Worked out from the second use on: most drafts render once.
        uses = self._uses[source] = self._uses.get(source, 0) + 1
        if uses < 2:
            return None
        if source not in self._deps:
            # A file's text is what the loader read when the first use compiled it.
            text = self.loader.sources.get(source[1]) if source[0] == "file" else source[1]
            self._deps[source] = render_memo.dependencies(self.env, text) if text else None
        deps = self._deps[source]
        return None if deps is None else (source, render_memo.key(deps, context))

    def _render(self, template: str | None, text: str | None, context: dict[str, Any]) -> str:
        compiled = (
            self._compile("file", template) if template else self._compile("text", text or "")
        )
        self.env.budget = _Budget()
        pieces: list[str] = []
        size = 0
        try:
            for piece in compiled.generate(context):
                size += len(piece)
                if size > MAX_OUTPUT:
                    raise SecurityError(f"text longer than {MAX_OUTPUT} characters")
                self.env.budget.tick(0)
                pieces.append(piece)
        except (
            UndefinedError,
            SecurityError,
            TemplateError,
            TypeError,
            ValueError,
            ArithmeticError,
            AttributeError,
            LookupError,
            RecursionError,
            MemoryError,
            AssertionError,  # Jinja checks some filter arguments with assert: truncate(0)
        ) as exc:
            limit = isinstance(exc, SecurityError | RecursionError | MemoryError)
            raise RenderError(
                _describe(exc),
                template=template,
                limit=limit,
                line=_template_line(exc, compiled.filename),
            ) from None
        body = "".join(pieces)
        self._check_control(body, template, text)
        return body

    def _check_control(self, body: str, template: str | None, text: str | None) -> None:
        """Refuse control characters a template file (or an escape) put into the text."""
        from smmplan.loader import CONTROL

        bad = CONTROL.search(body)
        if not bad:
            return
        # A template file's text is what the loader read when it was compiled.
        source = self.loader.sources.get(template, "") if template else text or ""
        at = source.find(bad.group())
        raise RenderError(
            f"control character U+{ord(bad.group()):04X} in the rendered text; remove it",
            template=template,
            line=source.count("\n", 0, at) + 1 if at >= 0 else 1,
        )


def _describe(exc: BaseException) -> str:
    message = str(exc) or type(exc).__name__
    if isinstance(exc, UndefinedError):
        return f"{message} (check the spelling; templates see post, calendar, vars and day)"
    if isinstance(exc, SecurityError):
        return f"template stopped: {message}"
    return f"template failed: {message}"


def _template_line(exc: BaseException, filename: str | None) -> int:
    """The template line where rendering failed (Jinja maps its frames to template lines)."""
    line = 1
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename in (filename, "<template>"):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
