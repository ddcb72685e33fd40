"""The standard's front matter: scope and task, the guiding principles, the common practices, and the use
cases with their advantages, rendered from :mod:`wipo_bc_standard.front_matter` and the rule catalogue."""

from __future__ import annotations

from collections.abc import Iterable

from wipo_bc_standard import codelists, front_matter
from wipo_bc_standard.basis import Basis
from wipo_bc_standard.rules import CATALOGUE

from .markdown import GENERATED, Page, banner, cell, table


def _from(bases: Iterable[Basis]) -> str:
    return "; ".join(b.text() for b in bases)


def _term_link(slug: str, text: str) -> str:
    """A link to a term in the glossary: the notation is its anchor in every language."""
    from wipo_bc_standard import vocabulary
    try:
        term = vocabulary.term(slug)
    except LookupError:
        return text
    return f"[{text}](../glossary/en.md#{term.notation})"


def front_matter_pages() -> list[Page]:
    """Scope and task, the guiding principles, the common practices, the use cases with their advantages."""
    matter = front_matter.load()
    rule_ids = sorted(CATALOGUE)

    def rule_links(patterns: Iterable[str]) -> str:
        return ", ".join(f"[{r}](../rules/{r}.md)" for r in front_matter.matching(patterns, rule_ids))

    scope, task = matter.scope, matter.task
    index = [banner(), "# The standard\n",
             "What the draft WIPO standard on blockchain in the IP ecosystem is for, in the words of the document "
             f"it grows from, and where this library encodes each part. Rendered from `{front_matter.SOURCE}` "
             "and the rule catalogue; the Chinese is the seed's own, the English a rendering of it.\n",
             f"## {_term_link(scope.term, 'Scope statement')}\n",
             "\n".join(f"> {line}" for line in scope.en) + "\n",
             '<div lang="zh" markdown>\n\n' + "\n".join(f"> {line}" for line in scope.zh) + "\n\n</div>\n",
             f"Cited: {cell(scope.cited)}. From: {cell(_from(scope.bases))}.\n",
             f"## {_term_link(task.term, 'Task description')}\n",
             f"{cell(task.cited)}. From: {cell(_from(task.bases))}.\n",
             table(("", "Task", "任务说明"), [(str(i), cell(en), cell(zh))
                                             for i, (en, zh) in enumerate(zip(task.en, task.zh, strict=True), 1)]),
             "\n## The four sub-tasks\n",
             table(("Sub-task", "子任务", "Where this library encodes it", "From"),
                    [(_term_link(i.term, cell(i.en)), cell(i.zh), cell(i.encoded), cell(_from(i.bases)))
                     for i in matter.subtasks]),
             "\n## What the draft standard covers\n",
             table(("Focus", "重点", "Where this library encodes it", "From"),
                    [(_term_link(i.term, cell(i.en)) if i.term else cell(i.en), cell(i.zh), cell(i.encoded),
                      cell(_from(i.bases))) for i in matter.focus]),
             "\nThe reference model (task description, item 3) is encoded as the "
             "[guiding principles](principles.md), the [common practices](practices.md) and the "
             "[glossary](../glossary/index.md); the [use cases](use-cases.md) come with their advantages "
             "(sub-task 4).\n"]
    pages = [Page(f"{GENERATED}/standard/index.md", "Scope and task", "\n".join(index))]
    for kind, title, items in (("principles", "Guiding principles", matter.principles),
                               ("practices", "Common practices", matter.practices)):
        term = "guiding-principle" if kind == "principles" else "common-practice"
        parts = [banner(), f"# {title}\n",
                 f"The {_term_link(term, title.lower())} of the reference model as this library encodes them: "
                 "each with where it comes from and the rules that check it (every rule belongs to at least one "
                 "common practice).\n"]
        for p in items:
            parts += [f"## {p.id}: {cell(p.title['en'])}\n",
                      f'<span lang="zh">{cell(p.title["zh"])}</span>\n',
                      f"{cell(p.statement['en'])}\n",
                      f'<p lang="zh">{cell(p.statement["zh"])}</p>\n',
                      f"- From: {cell(_from(p.bases))}\n- Rules: {rule_links(p.rules)}\n"]
        pages.append(Page(f"{GENERATED}/standard/{kind}.md", title, "\n".join(parts)))
    advantages = {a.use_case: a for a in matter.advantages}
    rows = []
    for case in codelists.USE_CASES.codes:
        a = advantages[case.value]
        rows.append((f"`{case.value}`", cell(case.label), case.fact("kind") or "",
                     ", ".join((case.fact("phases") or "").split()), cell(a.en), cell(a.zh), cell(_from(a.bases))))
    use_cases = (banner() + "# Use cases and their advantages\n\n"
                 "Sub-task 4 collects potential use cases and describes their advantages. The use cases are the code "
                 f"list [`use-cases`](../codelists/use-cases.md); their advantages come from `{front_matter.SOURCE}`. "
                 f"{_term_link('vertical-use-case', 'Vertical')} use cases (纵向用例) serve one phase of the value "
                 f"chain, {_term_link('horizontal-use-case', 'horizontal')} ones (横向用例) several.\n\n"
                 + table(("Code", "Use case", "Kind", "Phases", "Advantage", "优势", "From"), rows) + "\n")
    pages.append(Page(f"{GENERATED}/standard/use-cases.md", "Use cases and advantages", use_cases))
    return pages
