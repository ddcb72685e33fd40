__version__ = "0.1.0"
#: The version of the draft standard this library encodes.
STANDARD_VERSION = "0.1"
#: Where the documentation site is published (mkdocs.yml ``site_url``; SARIF ``informationUri``).
DOCS_URL = "https://wipo-bc-standard.github.io/wipo-bc-standard/"
