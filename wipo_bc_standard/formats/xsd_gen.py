"""The XSD of the XML record (WIPO ST.96 style), generated from the record's JSON Schema.

Mapping, mechanical so that anyone can predict it: a JSON member ``recordId`` is the element
``RecordId``; an object type ``IpRight`` is the complex type ``IpRightType``; an array is a ``Bag``
(``parties`` -> ``PartyBag`` of ``Party``); code lists are named enumerations
(``ip-right-kinds`` -> ``IpRightKindsCodeType``); ``required`` sets ``minOccurs``. Members keep the
JSON Schema's order in an ``xs:sequence``. The JSON Schema's conditional rules (``if``/``then``)
have no XSD form; the JSON checks that run on every converted XML record enforce them.
"""

from __future__ import annotations

from lxml import etree

from ..constants import STANDARD_VERSION, XML_NS
from .model_map import (
    RFC3339_DATE_TIME,
    RFC3339_FULL_DATE,
    Field,
    Model,
    ObjectType,
    Scalar,
    model,
    upper_camel,
    xml_names,
)

_XS = "http://www.w3.org/2001/XMLSchema"
_P = "wbc"
#: JSON numbers only: xs:double would also take INF and NaN.
_NUMBER_PATTERN = "-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+\\-]?[0-9]+)?"
_INTEGER_PATTERN = "-?(0|[1-9][0-9]*)"


def _xs(tag: str) -> str:
    return f"{{{_XS}}}{tag}"


def xsd_pattern(pattern: str) -> str:
    """An ECMA-262 pattern of the JSON Schema as an XSD pattern (which is anchored by definition)."""
    body = pattern[1:] if pattern.startswith("^") else ".*" + pattern
    body = body[:-1] if body.endswith("$") and not body.endswith("\\$") else body + ".*"
    return body


def code_type_name(code_list: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in code_list.split("-")) + "CodeType"


def _document(parent: etree._Element, text: str) -> None:
    if text:
        annotation = etree.SubElement(parent, _xs("annotation"))
        etree.SubElement(annotation, _xs("documentation")).text = text


def _restriction(parent: etree._Element, scalar: Scalar) -> None:
    base = {"string": "xs:string", "integer": "xs:integer", "number": "xs:double", "boolean": "xs:boolean"}[scalar.type]
    patterns: list[str] = []
    if scalar.format == "date":
        base, patterns = "xs:date", [RFC3339_FULL_DATE]
    elif scalar.format == "date-time":
        base, patterns = "xs:dateTime", [RFC3339_DATE_TIME]
    elif scalar.format == "uri":
        base = "xs:anyURI"
    elif scalar.type == "number":
        patterns = [_NUMBER_PATTERN]
    elif scalar.type == "integer":
        patterns = [_INTEGER_PATTERN]
    elif scalar.type == "boolean":
        patterns = ["true|false"]
    if scalar.pattern:
        patterns.append(xsd_pattern(scalar.pattern))
    restriction = etree.SubElement(parent, _xs("restriction"))
    if len(patterns) > 1:
        # Patterns of one derivation step are OR-ed; a nested step makes them all apply.
        inner = etree.SubElement(etree.SubElement(restriction, _xs("simpleType")), _xs("restriction"), base=base)
        etree.SubElement(inner, _xs("pattern"), value=patterns[0])
        patterns = patterns[1:]
    else:
        restriction.set("base", base)
    for value in scalar.enum or ():
        etree.SubElement(restriction, _xs("enumeration"), value=str(value))
    if patterns:
        etree.SubElement(restriction, _xs("pattern"), value=patterns[0])
    for facet, value in (("minLength", scalar.min_length), ("maxLength", scalar.max_length),
                         ("minInclusive", scalar.minimum), ("maxInclusive", scalar.maximum)):
        if value is not None:
            etree.SubElement(restriction, _xs(facet), value=str(value))


def _scalar_element(element: etree._Element, scalar: Scalar, code_types: dict[str, Scalar]) -> None:
    if scalar.code_list:
        code_types.setdefault(scalar.code_list, scalar)
        element.set("type", f"{_P}:{code_type_name(scalar.code_list)}")
        return
    simple = etree.SubElement(element, _xs("simpleType"))
    _restriction(simple, scalar)


def _member(sequence: etree._Element, f: Field, names: tuple[str, str | None],
            code_types: dict[str, Scalar]) -> None:
    element = etree.SubElement(sequence, _xs("element"), name=names[0])
    if not f.required:
        element.set("minOccurs", "0")
    _document(element, f.description)
    if f.kind == "object":
        element.set("type", f"{_P}:{f.type_name}Type")
    elif f.kind == "scalar":
        assert f.scalar is not None
        _scalar_element(element, f.scalar, code_types)
    else:
        assert f.item is not None and names[1] is not None
        bag = etree.SubElement(etree.SubElement(element, _xs("complexType")), _xs("sequence"))
        item = etree.SubElement(bag, _xs("element"), name=names[1], minOccurs=str(f.min_items or 0),
                                maxOccurs="unbounded")
        if f.item.kind == "object":
            item.set("type", f"{_P}:{f.item.type_name}Type")
        elif f.item.kind == "scalar":
            assert f.item.scalar is not None
            _scalar_element(item, f.item.scalar, code_types)
        else:
            raise ValueError(f"{f.name}: arrays of arrays have no XML form")


def _complex_type(root: etree._Element, object_type: ObjectType, code_types: dict[str, Scalar]) -> None:
    complex_type = etree.SubElement(root, _xs("complexType"), name=f"{object_type.name}Type")
    _document(complex_type, object_type.description)
    sequence = etree.SubElement(complex_type, _xs("sequence"))
    names = xml_names(object_type)
    for f in object_type.fields:
        _member(sequence, f, names[f.name], code_types)


def generate(target: str = "record") -> str:
    """The XSD text of a target's XML form."""
    m: Model = model(target)
    root = etree.Element(_xs("schema"), nsmap={"xs": _XS, _P: XML_NS}, targetNamespace=XML_NS,
                         elementFormDefault="qualified", version=STANDARD_VERSION)
    root.append(etree.Comment(f" Generated from schemas/{target}.schema.json by wipo_bc_standard.formats.xsd_gen;"
                              " do not edit: run `wipo-bc schemas export`. "))
    etree.SubElement(root, _xs("element"), name=upper_camel(m.root), type=f"{_P}:{m.root}Type")
    code_types: dict[str, Scalar] = {}
    for object_type in m.types.values():
        _complex_type(root, object_type, code_types)
    for code_list in sorted(code_types):
        simple = etree.SubElement(root, _xs("simpleType"), name=code_type_name(code_list))
        _document(simple, f"Code list {code_list} (vocab/codelists.ttl).")
        _restriction(simple, code_types[code_list])
    text: str = etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8").decode("utf-8")
    return text
