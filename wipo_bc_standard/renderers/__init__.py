"""Output formats behind one interface (see :mod:`.base`)."""

from . import github, html, json_report, junit, sarif, text  # noqa: F401  (register the renderers)
from .base import REGISTRY, Renderer, register

_DESIGN_ORDER = ("text", "json", "ndjson", "junit", "sarif", "github", "html")
#: Format names, in the order DESIGN.md lists them (help text, docs), then any others.
FORMATS = tuple(n for n in _DESIGN_ORDER if n in REGISTRY) + tuple(n for n in REGISTRY if n not in _DESIGN_ORDER)

__all__ = ["FORMATS", "REGISTRY", "Renderer", "register"]
