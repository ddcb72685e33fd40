"""The XML form of a record: hardened reading, XSD validation, and lossless conversion to and from JSON.

Hardening (XML is read from strangers): no DTD at all. A DOCTYPE is refused before the parser sees
it (``xml.entity`` when it declares entities, as billion-laughs and external-entity attacks do,
``xml.doctype`` otherwise), so no entity is ever expanded or fetched; the parser is also set to
resolve no entities, load no DTD, use no network and keep libxml2's limits on huge documents.
Only UTF-8 is read (the standard's encoding), which keeps the DOCTYPE test a plain byte test.
A file larger than :data:`MAX_XML_BYTES` is refused unread (``xml.too-large``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from lxml import etree

from .. import safe_io
from ..constants import XML_NS
from ..findings import Finding, Level, json_pointer
from ..items import Item, SourceError
from ..limits import LIMITS
from ..resources import data_dir
from .errors import ConversionError, FormError, form_error
from .model_map import Field, TargetModel, model, upper_camel, xml_names

#: Largest XML file read; a record is a few KiB, so 8 MiB leaves room without risking memory.
MAX_XML_BYTES = 8 * 1024 * 1024  # the default of the form_bytes limit (limits.LIMITS.form_bytes is in force)
XSD_FILE = "record.xsd"
XML_FORM_CLAUSE = "this standard (proposal): the XML form of the record (schemas/record.xsd)"
_TARGET = "record"

_DOCTYPE = re.compile(rb"<!DOCTYPE")
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_:]")
_ENTITY_DECL = re.compile(rb"<!ENTITY")
_ENCODING_DECL = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_NON_UTF8_MARKS = (b"\xfe\xff", b"\xff\xfe", b"\x00\x00\xfe\xff", b"\x4c\x6f\xa7\x94")
_INTEGER = re.compile(r"-?(0|[1-9][0-9]*)\Z")
_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?\Z")

#: libxml2 error types -> the reason part of ``xsd.<reason>`` rule ids.
_XSD_REASONS = {
    "SCHEMAV_CVC_ENUMERATION_VALID": "enumeration",
    "SCHEMAV_CVC_PATTERN_VALID": "pattern",
    "SCHEMAV_ELEMENT_CONTENT": "content",
    "SCHEMAV_CVC_COMPLEX_TYPE_2_4": "content",
    "SCHEMAV_CVC_COMPLEX_TYPE_2_3": "content",
    "SCHEMAV_CVC_TYPE_3_1_2": "content",
    "SCHEMAV_CVC_DATATYPE_VALID_1_2_1": "datatype",
    "SCHEMAV_CVC_MINLENGTH_VALID": "min-length",
    "SCHEMAV_CVC_MAXLENGTH_VALID": "max-length",
    "SCHEMAV_CVC_MININCLUSIVE_VALID": "min-inclusive",
    "SCHEMAV_CVC_MAXINCLUSIVE_VALID": "max-inclusive",
    "SCHEMAV_CVC_ELT_1": "root",
    "SCHEMAV_CVC_COMPLEX_TYPE_3_2_1": "attribute",
    "SCHEMAV_CVC_COMPLEX_TYPE_3_2_2": "attribute",
}


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, collect_ids=False)


# ---------------------------------------------------------------------------------------------
# JSON -> XML


def _text(value: Any, where: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, str)):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    raise ConversionError(f"{where}: a {type(value).__name__} has no XML form here")


def _fill(element: etree._Element, doc: Any, m: TargetModel, type_name: str, where: str) -> None:
    if not isinstance(doc, dict):
        raise ConversionError(f"{where or '/'}: expected an object")
    object_type = m.types[type_name]
    unknown = sorted(set(doc) - set(object_type.by_name))
    if unknown:
        raise ConversionError(f"{where}/{unknown[0]}: member is not part of the model, so it has no XML form")
    names = xml_names(object_type)
    for f in object_type.fields:
        if f.name not in doc:
            continue
        value, here = doc[f.name], f"{where}/{f.name}"
        name, item_name = names[f.name]
        child = etree.SubElement(element, f"{{{XML_NS}}}{name}")
        if f.kind == "object":
            assert f.type_name is not None
            _fill(child, value, m, f.type_name, here)
        elif f.kind == "array":
            assert f.item is not None
            if not isinstance(value, list):
                raise ConversionError(f"{here}: expected an array")
            for index, entry in enumerate(value):
                item = etree.SubElement(child, f"{{{XML_NS}}}{item_name}")
                if f.item.kind == "object":
                    assert f.item.type_name is not None
                    _fill(item, entry, m, f.item.type_name, f"{here}/{index}")
                else:
                    _set_text(item, entry, f"{here}/{index}")
        else:
            _set_text(child, value, here)


def _set_text(element: etree._Element, value: Any, where: str) -> None:
    try:
        element.text = _text(value, where)
    except ValueError as exc:  # characters XML 1.0 cannot carry (most C0 controls)
        raise ConversionError(f"{where}: {exc}") from None


def to_xml(doc: dict[str, Any], target: str = _TARGET) -> bytes:
    """The XML form of a JSON document (UTF-8 bytes). Raises ConversionError when it has none."""
    m = model(target)
    root = etree.Element(f"{{{XML_NS}}}{upper_camel(m.root)}", nsmap={None: XML_NS})
    _fill(root, doc, m, m.root, "")
    data: bytes = etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8")
    return data


# ---------------------------------------------------------------------------------------------
# XML -> JSON


def _value(text: str | None, f: Field) -> Any:
    scalar = f.scalar
    assert scalar is not None
    text = text or ""
    if scalar.type == "string" and scalar.format not in ("date", "date-time", "uri"):
        return text
    # The XSD collapses white space for these types, so the value is the text without it.
    text = text.strip()
    if len(text) > LIMITS.integer_digits:
        return text  # never converted (Python refuses 4,300 digits): the XSD and JSON checks say why
    if scalar.type == "integer" and _INTEGER.match(text):
        return int(text)
    if scalar.type == "number" and _NUMBER.match(text):
        return int(text) if _INTEGER.match(text) else float(text)
    if scalar.type == "boolean" and text in ("true", "false", "1", "0"):
        return text in ("true", "1")
    return text  # not of its type: the XSD has said so, and the JSON checks will say so too


def _children(element: etree._Element) -> Iterator[etree._Element]:
    return element.iterchildren(etree.Element)  # type: ignore[no-any-return]


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


@cache
def _element_fields(target: str, type_name: str) -> dict[str, tuple[Field, str | None]]:
    """An object type's members by the full tag (``{namespace}Name``) of their element, each with
    the local name of its items for arrays: worked out once per run, not per element."""
    names = xml_names(model(target).types[type_name])
    return {f"{{{XML_NS}}}{names[f.name][0]}": (f, names[f.name][1]) for f in model(target).types[type_name].fields}


def _read_object(element: etree._Element, target: str, type_name: str) -> dict[str, Any]:
    by_tag = _element_fields(target, type_name)
    out: dict[str, Any] = {}
    for child in _children(element):
        entry = by_tag.get(child.tag)
        if entry is None:
            continue  # not in the model: the XSD check reports it
        f, item_tag = entry
        if f.kind == "object":
            assert f.type_name is not None
            out[f.name] = _read_object(child, target, f.type_name)
        elif f.kind == "array":
            assert f.item is not None
            items = [c for c in _children(child) if c.tag.rpartition("}")[2] == item_tag]
            if f.item.kind == "object":
                assert f.item.type_name is not None
                out[f.name] = [_read_object(c, target, f.item.type_name) for c in items]
            else:
                out[f.name] = [_value(c.text, f.item) for c in items]
        else:
            out[f.name] = _value(child.text, f)
    return out


def from_xml(root: etree._Element, target: str = _TARGET) -> dict[str, Any]:
    """The JSON form of a parsed XML document of a target."""
    return _read_object(root, target, model(target).root)


def _pointer(element: etree._Element, target: str = _TARGET) -> str:
    """JSON Pointer of the member an element holds, for findings that users read against JSON."""
    chain = [element, *element.iterancestors()][::-1]
    m = model(target)
    type_name: str | None = m.root
    parts: list[str | int] = []
    i = 1
    while i < len(chain):
        local = _local(chain[i])
        object_type = m.types.get(type_name or "")
        names = xml_names(object_type) if object_type else {}
        f = next((object_type.by_name[n] for n, (e, _) in names.items() if e == local), None) if object_type else None
        if f is None:
            parts.append(local)
            break
        parts.append(f.name)
        type_name = f.type_name
        if f.kind == "array" and i + 1 < len(chain):
            item = chain[i + 1]
            parent = item.getparent()
            parts.append(parent.index(item) if parent is not None else 0)
            type_name = f.item.type_name if f.item else None
            i += 1
        i += 1
    return json_pointer(parts)


# ---------------------------------------------------------------------------------------------
# Reading


def _refusal(data: bytes) -> FormError | None:
    """Why the bytes are refused before any parser sees them, if they are."""
    if data.startswith(_NON_UTF8_MARKS) or b"\x00" in data[:4]:
        return form_error("xml.encoding", "only UTF-8 XML is read (the standard's encoding)", XML_FORM_CLAUSE)
    declared = _ENCODING_DECL.match(data.lstrip(b"\xef\xbb\xbf"))
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        return form_error("xml.encoding", f"encoding {declared.group(1).decode()} declared; only UTF-8 XML is read",
                         XML_FORM_CLAUSE)
    doctype = _DOCTYPE.search(data)
    first = _FIRST_ELEMENT.search(data)
    if doctype and (first is None or doctype.start() < first.start()):
        line = data.count(b"\n", 0, doctype.start()) + 1
        if _ENTITY_DECL.search(data):
            return form_error("xml.entity", "the document declares entities in a DOCTYPE; no DTD or entity is "
                             "accepted (entity expansion and external entities are attack vectors)", XML_FORM_CLAUSE, line)
        return form_error("xml.doctype", "the document has a DOCTYPE; no DTD is accepted in the XML form",
                         XML_FORM_CLAUSE, line)
    return None


def parse(data: bytes) -> etree._Element | FormError:
    """The root element of XML bytes, or why they are refused."""
    if len(data) > LIMITS.form_bytes:
        return form_error("xml.too-large", f"larger than {LIMITS.form_bytes} bytes", XML_FORM_CLAUSE)
    refused = _refusal(data)
    if refused is not None:
        return refused
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        return form_error("xml.syntax", f"not well-formed XML: {exc.msg}", XML_FORM_CLAUSE, exc.lineno)
    if root.getroottree().docinfo.doctype:  # defence in depth: the byte test should have caught it
        return form_error("xml.doctype", "the document has a DOCTYPE; no DTD is accepted", XML_FORM_CLAUSE)
    expected = f"{{{XML_NS}}}{upper_camel(model(_TARGET).root)}"
    if root.tag != expected:
        return form_error("xml.root", f"root element is {root.tag}, expected {expected}", XML_FORM_CLAUSE, root.sourceline)
    return root


@lru_cache(maxsize=1)
def _xsd() -> etree.XMLSchema | None:
    path = data_dir("schemas") / XSD_FILE
    if not path.is_file():
        return None
    return etree.XMLSchema(etree.parse(str(path), _parser()))


def xsd_findings(root: etree._Element) -> list[Finding]:
    """The XSD's verdict on a parsed record, one finding per error, with its JSON Pointer and line."""
    schema = _xsd()
    if schema is None or schema.validate(root):
        return []
    namespaces = {k: v for el in root.iter(etree.Element) for k, v in el.nsmap.items() if k}
    tree = root.getroottree()
    findings = []
    # Past the findings limit the engine would drop them: they are not worked out at all.
    for entry in itertools.islice(schema.error_log, LIMITS.findings_per_item + 1):
        reason = _XSD_REASONS.get(entry.type_name, "invalid")
        try:
            found = tree.xpath(entry.path, namespaces=namespaces) if entry.path else []
        except etree.XPathError:
            found = []
        element = found[0] if found and isinstance(found[0], etree._Element) else None
        path = _pointer(element) if element is not None else ""
        message = re.sub(r"^Element '\{[^}]*\}([^']*)'", r"\1", entry.message).replace(f"{{{XML_NS}}}", "")
        findings.append(Finding(rule=f"xsd.{reason}", level=Level.ERROR, message=f"line {entry.line}: {message}",
                                path=path, clause=f"{XML_FORM_CLAUSE}; XSD {entry.type_name}",
                                params=(("line", entry.line), ("detail", message))))
    return findings


def item_from_bytes(source: str, data: bytes) -> Item:
    """One item: the record's JSON form with the XSD's findings, or the reason it was refused."""
    root = parse(data)
    if isinstance(root, FormError):
        return Item(source, 0, root.line, error=root)
    return Item(source, 0, root.sourceline, doc=from_xml(root),
                findings=_schema_locations(root) + xsd_findings(root))


_XSI = "http://www.w3.org/2001/XMLSchema-instance"


_WITH_SCHEMA_LOCATION = etree.XPath("//*[@xsi:schemaLocation or @xsi:noNamespaceSchemaLocation]",
                                    namespaces={"xsi": _XSI})


def _schema_locations(root: etree._Element) -> list[Finding]:
    """An ``xsi:schemaLocation`` (or ``noNamespaceSchemaLocation``) that names a schema elsewhere: the
    record is validated against the bundled XSD only and nothing is fetched, but a consumer that
    follows the hint would fetch it, so it is an error (``xml.schema-location``)."""
    findings = []
    for element in _WITH_SCHEMA_LOCATION(root):  # found by libxml2: most records have none
        for name in ("schemaLocation", "noNamespaceSchemaLocation"):
            value = element.get(f"{{{_XSI}}}{name}")
            if value is not None:
                detail = (f"xsi:{name} names {value[:200]!r}; the XML form is validated against the bundled "
                          f"{XSD_FILE} only and nothing is fetched, so a document must not point elsewhere")
                findings.append(Finding(rule="xml.schema-location", level=Level.ERROR, message=detail,
                                        clause=XML_FORM_CLAUSE, params=(("detail", detail),)))
                if len(findings) >= 10:
                    return findings
    return findings


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of a regular file, at most ``limit + 1`` of them (enough to tell that it is too large)."""
    try:
        with safe_io.open_regular(path) as stream:
            return safe_io.read_at_most(stream, limit + 1)
    except OSError as exc:
        raise SourceError(f"{safe_io.display_name(path)}: {safe_io.reason(exc)}") from None
    except safe_io.NotReadable as exc:
        raise SourceError(str(exc)) from None


def read_path(path: Path) -> Iterator[Item]:
    """Reader of ``.xml`` files for :data:`wipo_bc_standard.sources.READERS`."""
    yield item_from_bytes(safe_io.display_name(path), read_bounded(path, LIMITS.form_bytes))
