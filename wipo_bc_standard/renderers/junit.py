"""JUnit XML, as Jenkins, GitLab and most CI systems read it.

The shape is the common one (Jenkins xUnit plugin ``junit-10.xsd``; Apache Ant's JUnit report):
``testsuites`` > ``testsuite`` (one per source, with tests/failures/errors/skipped counts) >
``testcase`` (one per item) > ``failure`` (one per non-conformant item, listing its findings).
Findings of conformant items (below ``--fail-on``) go to the testcase's ``system-out``.

A suite's counts come before its testcases, so testcases are spooled to a temporary file and the
counts kept per source: memory stays bounded.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass

from ..findings import Finding
from ..report import ItemResult, Summary
from .base import Renderer, copy_bytes, register

# Characters XML 1.0 does not allow, even escaped (controls, lone surrogates, U+FFFE/FFFF).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """Text with characters XML cannot carry shown as ``\\uXXXX`` (input data may hold any of them)."""
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def text(value: str) -> str:
    from xml.sax.saxutils import escape  # it imports urllib: loaded when a JUnit report is written
    return escape(xml_safe(value))


def attr(value: str) -> str:
    from xml.sax.saxutils import quoteattr
    return quoteattr(xml_safe(value))


def finding_lines(finding: Finding, indent: str = "") -> str:
    """One line per finding, ``level [RULE] at PATH: message (clause)``; child findings indented under it."""
    path = f" at {finding.path}" if finding.path else ""
    clause = f" ({finding.clause})" if finding.clause else ""
    where = "" if finding.line is None else f" (line {finding.line})" if finding.column is None else \
        f" (line {finding.line}, column {finding.column})"
    hint = f" (hint: {finding.hint})" if finding.hint else ""
    line = f"{indent}{finding.level.label} [{finding.rule}]{path}{where}: {finding.message}{hint}{clause}\n"
    return line + "".join(finding_lines(c, indent + "    ") for c in finding.children)


def case_name(result: ItemResult) -> str:
    return f"{result.source}:{result.line}" if result.line is not None else f"{result.source}[{result.index}]"


@dataclass(slots=True)
class _Suite:
    name: str
    tests: int = 0
    failures: int = 0
    size: int = 0  # bytes of its testcases in the spool


PARTIAL_NOTE = "partial report: the run was interrupted"


@register
class JunitRenderer(Renderer):
    name = "junit"
    description = "JUnit XML: one testsuite per source, one testcase per item (Jenkins, GitLab...)"

    def begin(self) -> None:
        self._spool = tempfile.TemporaryFile()
        self._suites: list[_Suite] = []
        self._classnames: dict[str | None, str] = {}

    def item(self, result: ItemResult) -> None:
        if not self._suites or self._suites[-1].name != result.source:
            self._suites.append(_Suite(result.source))
        suite = self._suites[-1]
        suite.tests += 1
        classname = self._classnames.get(result.target)
        if classname is None:
            classname = self._classnames[result.target] = attr(f"wipo-bc.{result.target or 'unknown'}")
        parts = [f"<testcase name={attr(case_name(result))} classname={classname}"]
        findings = "".join(finding_lines(f) for f in result.findings)
        if not result.conformant:
            suite.failures += 1
            rules = sorted({f.rule for f in result.findings})
            n = len(result.findings)
            message = f"not conformant: {n} finding{'s' if n != 1 else ''} ({', '.join(rules)})"
            parts.append(f"><failure message={attr(message)} type={attr(rules[0] if rules else 'nonconformant')}>"
                         f"{text(findings)}</failure></testcase>\n")
        elif findings:
            parts.append(f"><system-out>{text(findings)}</system-out></testcase>\n")
        else:
            parts.append("/>\n")
        data = "".join(parts).encode()
        suite.size += len(data)
        self._spool.write(data)

    def finish(self, summary: Summary) -> None:
        suites = self._suites or ([_Suite("wipo-bc")] if summary.partial or not summary.items else [])
        title = "wipo-bc" + (" (partial: interrupted)" if summary.partial else "")
        failures = sum(s.failures for s in suites)
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                       f'<testsuites name={attr(title)} tests="{summary.items}" failures="{failures}" errors="0">\n')
        properties = ('<property name="partial" value="true"/>' if summary.partial else "") + (
            f'<property name="suppressed" value="{summary.suppressed}"/>' if summary.suppressed else "")
        self._spool.seek(0)
        for suite in suites:
            self.out.write(f'<testsuite name={attr(suite.name)} tests="{suite.tests}" failures="{suite.failures}" '
                           'errors="0" skipped="0">\n')
            if properties:
                self.out.write(f"<properties>{properties}</properties>\n")
            copy_bytes(self.out, self._spool, suite.size)
            if summary.partial:
                self.out.write(f"<system-err>{PARTIAL_NOTE}</system-err>\n")
            self.out.write("</testsuite>\n")
        self.out.write("</testsuites>\n")
        self._spool.close()
