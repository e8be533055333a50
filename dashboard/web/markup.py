"""The views' plain-data markup (views/markup.py) as Dash components. Strings stay children, so React
renders them as text."""
from __future__ import annotations

from dash import html

from ..views.markup import TAGS

COMPONENTS = {tag: getattr(html, tag.capitalize()) for tag in TAGS}  # "h3" -> html.H3, "ul" -> html.Ul


def component(node):
    """An element, a list of them, or a text, as Dash components."""
    if isinstance(node, (list, tuple)):
        return [component(n) for n in node]
    if isinstance(node, dict):
        props = {k: v for k, v in node.items() if k not in ("tag", "children")}
        return COMPONENTS[node["tag"]](children=component(node["children"]), **props)
    return str(node)
