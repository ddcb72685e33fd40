"""Output formats behind one interface (see :mod:`.base`)."""

from . import github, html, json_report, junit, sarif, text  # noqa: F401  (register the renderers)
from .base import REGISTRY, Renderer, register

_ORDER = ("text", "json", "ndjson", "junit", "sarif", "github", "html")
#: Format names, in the order the docs list them (help text, docs), then any others.
FORMATS = tuple(n for n in _ORDER if n in REGISTRY) + tuple(n for n in REGISTRY if n not in _ORDER)

__all__ = ["FORMATS", "REGISTRY", "Renderer", "register"]
