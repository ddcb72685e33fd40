"""GitHub Actions workflow commands: one annotation per finding, streamed.

Escaping follows the Actions toolkit (``@actions/core``, ``command.ts``): in the message (data)
``%``, CR and LF are percent-encoded; in properties also ``:`` and ``,``.
"""

from __future__ import annotations

from ..findings import Level
from ..report import ItemResult, Summary
from .base import Renderer, register
from .sarif import message_text, relative_path

COMMAND = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


@register
class GithubRenderer(Renderer):
    name = "github"
    description = "GitHub Actions annotations, one per finding, and a summary line"

    def item(self, result: ItemResult) -> None:
        if not result.findings:
            return
        path = relative_path(result.source)
        item_note = "" if result.line is not None else f" (item {result.index})"
        for finding in result.findings:
            where = ""
            if path is not None:
                where = f"file={escape_property(path)},"
                if finding.line is not None:
                    where += f"line={finding.line}," + (f"col={finding.column}," if finding.column is not None else "")
                elif result.line is not None:
                    where += f"line={result.line},"
            message = message_text(finding)
            if path is None:
                message = f"{result.source}{item_note}: {message}"
            elif item_note:
                message = f"item {result.index}: {message}"
            self.out.write(f"::{COMMAND[finding.level]} {where}title={escape_property(finding.rule)}"
                           f"::{escape_data(message)}\n")

    def finish(self, summary: Summary) -> None:
        if summary.partial:
            self.out.write("::warning title=wipo-bc::partial report: the run was interrupted\n")
        counts = ", ".join(f"{summary.findings[lv]} {lv.label}" for lv in sorted(Level, reverse=True))
        suppressed = f", {summary.suppressed} suppressed by the baseline" if summary.suppressed else ""
        verdict = summary.verdict()
        files = summary.files_line()
        if files:
            self.out.write(f"wipo-bc: {files}\n")
        partial = " (partial: interrupted)" if summary.partial else ""
        self.out.write(f"wipo-bc: {summary.items} items, {summary.non_conformant} not conformant; "
                       f"{counts}{suppressed} -> {verdict}{partial}\n")
