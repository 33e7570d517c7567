"""A tiny document model (sections of text, tables and code) rendered to Markdown and HTML.

The report is built once as :class:`Section` objects and rendered twice, so the Markdown and
HTML reports always say the same thing.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
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


def to_html(title: str, sections: list[Section]) -> str:
    """Render as one self-contained HTML page (no scripts, small inline stylesheet)."""
    style = (
        "body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}"
        "table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;"
        "padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#f3f3f3}"
        "pre{background:#f6f8fa;padding:.75rem;overflow:auto}"
    )
    out = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title><style>{style}</style></head><body>",
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
                out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
            elif isinstance(block, tuple):
                out.append(f"<pre><code>{html.escape(block[2])}</code></pre>")
            elif block.startswith("!["):
                match = re.match(r"!\[([^\]]*)\]\(([^)]+)\)", block)
                if match:
                    alt, src = html.escape(match.group(1)), html.escape(match.group(2))
                    out.append(f'<p><img src="{src}" alt="{alt}" style="max-width:100%"></p>')
            elif block.startswith("- "):
                items = "".join(f"<li>{_inline(line[2:])}</li>" for line in block.splitlines())
                out.append(f"<ul>{items}</ul>")
            else:
                out.append(f"<p>{_inline(block)}</p>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
