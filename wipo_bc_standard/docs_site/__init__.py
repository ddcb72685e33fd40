"""The documentation site's generated pages, built from the project's own sources so they cannot drift.

Pages come from: the standard's front matter (:mod:`.front_matter_pages`), the rule catalogue (:mod:`.rule_pages`), the code lists (:mod:`.codelist_pages`),
the vocabulary (:mod:`.glossary`, a page per language), the JSON Schemas with the valid examples
(:mod:`.data_model`), the reference model (:mod:`.reference_model`), the compat checks
(:mod:`.compat_page`) and the click commands (:mod:`.cli_page`). :mod:`.site` writes them under
``docs/generated/`` (git-ignored), rewriting only files whose text changed so ``mkdocs serve``
does not loop; :mod:`.hook` is the mkdocs hook that calls it.
"""

from .glossary import glossary_pages
from .markdown import Page, Sources
from .reference_model import value_chain_svg
from .site import expand_nav, generate, pages

__all__ = ["Page", "Sources", "expand_nav", "generate", "glossary_pages", "pages", "value_chain_svg"]
