"""Readers and writers of the record's other forms (XML, JSON-LD, Turtle).

Importing this package registers their readers in :data:`wipo_bc_standard.sources.READERS`:
``.xml`` (:mod:`.xml_form`), ``.jsonld`` and ``.ttl`` (:mod:`.rdf_form`). Their generated
artifacts (XSD, SHACL shapes, JSON-LD context) come from :mod:`.artifacts`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..limits import LIMITS
from ..safe_io import display_name
from ..sources import READERS, Item

# The readers import lxml and rdflib only when such a file is read: most runs read JSON, and
# rdflib alone costs a tenth of a second of start-up.


def _read_xml(path: Path) -> Iterator[Item]:
    from . import xml_form
    yield from xml_form.read_path(path)


def _read_jsonld(path: Path) -> Iterator[Item]:
    from . import rdf_form, xml_form
    yield from rdf_form.items_from_jsonld(display_name(path), xml_form.read_bounded(path, LIMITS.form_bytes))


def _read_turtle(path: Path) -> Iterator[Item]:
    from . import rdf_form, xml_form
    yield from rdf_form.items_from_turtle(display_name(path), xml_form.read_bounded(path, LIMITS.form_bytes))


READERS[".xml"] = _read_xml
READERS[".jsonld"] = _read_jsonld
READERS[".ttl"] = _read_turtle
