"""Linear-time pattern matching: every regular expression applied to input goes through here.

Python's ``re`` backtracks: an ambiguous pattern such as ``(a+)+$`` takes exponential time on 41
characters, and ``[^@]+@...`` searched through a long string takes quadratic time. Input comes from
parties the user does not control, so every pattern the library applies to it, its own and a
network profile's (``applicationNumberPatterns``), is compiled with RE2 (``google-re2``), whose
matching time grows linearly with the input whatever the pattern. RE2 has no back-references or
look-around; a network's pattern that needs them is reported as not usable, never run on ``re``.

The published JSON Schemas' patterns are matched by jsonschema-rs with its ``regex``-crate engine
(:func:`wipo_bc_standard.checks.schema_check.compile_schema`), linear too.
``benchmarks/patterns.py`` times every registered pattern on adversarial strings of growing
length; ``tests/test_patterns.py`` holds the growth to linear.

RE2 differs from ``re`` in two ways that matter here: ``\\Z`` is written ``\\z``, and ``\\s``,
``\\d`` and ``\\w`` are ASCII-only (the library's own patterns spell their classes out).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import re2

#: Each pattern the library applies to input, by name, with how it is applied (``fullmatch`` or
#: ``search``), for the benchmark and its test.
APPLIED_PATTERNS: dict[str, tuple[str, str]] = {}

_OPTIONS = re2.Options()
_OPTIONS.max_mem = 64 << 20  # a huge alternation fails to compile (a finding) instead of eating memory
_OPTIONS.log_errors = False  # a pattern that does not compile is reported once, by the caller


class PatternError(ValueError):
    """A pattern that cannot be compiled for linear-time matching."""


def compile(pattern: str, name: str | None = None, how: str = "fullmatch") -> Any:
    """``pattern`` compiled for linear-time matching (the ``re``-like API of ``re2``: ``match``,
    ``search``, ``fullmatch``, ``finditer``, groups by name). ``name`` registers it for the benchmark,
    which times it applied as the library applies it (``how``)."""
    try:
        compiled = re2.compile(pattern, _OPTIONS)
    except re2.error as exc:
        reason = exc.args[0] if exc.args else exc
        # google-re2 gives its reason as bytes
        raise PatternError(reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)) from None
    if name is not None:
        APPLIED_PATTERNS[name] = (pattern, how)
    return compiled


def compile_untrusted(pattern: str, limit: int) -> Any | PatternError:
    """A pattern that came with the input (a network profile's), or why it cannot be used: longer
    than ``limit`` characters, or not compilable without backtracking. Compiled once per run."""
    if len(pattern) > limit:  # refused before the cache, which then never holds an oversized pattern
        return PatternError(f"the pattern has {len(pattern)} characters, more than the limit of {limit} "
                            "(pattern_chars, docs/limits.md)")
    return _compile_untrusted(pattern)


@lru_cache(maxsize=256)
def _compile_untrusted(pattern: str) -> Any | PatternError:
    try:
        return compile(pattern)
    except PatternError as exc:
        return exc
