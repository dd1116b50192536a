"""The Jinja sandbox post templates run in: every way to build big text, loop or count is bounded.

Jinja's `ImmutableSandboxedEnvironment` refuses unsafe attributes and mutation; on top of it
each render gets a budget of steps, characters and time, numbers are bounded where Python
would make something huge of them, and a number too large for a float is refused.
"""

from __future__ import annotations

import math
import re
import string
import time as clock
from collections.abc import Callable, Iterator
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_OUTPUT = 100_000  # characters of one rendered post
MAX_LOOP = 200_000  # range() items over one render
MAX_SECONDS = 2.0  # wall-clock time of one render
MAX_INT_ARG = 100_000  # integer arguments to calls and operands of * and **
MAX_BUILT = 1_000_000  # characters built by all steps of one render, kept or not
_PRINTF_FIELD = re.compile(r"%(?:\([^)]*\))?[#0 +\-]*(\d*|\*)(?:\.(\d*|\*))?")
_DIGITS = re.compile(r"\d+")


class Budget:
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

    def visit_Const(self, node: nodes.Const, frame: Any) -> None:
        # Jinja would write 1e999 (or a sum folded to infinity) as the undefined name `inf`.
        if _infinite(node.value):
            self.write("environment.refuse_number()")
        else:
            super().visit_Const(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Any) -> None:
        self.write("environment.join_counted((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


def _infinite(value: Any) -> bool:
    """A float that is infinite or not a number, alone or inside a literal list or dict."""
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, list | tuple | set | frozenset):
        return any(_infinite(item) for item in value)
    if isinstance(value, dict):
        return any(_infinite(item) for pair in value.items() for item in pair)
    return False


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's sandbox (lists and dicts read-only) with every way to build big text bounded."""

    intercepted_binops = frozenset(["*", "**", "%"])
    code_generator_class = _BoundedLoops

    def __init__(self, **options: Any) -> None:
        super().__init__(finalize=self._finalize, **options)
        self.budget = Budget()
        self.filters.pop("random", None)  # outputs are deterministic
        self.filters = {name: self.guarded(name, f) for name, f in self.filters.items()}
        self.filters["_steps"] = self._steps

    def _finalize(self, value: Any) -> Any:
        if _infinite(value):
            self.refuse_number()
        self.budget.grow(len(str(value)))
        return value

    @staticmethod
    def refuse_number() -> None:
        raise SecurityError("a number too large for a float (over about 1.8e308), or not a number")

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

        # What Jinja reads off a filter (pass_context and the like); functools.wraps would copy
        # more, at a noticeable cost per calendar over Jinja's fifty-odd filters.
        if hasattr(func, "jinja_pass_arg"):
            run.jinja_pass_arg = func.jinja_pass_arg  # type: ignore[attr-defined]
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
        result = super().call_binop(context, operator, left, right)
        if _infinite(result):
            self.refuse_number()
        return self.budget.build(result)

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
