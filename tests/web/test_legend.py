"""The two keys (web/payload.py): every colour and mark the views draw, one element per item where it can be."""
from conftest import ROOT
from dashboard.core.build import load
from dashboard.views import network, timeline
from dashboard.web import payload


def _items(tree):
    return tree[0].children


def test_the_timeline_key_names_every_colour_and_mark():
    ds = load(ROOT / "data" / "soviet")
    colours = timeline.legend(ds, "organisation")
    items = _items(payload.timeline_legend(colours))
    assert [(li.children, li.style["--swatch"]) for li in items[:len(colours)]] == colours
    marks = items[len(colours):]
    assert marks[0].className == "legend-item box hatched"
    assert [(li.children, getattr(li, "data-mark")) for li in marks[1:]] == [
        ("goes on past the record", "▶"), ("start or end not given", "|"), ("event", "◆")]
    assert all(isinstance(li.children, str) for li in items)  # text, never markup: one element an item


def test_the_network_key_names_every_relation_kind_and_faction():
    ds = load(ROOT / "data" / "soviet")
    spec = network.legend(ds)
    items = _items(payload.legend(spec))
    kinds, groups = items[:len(spec["relations"])], items[len(spec["relations"]):]
    assert [li.children[1] for li in kinds] == [r["kind"] for r in spec["relations"]]
    patronage = kinds[[r["kind"] for r in spec["relations"]].index("patronage")].children[0]
    assert (getattr(patronage, "data-before"), getattr(patronage, "data-after")) == ("", "▶")
    assert [(li.children, li.style["--swatch"]) for li in groups] == [(g["name"], g["colour"]) for g in spec["groups"]]
