"""The reference model: the value chain of intellectual assets, drawn as SVG, with the use cases."""

from __future__ import annotations

import html

from wipo_bc_standard import codelists

from .markdown import GENERATED, Page, banner, cell, table


def reference_model_page() -> Page:
    """The IP value chain, its phases and the use cases on each, with a generated inline SVG."""
    phases = codelists.VALUE_CHAIN_PHASES.codes
    cases = codelists.USE_CASES.codes
    rows = [(f"`{c.value}`", cell(c.label), c.fact("kind") or "", ", ".join((c.fact("phases") or "").split()),
             cell(c.definition)) for c in cases]
    phase_rows = [(f"`{p.value}`", cell(p.label), cell(p.definition)) for p in phases]
    text = (banner() + "# Reference model\n\n"
            "The IP value chain runs through four phases (WIPO Blockchain Whitepaper CWS/9/8). *Vertical* use "
            "cases serve one phase (or two neighbouring ones); *horizontal* use cases serve several. Both come "
            "from the code lists `value-chain-phases` and `use-cases`; the diagram is drawn from them.\n\n"
            + value_chain_svg() + "\n\n## Phases of the value chain\n\n"
            + table(("Code", "Phase", "Definition"), phase_rows)
            + "\n\n## Use cases\n\n" + table(("Code", "Use case", "Kind", "Phases", "Definition"), rows) + "\n")
    return Page(f"{GENERATED}/reference-model.md", "Reference model", text)


def value_chain_svg() -> str:
    """Phases as columns, each use case as a bar over the phases it serves (no network, no script)."""
    phases = [p.value for p in codelists.VALUE_CHAIN_PHASES.codes]
    labels = {p.value: p.label for p in codelists.VALUE_CHAIN_PHASES.codes}
    label_w, col_w, head_h, row_h, pad = 250, 135, 44, 26, 8
    cases = codelists.USE_CASES.codes
    width = label_w + col_w * len(phases) + pad
    height = head_h + row_h * len(cases) + pad
    colours = {"vertical": "#3f51b5", "horizontal": "#00897b"}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
           f'style="max-width:{width}px" role="img" aria-label="Use cases on the phases of the IP value chain" '
           f'font-family="sans-serif" font-size="12">',
           "<title>Use cases on the phases of the IP value chain</title>"]
    for i, phase in enumerate(phases):
        x = label_w + i * col_w
        out.append(f'<polygon points="{x},4 {x + col_w - 12},4 {x + col_w},20 {x + col_w - 12},36 {x},36 {x + 12},20" '
                   f'fill="#9e9e9e" fill-opacity="0.35"/>')
        out.append(f'<text x="{x + col_w / 2 + 4}" y="24" text-anchor="middle" fill="currentColor" '
                   f'font-weight="bold">{html.escape(labels[phase])}</text>')
        out.append(f'<line x1="{x}" y1="{head_h - 4}" x2="{x}" y2="{height - pad}" stroke="#9e9e9e" '
                   f'stroke-opacity="0.4"/>')
    for row, case in enumerate(cases):
        y = head_h + row * row_h
        served = [phases.index(p) for p in (case.fact("phases") or "").split() if p in phases]
        kind = case.fact("kind") or "vertical"
        out.append(f'<text x="{label_w - 10}" y="{y + 17}" text-anchor="end" fill="currentColor">'
                   f'{html.escape(case.label)}</text>')
        if served:
            x0 = label_w + min(served) * col_w + 6
            x1 = label_w + (max(served) + 1) * col_w - 6
            out.append(f'<rect x="{x0}" y="{y + 5}" width="{x1 - x0}" height="{row_h - 10}" rx="4" '
                       f'fill="{colours.get(kind, "#757575")}"><title>{html.escape(case.label)}: {kind}, '
                       f'{", ".join(phases[i] for i in served)}</title></rect>')
    legend_y = height - 2
    out.append(f'<text x="4" y="{legend_y}" font-size="11" fill="currentColor">'
               f'<tspan fill="{colours["vertical"]}">■</tspan> vertical  '
               f'<tspan fill="{colours["horizontal"]}">■</tspan> horizontal</text>')
    out.append("</svg>")
    return "\n".join(out)
