"""The draft standard written out: Markdown, self-contained HTML, or Word (python-docx).

In Word, headings use the built-in Heading styles (so the navigation pane and a table of contents
work), numbered paragraphs the built-in List Number style (Word numbers them, and renumbers them as
editors insert or delete paragraphs under track changes), tables the Table Grid style.
"""

from __future__ import annotations

import html
import io
from typing import Any

from ..constants import DOCUMENT_FORMATS
from .blocks import Block, Bullets, CodeBlock, Heading, Para, StandardDocument, Table, plain, runs


class MissingDependency(Exception):
    """The format needs a package that is not installed."""


# -- Markdown ---------------------------------------------------------------------------------------

def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(doc: StandardDocument) -> str:
    out = [f"# {doc.title}", "", f"*{doc.subtitle}*", ""]
    for block in doc.blocks:
        if isinstance(block, Heading):
            out += ["#" * (block.level + 1) + " " + block.text, ""]
        elif isinstance(block, Para):
            anchor = f'<a id="{block.rule}"></a>' if block.rule else ""
            out += [f"{anchor}**{block.number}.** {block.text}" if block.number else block.text, ""]
        elif isinstance(block, Bullets):
            out += [f"- {item}" for item in block.items] + [""]
        elif isinstance(block, Table):
            out.append("| " + " | ".join(_md_cell(h) for h in block.header) + " |")
            out.append("|" + "---|" * len(block.header))
            out += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in block.rows]
            out.append("")
        elif isinstance(block, CodeBlock):
            fence = "````" if "```" in block.text else "```"
            out += [f"{fence}{block.language}", block.text, fence, ""]
    return "\n".join(out)


# -- HTML -------------------------------------------------------------------------------------------

_CSS = """
body{font-family:"Times New Roman",Georgia,"Noto Serif CJK SC","Songti SC",serif;max-width:52rem;margin:2rem auto;
padding:0 1rem;line-height:1.45;color:#111}
h1.title{font-size:1.6rem;text-align:center}p.subtitle{text-align:center;font-style:italic;color:#333}
h2{font-size:1.2rem;margin-top:2rem;text-transform:none}h3{font-size:1.05rem}h4{font-size:1rem}
p.num{display:grid;grid-template-columns:3rem 1fr}p.num>span.n{font-weight:600}
table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.6rem 0 1rem}
th,td{border:1px solid #999;padding:.2rem .4rem;vertical-align:top;text-align:left}th{background:#eee}
pre{background:#f6f6f6;border:1px solid #ddd;padding:.6rem;overflow-x:auto;font-size:.78rem}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.88em}
"""


def _inline_html(text: str) -> str:
    tags = {"b": "strong", "i": "em", "code": "code"}
    return "".join(f"<{tags[m]}>{html.escape(p)}</{tags[m]}>" if m else html.escape(p) for p, m in runs(text))


def to_html(doc: StandardDocument) -> str:
    out = ["<!DOCTYPE html>", f'<html lang="{doc.lang}"><head><meta charset="utf-8">',
           f"<title>{html.escape(doc.title)}</title><style>{_CSS}</style></head><body>",
           f'<h1 class="title">{html.escape(doc.title)}</h1>', f'<p class="subtitle">{html.escape(doc.subtitle)}</p>']
    for block in doc.blocks:
        if isinstance(block, Heading):
            level = min(block.level + 1, 6)
            out.append(f"<h{level}>{_inline_html(block.text)}</h{level}>")
        elif isinstance(block, Para):
            if block.number:
                anchor = f' id="{html.escape(block.rule)}"' if block.rule else ""
                out.append(f'<p class="num"{anchor}><span class="n">{block.number}.</span>'
                           f"<span>{_inline_html(block.text)}</span></p>")
            else:
                out.append(f"<p>{_inline_html(block.text)}</p>")
        elif isinstance(block, Bullets):
            out.append("<ul>" + "".join(f"<li>{_inline_html(i)}</li>" for i in block.items) + "</ul>")
        elif isinstance(block, Table):
            head = "".join(f"<th>{_inline_html(h)}</th>" for h in block.header)
            body = "".join("<tr>" + "".join(f"<td>{_inline_html(c)}</td>" for c in row) + "</tr>" for row in block.rows)
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
        elif isinstance(block, CodeBlock):
            out.append(f"<pre><code>{html.escape(block.text)}</code></pre>")
    out.append("</body></html>\n")
    return "\n".join(out)


# -- Word -------------------------------------------------------------------------------------------

def to_docx(doc: StandardDocument) -> bytes:
    try:
        import docx
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml.ns import qn
        from docx.shared import Pt
    except ImportError:
        raise MissingDependency("python-docx is not installed: pip install python-docx (the 'standard' extra)") from None
    word = docx.Document()
    word.core_properties.title = doc.title
    word.core_properties.language = doc.lang
    word.core_properties.comments = doc.subtitle[:255]  # a core property holds at most 255 characters
    normal = word.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(11)
    if doc.lang == "zh":  # East Asian text: a font that has the glyphs (Word falls back otherwise)
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "SimSun")
    title = word.add_heading(doc.title, level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle = word.add_paragraph()
    subtitle.add_run(doc.subtitle).italic = True
    for block in doc.blocks:
        _docx_block(word, block, Pt)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _add_runs(paragraph: Any, text: str) -> None:
    for piece, mark in runs(text):
        run = paragraph.add_run(piece)
        if mark == "b":
            run.bold = True
        elif mark == "i":
            run.italic = True
        elif mark == "code":
            run.font.name = "Courier New"


def _docx_block(word: Any, block: Block, pt: Any) -> None:
    if isinstance(block, Heading):
        word.add_heading(plain(block.text), level=min(block.level, 9))
    elif isinstance(block, Para):
        _add_runs(word.add_paragraph(style="List Number" if block.number else None), block.text)
    elif isinstance(block, Bullets):
        for item in block.items:
            _add_runs(word.add_paragraph(style="List Bullet"), item)
    elif isinstance(block, Table):
        table = word.add_table(rows=1, cols=len(block.header))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, block.header):
            cell.text = ""
            cell.paragraphs[0].add_run(plain(text)).bold = True
        for row in block.rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, row):
                cell.text = ""
                _add_runs(cell.paragraphs[0], text)
        word.add_paragraph()
    elif isinstance(block, CodeBlock):
        paragraph = word.add_paragraph()
        run = paragraph.add_run(block.text)
        run.font.name = "Courier New"
        run.font.size = pt(8)


def render(doc: StandardDocument, fmt: str) -> str | bytes:
    if fmt == "md":
        return to_markdown(doc)
    if fmt == "html":
        return to_html(doc)
    if fmt == "docx":
        return to_docx(doc)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(DOCUMENT_FORMATS)}")
