"""Output formats behind one interface (see :mod:`.base`)."""

from . import json_report, text  # noqa: F401  (register the renderers)
from .base import REGISTRY, Renderer, register

__all__ = ["REGISTRY", "Renderer", "register"]
