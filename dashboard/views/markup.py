"""Plain-data markup for what the views describe in words (the detail panel, a scene's caption):
`el("p", "text", className="when")` is a dict that web/ turns into Dash components (web/markup.py). The
views stay free of Dash, and data strings stay text: they are children, never HTML."""
from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

# The elements the views may use; web/markup.py maps each to its Dash component.
TAGS = ("div", "p", "h3", "h4", "span", "strong", "em", "code", "br", "cite", "a", "blockquote", "ul", "ol", "li",
        "details", "summary")


def el(tag: str, *children, **props) -> dict:
    """An element: its tag, its children (strings, elements, or None, which is left out) and its props."""
    assert tag in TAGS, tag
    kids = [c for c in children if c is not None]
    return {"tag": tag, "children": kids, **props}


def text(node) -> str:
    """All the text in a node or a list of nodes, in reading order."""
    if isinstance(node, (list, tuple)):
        return " ".join(t for t in (text(c) for c in node) if t)
    if isinstance(node, dict):
        return text(node["children"])
    return "" if node is None else str(node)


# CommonMark without raw HTML: a tag in a caption stays text. markdown-it drops links it does not trust
# (javascript:, vbscript:, file:, data:).
_MARKDOWN = MarkdownIt("commonmark", {"html": False})
_ELEMENTS = {"paragraph": "p", "strong": "strong", "em": "em", "bullet_list": "ul", "ordered_list": "ol",
             "list_item": "li", "blockquote": "blockquote", "heading": "p", "hardbreak": "br"}


def markdown(source: str | None) -> list:
    """A scene caption's Markdown as elements (the page used to ship a Markdown renderer for it: 116 kB of
    JavaScript on every page). Headings become paragraphs, images their alt text."""
    return _nodes(SyntaxTreeNode(_MARKDOWN.parse(source or "")).children)


def _nodes(nodes) -> list:
    out: list = []
    for n in nodes:
        kids = _nodes(n.children)
        if n.type == "text":
            out.extend([n.content] if n.content else [])
        elif n.type == "softbreak":
            out.append(" ")
        elif n.type in ("code_inline", "code_block", "fence"):
            out.append(el("code", n.content) if n.type == "code_inline" else el("p", el("code", n.content)))
        elif n.type == "link":
            out.append(el("a", *kids, href=n.attrs["href"]))
        elif n.type in _ELEMENTS and not (n.type == "paragraph" and n.hidden):  # a tight list's items
            out.append(el(_ELEMENTS[n.type], *kids))
        else:  # inline runs, a tight list's paragraphs, an image's alt text, a rule
            out.extend(kids)
    return out
