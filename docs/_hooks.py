"""mkdocs hooks (see mkdocs.yml): links from a page to a file of the repository outside docs/.

GitHub renders ``[app](../examples/app.py)`` as a link into the repository; a site built from
docs/ has no such file. The hook keeps the link text and names the repository path instead,
and a target missing from the checkout is a warning, which ``mkdocs build --strict`` fails on.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.plugins.llmswitch")
_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\((\.\./[^)\s#]+)(#[^)\s]*)?\)")


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    docs = Path(config["docs_dir"]).resolve()
    root = docs.parent
    here = (docs / page.file.src_path).parent

    def replace(match: re.Match[str]) -> str:
        label, target = match.group(1), match.group(2)
        path = (here / target).resolve()
        if path.is_relative_to(docs):
            return match.group(0)  # a page of the site: mkdocs checks it
        if not path.exists():
            log.warning("%s links to %s, which is not in the repository", page.file.src_path,
                        target)  # fmt: skip
        return f"{label} (`{path.relative_to(root).as_posix()}` in the repository)"

    return _LINK.sub(replace, markdown)
