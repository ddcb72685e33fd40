"""The findings that are not rules of the catalogue: what the readers, the JSON Schema check, the
ledger readers and the checker itself report, each with a title, an explanation, an example and
the fix, so that every id a report can hold is explained (``wipo-bc rules show``, the site, SARIF).

Rules of the standard live in :data:`wipo_bc_standard.rules.CATALOGUE`; an id ending in ``.*``
here stands for a family (``xsd.*``: every XSD error, named by its lxml type).
"""

from __future__ import annotations

from dataclasses import dataclass

from .findings import Level


@dataclass(frozen=True, slots=True)
class FindingKind:
    """One id a finding can carry besides the catalogue's rules."""

    id: str
    title: str
    level: Level
    #: What the finding rests on (an RFC, the bundled JSON Schema, a W3C specification, the tool).
    source: str
    explanation: str
    #: An input that gets the finding (text, as it would be in a file).
    example: str
    fix: str

    @property
    def family(self) -> str:
        return self.id.split(".", 1)[0]


_SCHEMA = "JSON Schema 2020-12: the bundled schema of the target (`wipo-bc schemas export`)"
_JSON = "RFC 8259 (JSON); RFC 7493 (I-JSON)"
E, INFO = Level.ERROR, Level.INFO


def _schema(keyword: str, title: str, explanation: str, example: str, fix: str) -> FindingKind:
    return FindingKind(f"schema.{keyword}", title, E, f"{_SCHEMA}, keyword `{keyword}`", explanation, example, fix)


FINDING_KINDS: tuple[FindingKind, ...] = (
    # --- reading --------------------------------------------------------------------------------
    FindingKind("source.unreadable", "The file cannot be read", E, "wipo-bc-standard",
                "The file exists but could not be opened or read (permissions, an I/O error). The other files "
                "of the run are still checked; this file counts as one item that is not conformant.",
                "chmod 000 records/a.json", "Make the file readable by the user running the checks."),
    FindingKind("json.syntax", "Not JSON", E, _JSON,
                "The item is not a JSON text: a missing comma or quote, a trailing comma, a comment, a "
                "single-quoted string. NDJSON files are read line by line, so each line must be a whole JSON value.",
                '{"recordId": "r-1",}', "Correct the JSON at the position the message gives (a JSON-aware editor "
                "shows it); for NDJSON keep each item on one line."),
    FindingKind("json.empty", "Blank line in NDJSON", E, "NDJSON / JSON Lines: one JSON value per line",
                "A blank line between items of an NDJSON file. (Blank lines at the end of a file are not items.)",
                '{"recordId": "r-1"}\n\n{"recordId": "r-2"}', "Remove the blank line."),
    FindingKind("json.encoding", "Not UTF-8", E, "RFC 8259 section 8.1: JSON exchanged between systems is UTF-8",
                "The bytes are not UTF-8 (a Latin-1 or UTF-16 file, a lone surrogate escape).",
                "a file saved as Windows-1252 with \"Société\"", "Save the file as UTF-8 (without a byte order mark)."),
    FindingKind("json.duplicate-key", "A member appears twice in one object", E,
                "RFC 8259 section 4 (names SHOULD be unique); RFC 7493 section 2.3 (I-JSON: MUST NOT be duplicated)",
                "Two members of one object have the same name. JSON parsers disagree on which one wins, so two "
                "systems could read two different records from the same bytes.",
                '{"recordId": "r-1", "recordId": "r-2"}', "Keep one member of that name; merge or delete the other."),
    FindingKind("json.non-finite-number", "NaN or Infinity", E, _JSON,
                "NaN, Infinity and -Infinity are not JSON numbers (some serialisers write them anyway).",
                '{"value": NaN}', "Write a finite number, or leave the member out."),
    FindingKind("json.number-range", "A number beyond what JSON implementations carry exactly", E,
                "RFC 7493 section 2.2 (I-JSON): integers within +-(2**53-1), numbers within IEEE 754 doubles",
                "An integer larger than 2**53-1 (or a number beyond a double) is rounded by many JSON "
                "implementations: the value read is not the value written.",
                '{"blockNumber": 9007199254740993}', "Write large identifiers and amounts as strings."),
    FindingKind("json.depth", "Nested too deeply", E, "wipo-bc-standard (a limit against hostile input)",
                "Objects and arrays nested deeper than the limit; no document of the standard comes near it.",
                "[[[[[[ ... 1000 levels ... ]]]]]]", "Flatten the structure; it is not a document of the standard."),
    FindingKind("json.not-an-object", "An item that is not a JSON object", E, "the data model: every document is an object",
                "An item of the input (a line of NDJSON, an element of an array) is a string, number, array or null.",
                '["r-1", "r-2"]', "Give each item as an object; an array at the top level is read as a list of items."),
    FindingKind("target.unknown", "What the item is cannot be told", E, "wipo-bc-standard (--target auto)",
                "With --target auto the target is told from members only one target has: recordId or recordType "
                "(record), profileId or networkType (profile), declarationId or governingBody (governance), a "
                "credential type (vc), a DID as id (did). The item has none of them.",
                '{"name": "site", "version": "1.0.0"}',
                "Add the member that says what the document is, pass --target, or leave the file out of the run "
                "(exclude globs; other tools' files such as package.json are skipped by directory walks)."),
    FindingKind("ledger.malformed", "A ledger export that cannot be read as one", E,
                "the platform's export format (Ethereum JSON-RPC, Hyperledger Fabric blocks, MultiChain streams)",
                "A part of a ledger export (a block, a log, a stream item) is not what the platform writes, so "
                "its records cannot be taken from it. The message says where.",
                '{"jsonrpc": "2.0", "result": [{"data": "not hex"}]}', "Export again with the platform's own tools; "
                "check that --from names the platform the export comes from."),
    FindingKind("internal.error", "The checks failed on this item", E, "wipo-bc-standard",
                "A check met an input nobody foresaw and stopped. The item is not called conformant, the rest of "
                "the run goes on. This is a fault of the tool, not necessarily of the data.",
                "(any item that triggers it)", "Report it with the item (or a redacted copy) and the message."),
    # --- other forms ------------------------------------------------------------------------------
    FindingKind("xml.syntax", "XML that is not well-formed", E, "XML 1.0", "The file is not well-formed XML.",
                "<record><recordId>r-1</record>", "Correct the XML at the line the message gives."),
    FindingKind("xml.encoding", "XML in an encoding not accepted", E, "XML 1.0 section 4.3.3",
                "The XML declares or uses an encoding other than UTF-8.", '<?xml version="1.0" encoding="ISO-8859-1"?>',
                "Save the file as UTF-8 and declare encoding=\"UTF-8\" (or nothing)."),
    FindingKind("xml.doctype", "A DOCTYPE in an XML record", E, "wipo-bc-standard (XML records carry no DTD)",
                "Records are validated by their XSD; a document type declaration could define entities that "
                "expand or read files, so it is refused.", '<!DOCTYPE record [<!ENTITY x "...">]>',
                "Remove the DOCTYPE."),
    FindingKind("xml.entity", "An XML entity", E, "wipo-bc-standard (no entities are expanded)",
                "Entity references other than the five predefined ones are refused (they could expand without "
                "bound or read local files).", "<title>&company;</title>", "Write the text itself."),
    FindingKind("xml.too-large", "XML file too large", E, "wipo-bc-standard (a limit before parsing)",
                "The XML file is larger than the size read as one record.", "a 2 GiB .xml file",
                "Split it: one record per file, or convert to NDJSON with `wipo-bc convert`."),
    FindingKind("limit.item-bytes", "An item too large", E, "wipo-bc-standard (input limits, docs/limits.md)",
                "One JSON document, NDJSON line or ledger payload is larger than the item_bytes limit; it is "
                "reported, not checked further (an over-long line is not even held in memory).",
                "a 100 MB NDJSON line", "Split it into records; or raise WIPO_BC_LIMIT_ITEM_BYTES for this run."),
    FindingKind("limit.members", "An object or array with too many members", E,
                "wipo-bc-standard (input limits, docs/limits.md)",
                "An object or array inside an item has more members than the members limit; no document of the "
                "standard comes near it.", '{"parties": [ ... 200,000 entries ... ]}',
                "Split the data; or raise WIPO_BC_LIMIT_MEMBERS for this run."),
    FindingKind("limit.string-length", "A string too long", E, "wipo-bc-standard (input limits, docs/limits.md)",
                "A string is longer than the string_chars limit; the longest value of the model has a few hundred "
                "characters.", '{"title": "aaaa... 5 million characters"}',
                "Shorten it (documents go off chain, by digest); or raise WIPO_BC_LIMIT_STRING_CHARS."),
    FindingKind("limit.findings", "More findings than are listed", INFO, "wipo-bc-standard (input limits, docs/limits.md)",
                "The item has more findings than the findings_per_item limit; the most severe are listed and the "
                "rest counted here. The verdict on the item was made on all of them.",
                "50,000 XSD errors in one XML file", "Fix the listed findings and run again."),
    FindingKind("limit.rdf", "An RDF graph past a limit", E, "wipo-bc-standard (input limits, docs/limits.md)",
                "The JSON-LD or Turtle graph has more triples than rdf_triples, a list longer than "
                "rdf_list_members, or nesting deeper than the parser follows; parsing stops there.",
                "a Turtle file of 100,000 triples", "Give one document per file; a record's graph has about 50 triples."),
    FindingKind("rdf.list", "An RDF list that loops", E, "RDF 1.1 Semantics, collections (rdf:first, rdf:rest)",
                "An rdf:rest chain comes back to a node it has passed: the list has no end.",
                "_:l rdf:first 1 ; rdf:rest _:l .", "End every list with rdf:nil (write lists as ( ... ) in Turtle)."),
    FindingKind("xml.schema-location", "An XML record that points at a schema elsewhere", E,
                "wipo-bc-standard (XML records are validated by the bundled XSD only)",
                "xsi:schemaLocation or xsi:noNamespaceSchemaLocation names a schema; nothing is fetched, but a "
                "consumer that follows the hint would fetch it from wherever it points.",
                '<Record xsi:schemaLocation="... http://example.com/evil.xsd">', "Remove the attribute."),
    FindingKind("xml.root", "Not a record's root element", E, "the record's XSD (`schemas/record.xsd`)",
                "The root element is not the record element in the standard's namespace.", "<doc>...</doc>",
                "Use the root element and namespace of `wipo-bc convert --to xml` output."),
    FindingKind("xsd.*", "Not valid against the record's XSD", E, "the record's XSD (`schemas/record.xsd`)",
                "An element or value is not what the XSD allows; the id after `xsd.` is lxml's error type.",
                "<filingDate>14/02/2023</filingDate>", "Correct the element at the line the message gives."),
    FindingKind("jsonld.remote-context", "A remote JSON-LD context", E, "JSON-LD 1.1; wipo-bc-standard (no network)",
                "The document names a context by URL that is not bundled. No request is made: checks never use "
                "the network.", '{"@context": "https://example.org/ctx.jsonld"}',
                "Use the bundled contexts (`wipo-bc schemas export`), or inline the context."),
    FindingKind("jsonld.syntax", "JSON-LD that cannot be used", E, "JSON-LD 1.1",
                "The JSON-LD cannot be expanded into a graph.", '{"@context": 5}', "Correct the JSON-LD."),
    FindingKind("jsonld.too-large", "JSON-LD file too large", E, "wipo-bc-standard (a limit before parsing)",
                "The file is larger than the size read as RDF.", "a 2 GiB .jsonld file", "Split it."),
    FindingKind("ttl.syntax", "Turtle that cannot be parsed", E, "RDF 1.1 Turtle", "The Turtle does not parse.",
                "<a> <b> .", "Correct the Turtle at the place the message gives."),
    FindingKind("ttl.encoding", "Turtle not in UTF-8", E, "RDF 1.1 Turtle (UTF-8)", "The file is not UTF-8.",
                "a Turtle file saved as Latin-1", "Save it as UTF-8."),
    FindingKind("ttl.too-large", "Turtle file too large", E, "wipo-bc-standard (a limit before parsing)",
                "The file is larger than the size read as RDF.", "a 2 GiB .ttl file", "Split it."),
    FindingKind("rdf.no-document", "No document in the graph", E, "the standard's vocabulary",
                "The graph has no node typed as a record, a network profile or a governance declaration.",
                "<r1> <http://purl.org/dc/terms/title> \"x\" .", "Type the node (rdf:type) with the vocabulary's class."),
    FindingKind("rdf.no-type", "A node without a type", E, "the standard's vocabulary",
                "A node the record refers to has no rdf:type.", "_:b0 <https://...#value> \"x\" .",
                "Give the node its class."),
    FindingKind("shacl.*", "Not valid against the SHACL shapes", E, "W3C SHACL; the bundled shapes (`schemas/*.shacl.ttl`)",
                "The RDF form breaks a shape; the id after `shacl.` names the constraint component.",
                "a record node without dcterms:identifier", "Correct the node the message names."),
    # --- the JSON Schema of the target ---------------------------------------------------------------
    _schema("required", "A required member is missing",
            "The target's schema requires this member; the finding points at where it is missing.",
            '{"recordType": "assignment"}  (no recordId)', "Add the member with a value of the form the schema gives."),
    _schema("additionalProperties", "A member that is not part of the model",
            "The object has a member the model does not define: often a misspelling (the hint names the nearest "
            "member), sometimes data that belongs in an extension.",
            '{"filingDat": "2023-02-14"}', "Correct the name (see the hint), or move the data where the model has room "
                                          "for it."),
    _schema("type", "A value of the wrong type", "The value is a number where a string is expected, or the like.",
            '{"ipRight": {"office": 44}}', "Write the value with the type the schema gives."),
    _schema("enum", "A value not in the list", "The value is not one of those the model allows (a code list).",
            '{"kind": "trade-mark"}', "Use one of the values listed (the hint names the nearest)."),
    _schema("const", "A value other than the one required", "The member must have exactly one value.",
            '{"standardVersion": "9.9"}', "Write the value the message names."),
    _schema("pattern", "A string not of the required form", "The string does not match the pattern of its member "
            "(an ST.3 code, an identifier form).", '{"ipRight": {"office": "gb"}}', "Write the value in the form "
            "the message gives (ST.3 codes are two capital letters)."),
    _schema("format", "A value not in its format", "Dates are RFC 3339 full-date (YYYY-MM-DD), date-times RFC 3339, "
            "URIs RFC 3986.", '{"filingDate": "14/02/2023"}', "Write the value in the format the hint gives, "
            "e.g. 2023-02-14."),
    _schema("minLength", "A string too short", "The string is shorter than its member allows (often empty).",
            '{"recordId": ""}', "Give the member a value, or leave it out if it is optional."),
    _schema("maxLength", "A string too long", "The string is longer than its member allows.",
            '{"title": "... 10 000 characters ..."}', "Shorten it."),
    _schema("minimum", "A number too small", "The number is below the member's minimum.", '{"quorum": 0}',
            "Write a number at or above the minimum."),
    _schema("maximum", "A number too large", "The number is above the member's maximum.", '{"renewableShare": 1.5}',
            "Write a number at or below the maximum."),
    _schema("exclusiveMinimum", "A number not above the lower bound", "The number must be greater than the bound.",
            '{"nodeCount": 0}', "Write a greater number."),
    _schema("exclusiveMaximum", "A number not below the upper bound", "The number must be less than the bound.",
            '{"share": 1}', "Write a smaller number."),
    _schema("minItems", "Too few items", "The array has fewer items than its member needs (often none).",
            '{"parties": []}', "Add the items the member needs."),
    _schema("maxItems", "Too many items", "The array has more items than its member allows.",
            '{"hashAlgorithms": ["...", "...", "..."]}', "Remove items."),
    _schema("uniqueItems", "Repeated items", "The array must not repeat an item.", '{"roles": ["office", "office"]}',
            "Remove the repeated items."),
    _schema("anyOf", "A value of none of the allowed forms",
            "The member allows several forms and the value matches none; the children name what the closest "
            "form needs.", '{"issuer": 5}', "Give the value one of the forms; start from the closest (the first child)."),
    _schema("oneOf", "A value that must match exactly one form",
            "The value matches none, or more than one, of the forms the member allows.",
            '{"identity": {"did": "did:web:x", "x509": "..."}}', "Keep the members of one form only."),
)

#: Every id above, by id.
BY_ID: dict[str, FindingKind] = {kind.id: kind for kind in FINDING_KINDS}


def explain(finding_id: str) -> FindingKind | None:
    """The entry of an id, or of its family (``xsd.cvc-pattern-valid`` -> ``xsd.*``); None if unknown."""
    found = BY_ID.get(finding_id)
    if found is None and "." in finding_id:
        found = BY_ID.get(finding_id.split(".", 1)[0] + ".*")
    return found
