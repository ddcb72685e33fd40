"""Conversion between the JSON, XML, JSON-LD and Turtle forms of one document.

Conversion is lossless for every schema-valid document: JSON -> X -> JSON gives the same document.
So a document is converted only when it is schema-valid (rule findings do not matter here);
anything else is refused with a ConversionError, never converted with a loss.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from .. import schemas
from ..checks.schema_check import SchemaCheck
from ..constants import CONVERT_FORMS
from ..findings import Level
from ..sources import SourceError, iter_items
from ..targets import detect
from . import rdf_form, xml_form
from .errors import ConversionError
from .model_map import MODEL_TARGETS


def load(path: str | Path) -> tuple[dict[str, Any], str]:
    """The one document in a file of any form, and its target. Raises ConversionError."""
    try:
        items = list(iter_items([Path(path)]))
    except SourceError as exc:
        raise ConversionError(str(exc)) from None
    if len(items) != 1:
        raise ConversionError(f"{path}: holds {len(items)} documents; convert takes one")
    item = items[0]
    if item.error is not None:
        raise ConversionError(f"{path}: {item.error.finding().message} ({item.error.rule})")
    refused = [f for f in item.findings if f.level >= Level.ERROR]
    if refused:
        raise ConversionError(f"{path}: {refused[0].path or '/'}: {refused[0].message} ({refused[0].rule})")
    doc = item.doc
    target = detect(doc)
    if target not in MODEL_TARGETS:
        raise ConversionError(f"{path}: not a record, network profile or governance declaration")
    assert isinstance(doc, dict)
    problems = SchemaCheck(schemas.load(target), schemas.file_name(target))(doc)
    if problems:
        first = problems[0]
        raise ConversionError(f"{path}: not schema-valid, so not converted ({first.rule} at {first.path or '/'}: "
                              f"{first.message}); run `wipo-bc validate {path}`")
    return doc, target


def render(doc: dict[str, Any], target: str, form: str) -> bytes:
    """A document in a form. Raises ConversionError when the form cannot carry it."""
    if form == "json":
        return orjson.dumps(doc, option=orjson.OPT_INDENT_2) + b"\n"
    if form == "xml":
        if target != "record":
            raise ConversionError(f"only records have an XML form, not a {target}")
        return xml_form.to_xml(doc, target)
    if form == "jsonld":
        return orjson.dumps(rdf_form.to_jsonld(doc, target), option=orjson.OPT_INDENT_2) + b"\n"
    if form == "ttl":
        return rdf_form.to_turtle(doc, target).encode("utf-8")
    raise ConversionError(f"unknown form {form!r}; choose one of {', '.join(CONVERT_FORMS)}")


def convert(path: str | Path, form: str) -> bytes:
    """The document in ``path`` (any form) in ``form``."""
    doc, target = load(path)
    return render(doc, target, form)
