"""Facts many modules share, each stated once: the standard's version, the project's namespaces,
the languages, and the choices the CLI offers where no registry lists them."""

from __future__ import annotations

#: The version of the draft standard this library encodes.
STANDARD_VERSION = "0.1"

#: Where the documentation site is published (mkdocs.yml ``site_url``; SARIF ``informationUri``).
DOCS_URL = "https://wipo-bc-standard.github.io/wipo-bc-standard/"

#: The project's namespace for schema ids and vocabulary IRIs (this project's, not WIPO's).
NAMESPACE = "https://wipo-bc-standard.org/"
#: RDF namespace of the data model's classes and properties (shared by the JSON-LD context and the vocabulary).
NS = f"{NAMESPACE}ns#"
#: Namespace of the concept schemes: ``VOCAB + <code-list id> + "/" + <code>``.
VOCAB = f"{NAMESPACE}vocab/"
#: Namespace of the XML form.
XML_NS = f"{NAMESPACE}ns/xml/{STANDARD_VERSION}"
#: URL under which the bundled JSON-LD context is known (it is never fetched).
CONTEXT_URL = f"{NAMESPACE}ns/context/{STANDARD_VERSION}.jsonld"
#: XML Schema datatypes (W3C XML Schema 1.1 Part 2), as RDF uses them.
XSD_NS = "http://www.w3.org/2001/XMLSchema#"

#: Languages the findings' messages are given in (``--lang``).
MESSAGE_LANGUAGES = ("en", "zh")
#: WIPO's six official languages, in the order the vocabulary's labels are written out, with their
#: names in themselves (the glossary's page titles).
OFFICIAL_LANGUAGES = {"en": "English", "zh": "中文", "fr": "Français", "es": "Español", "ru": "Русский",
                      "ar": "العربية"}

#: The ledger platforms whose exports are read (``--from``); a reader for each in :mod:`.ledgers`.
LEDGER_KINDS = ("evm", "fabric", "multichain")
#: Where a run's items are checked (``--engine``): this machine's processes, or a Dask or Spark cluster.
ENGINES = ("local", "dask", "spark")
#: The forms a document is converted between (``wipo-bc convert --to``), see :mod:`.formats.convert`.
CONVERT_FORMS = ("json", "xml", "jsonld", "ttl")
#: The file formats and languages the draft standard is written out in (``wipo-bc docs standard``).
DOCUMENT_FORMATS = ("md", "html", "docx")
DOCUMENT_LANGUAGES = ("en", "zh")
