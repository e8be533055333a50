"""The network as a picture (views/picture.py): the SVG export draws, at a day, the ties and people the
network view draws (views/film.py's network_at), with names as text, dashed rivalries and the legend."""
import xml.etree.ElementTree as ET

import pytest

from conftest import ROOT
from dashboard.core import days
from dashboard.core.build import load
from dashboard.core.schema import RELATION_KINDS
from dashboard.views import film, network, picture

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def soviet():
    return load(ROOT / "data" / "soviet")


def _drawn(ds, day, layers=("political",)):
    nodes, edges = film.network_parts(ds)
    return nodes, edges, film.network_at(nodes, edges, network.memberships(ds), day, list(layers))


def test_the_svg_draws_the_network_at_the_day(soviet):
    day = days.from_gregorian(1927, 11, 15)
    nodes, edges, drawn = _drawn(soviet, day)
    root = ET.fromstring(picture.network_svg(soviet, day))
    texts = [t.text for t in root.iter(SVG + "text")]
    assert "Who stood with whom, 15 Nov 1927" in texts and soviet.title in texts
    labels = {n["label"] for n in nodes if n["id"] in drawn["nodes"]}
    legend = network.legend(soviet)
    words = {soviet.title, "Who stood with whom, 15 Nov 1927"} | set(RELATION_KINDS) | {
        g["name"] for g in legend["groups"]}
    assert {"Trotsky", "J. Stalin", "Zinoviev"} <= set(texts)
    assert set(texts) - words <= labels  # every other text is the label of someone drawn
    assert len(set(texts) & labels) >= 0.8 * len(labels)  # and few are left out for room
    lines = list(root.iter(SVG + "line"))
    legend = {k for k in {e["kind"] for e in edges if e["id"] in drawn["edges"]}}
    assert len(lines) == len(drawn["edges"]) + len(legend)  # one per tie, one per kind in the legend
    rivalries = sum(1 for e in edges if drawn["edges"].get(e["id"]) and e["kind"] == "rivalry")
    assert rivalries and sum(1 for ln in lines if ln.get("stroke-dasharray") == "10 6") == rivalries + 1
    circles = list(root.iter(SVG + "circle"))
    factions = {m["colour"] for m in drawn["nodes"].values() if m["colour"]}
    assert len(circles) == sum(1 for n in nodes if n["id"] in drawn["nodes"] and n["kind"] != "organisation") + len(
        factions)
    assert "Leon Trotsky" not in texts  # names are the network's short labels, not full names


def test_people_not_in_force_are_not_drawn(soviet):
    """1 Jan 1941: Trotsky was killed in August 1940."""
    root = ET.fromstring(picture.network_svg(soviet, days.from_gregorian(1941, 1, 1)))
    assert "Trotsky" not in [t.text for t in root.iter(SVG + "text")]


def test_labels_never_overlap_and_stay_inside(soviet):
    for year in (1918, 1924, 1927, 1936):
        root = ET.fromstring(picture.network_svg(soviet, days.from_gregorian(year, 6, 1)))
        boxes = []
        for t in root.iter(SVG + "text"):
            size = float(t.get("font-size"))
            x, baseline = float(t.get("x")), float(t.get("y"))
            top = baseline - picture.font(int(size)).getmetrics()[0]
            box = (x, top, x + picture.width(t.text, int(size)), top + size)
            assert 0 <= box[0] and box[2] <= picture.SVG_SIZE[0] and 0 <= box[1] and box[3] <= picture.SVG_SIZE[1]
            boxes.append(box)
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (year, a, b)


def test_text_from_the_data_is_escaped():
    shapes = [{"shape": "text", "at": (0, 0), "text": "<script>&", "size": 12, "colour": "#000000"}]
    out = picture.svg(shapes, (10, 10), "a <b>")
    root = ET.fromstring(out)
    assert [t.text for t in root.iter(SVG + "text")] == ["<script>&"] and "<script>" not in out
