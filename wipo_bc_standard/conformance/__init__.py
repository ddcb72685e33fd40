"""The conformance kit: a language-neutral test suite, a runner for any command-line implementation,
and implementation reports (JSON, EARL, HTML).

The suite (``conformance/manifest.json``, described by ``conformance/manifest.schema.json``) is built
from the bundled examples and from the rule catalogue's own valid and invalid examples by
:mod:`.build`; :mod:`.protocol` runs an implementation over it; :mod:`.evaluate` judges the results
and :mod:`.report_formats` writes the reports. The protocol is specified in docs/conformance.md.
"""
