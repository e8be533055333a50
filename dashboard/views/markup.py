"""Plain-data markup for what the views describe in words (the detail panel): `el("p", "text",
className="when")` is a dict that web/ turns into Dash components (web/markup.py). The views stay free of
Dash, and data strings stay text: they are children, never HTML."""
from __future__ import annotations

# The elements the views may use; web/markup.py maps each to its Dash component.
TAGS = ("div", "p", "h3", "h4", "span", "strong", "cite", "a", "blockquote", "ul", "li", "details", "summary")


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
