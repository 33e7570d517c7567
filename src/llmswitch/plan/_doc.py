"""A tiny document model (sections of text, tables and code) rendered to Markdown and HTML.

The report is built once as :class:`Section` objects and rendered twice, so the Markdown and
HTML reports always say the same thing.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeAlias

__all__ = ["Block", "Section", "Table", "to_html", "to_markdown"]


@dataclass
class Table:
    """Rows of cells under a header; ``None`` renders as *unknown*."""

    header: Sequence[str]
    rows: Sequence[Sequence[Any]] = field(default_factory=list)


Block: TypeAlias = "str | Table | tuple[str, str, str]"
"""A paragraph (Markdown text), a table, or code as ``("code", language, text)``."""


@dataclass
class Section:
    """A heading and its blocks: paragraphs (str), tables, code (``("code", lang, text)``)."""

    title: str
    blocks: list[Block] = field(default_factory=list)
    level: int = 2


def _cell(value: Any) -> str:
    if value is None:
        return "*unknown*"
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int) and not isinstance(value, bool) and value >= 10_000:
        return f"{value:,}"
    return str(value).replace("|", "\\|").replace("\n", " ")


def to_markdown(title: str, sections: list[Section]) -> str:
    """Render as GitHub-flavoured Markdown."""
    out = [f"# {title}", ""]
    for section in sections:
        out += ["#" * section.level + " " + section.title, ""]
        for block in section.blocks:
            if isinstance(block, Table):
                out.append("| " + " | ".join(block.header) + " |")
                out.append("|" + "---|" * len(block.header))
                out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
            elif isinstance(block, tuple):
                out += [f"```{block[1]}", block[2].rstrip("\n"), "```"]
            else:
                out.append(block)
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_CODE = re.compile(r"`([^`]+)`")
_BOLD = re.compile(r"\*\*([^*]+)\*\*")
_EM = re.compile(r"\*([^*]+)\*")


def _inline(text: str) -> str:
    """Escape, then render the few inline Markdown forms the report uses."""
    escaped = html.escape(text, quote=False)
    escaped = _LINK.sub(lambda m: f'<a href="{html.escape(m.group(2))}">{m.group(1)}</a>', escaped)
    escaped = _CODE.sub(r"<code>\1</code>", escaped)
    escaped = _BOLD.sub(r"<b>\1</b>", escaped)
    return _EM.sub(r"<em>\1</em>", escaped)


_STYLE = (
    "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}"
    "body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;max-width:72rem;"
    "margin:1.5rem auto;padding:0 1rem;color:#1f2328;overflow-wrap:break-word}"
    "h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.3rem;margin-top:2rem}"
    "h3{font-size:1.1rem}"
    ".scroll{overflow-x:auto;margin:.5rem 0;-webkit-overflow-scrolling:touch}"
    "table{border-collapse:collapse;font-size:.9rem}"
    "td,th{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}"
    "th{background:#f3f4f6;white-space:nowrap}"
    "code{font-size:.875rem;font-family:ui-monospace,SFMono-Regular,Menlo,monospace}"
    "pre{background:#f6f8fa;padding:.75rem;overflow-x:auto;font-size:.875rem}"
    "pre code{white-space:pre}"
    "figure{margin:1rem 0;overflow-x:auto}"
    "figure svg{display:block;width:100%;min-width:40rem;max-width:60rem;height:auto}"
    "figcaption{font-size:.875rem;color:#57606a}"
    "@media (max-width:480px){body{padding:0 .75rem}h1{font-size:1.35rem}}"
)


def _figure(alt: str, svg: str) -> str:
    """An inline SVG figure: nothing outside the HTML file is needed to see it."""
    svg = svg.strip().replace("<svg ", f'<svg role="img" aria-label="{alt}" ', 1)
    return f"<figure>{svg}<figcaption>{alt}</figcaption></figure>"


def to_html(
    title: str, sections: list[Section], *, images: Mapping[str, str] | None = None
) -> str:
    """Render as one self-contained HTML page (no scripts, an inline stylesheet, a viewport
    meta for phones; wide tables scroll sideways in their own box).

    ``images`` maps an image's Markdown path (``![alt](path)``) to its SVG markup, which is
    inlined; an image with no entry is left out (with its alt text), never linked, so the page
    needs no other file.
    """
    images = images or {}
    out = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
    ]
    for section in sections:
        out.append(f"<h{section.level}>{_inline(section.title)}</h{section.level}>")
        for block in section.blocks:
            if isinstance(block, Table):
                head = "".join(f"<th>{html.escape(h)}</th>" for h in block.header)
                body = "".join(
                    "<tr>" + "".join(f"<td>{_inline(_cell(c))}</td>" for c in row) + "</tr>"
                    for row in block.rows
                )
                out.append(
                    f'<div class="scroll"><table><thead><tr>{head}</tr></thead>'
                    f"<tbody>{body}</tbody></table></div>"
                )
            elif isinstance(block, tuple):
                out.append(f"<pre><code>{html.escape(block[2])}</code></pre>")
            elif block.startswith("!["):
                match = re.match(r"!\[([^\]]*)\]\(([^)]+)\)", block)
                if match:
                    alt, src = html.escape(match.group(1)), match.group(2)
                    if src in images:
                        out.append(_figure(alt, images[src]))
                    else:
                        out.append(f"<p><em>{alt} (not drawn: matplotlib not installed)</em></p>")
            elif block.startswith("- "):
                items = "".join(f"<li>{_inline(line[2:])}</li>" for line in block.splitlines())
                out.append(f"<ul>{items}</ul>")
            else:
                out.append(f"<p>{_inline(block)}</p>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
