"""Output formats behind one interface (see :mod:`.base`)."""

from . import github, html, json_report, junit, sarif, text  # noqa: F401  (register the renderers)
from .base import REGISTRY, Renderer, register

__all__ = ["REGISTRY", "Renderer", "register"]
