import pytest

from conftest import FIXTURES
from dashboard.core.build import load
from dashboard.core.days import from_gregorian as D
from dashboard.views import network
from dashboard.views.style import PALETTE, RELATION_STYLE


@pytest.fixture(scope="module")
def ds():
    return load(FIXTURES / "mini")


def test_nodes_have_preset_positions_and_activity(ds):
    nodes = [e for e in network.elements(ds) if "source" not in e["data"]]
    assert {n["data"]["id"] for n in nodes} == set(ds["people"]["person_id"])
    lenin = next(n for n in nodes if n["data"]["id"] == "lenin")
    assert lenin["data"]["hi"] == D(1924, 1, 31)  # died in January 1924
    assert lenin["data"]["end"] == D(1924, 1, 1)
    assert set(lenin["position"]) == {"x", "y"}
    party = next(n for n in nodes if n["data"]["id"] == "bolshevik-party")
    assert party["classes"] == "organisation"


def test_positions_are_deterministic(ds):
    assert network.elements(ds) == network.elements(ds)


def test_edges_carry_validity_and_kind(ds):
    edges = {e["data"]["relation_id"]: e for e in network.elements(ds) if "source" in e["data"]}
    rep = edges["stalin-trotsky-repression"]
    assert rep["classes"] == "repression directed"
    # Open ("..") and nobody dies: to the end of the record (1929, the last year a row gives).
    assert rep["data"]["lo"] == D(1929, 1, 1) and rep["data"]["hi"] == D(1929, 12, 31)
    ally = edges["stalin-zinoviev-alliance"]
    assert ally["classes"] == "alliance" and ally["data"]["lo"] == D(1922, 1, 1)  # c. 1923
    # No end recorded: surely in force to the last day its start may be, uncertain for two years after.
    assert ally["data"]["end"] == D(1924, 12, 31) and ally["data"]["hi"] == D(1924, 12, 31) + 730


def test_filters(ds):
    only = network.elements(ds, relation_kinds=["alliance"])
    assert [e["data"]["kind"] for e in only if "source" in e["data"]] == ["alliance"]
    members = network.elements(ds, groups=["left-opposition"])
    assert [e["data"]["id"] for e in members] == ["trotsky"]
    # What the browser gets: the ids the filters keep, or None for all.
    assert network.visible(ds, ["left-opposition"], None) == ["trotsky"]
    assert network.visible(ds, [], []) is None


def test_stylesheet_styles_every_kind_and_its_ends(ds):
    sheet = {r["selector"]: r["style"] for r in network.stylesheet()}
    for kind, (colour, _, ends) in RELATION_STYLE.items():
        style = sheet[f"edge.{kind}"]
        assert style["line-color"] == colour
        assert ("target-arrow-shape" in style) == bool(ends)
        # Only a tie with a direction has an end on one side alone.
        assert ("source-arrow-shape" in style) == (ends in ("circles", "squares"))


def test_no_two_relation_kinds_look_alike_without_colour():
    """Relation kinds differ by line style and ends as well as colour (for colour-blind viewers)."""
    looks = [(line, ends) for _, line, ends in RELATION_STYLE.values()]
    assert len(set(looks)) == len(looks), looks


def test_memberships_for_colouring(ds):
    assert network.memberships(ds) == [{"person": "trotsky", "group": "left-opposition", "lo": D(1923, 1, 1),
                                        "hi": D(1928, 12, 31), "colour": PALETTE[0]}]


@pytest.fixture(scope="module")
def medium():
    return load(FIXTURES / "medium")


def test_nodes_show_surnames(ds, medium):
    labels = {e["data"]["id"]: e["data"]["label"] for e in network.elements(medium) if "source" not in e["data"]}
    assert labels == {"arkady": "Antonov", "boris": "Belov", "vera": "Volkova", "gleb": "Gromov", "dina": "Dorina"}
    mini = {e["data"]["id"]: e["data"]["label"] for e in network.elements(ds) if "source" not in e["data"]}
    assert mini["stalin"] == "Stalin" and mini["bolshevik-party"] == "Bolshevik party"  # no acronym: the name
    assert network.short_label("Communist Party of the Soviet Union", "organisation", "CPSU;VKP(b);Bolsheviks") == "CPSU"
    assert network.short_label("Cher", "person", "") == "Cher"
    assert network.short_label("Alexander Kerensky (elder)", "person", "") == "Alexander Kerensky (elder)"


def test_the_narrowest_faction_colours_a_node(medium):
    """Memberships go to the browser widest first; it applies them in order (assets/network_state.js,
    factionAt), so the last one that holds at a day, the narrowest, colours the node. Medium: Gleb's Right seat
    (1915-1936), Boris's Left (1908-1926), Dina's Left (1910-1918), Dina's Right (1918-1920)."""
    sent = network.memberships(medium)
    assert [(m["person"], m["group"]) for m in sent] == [("gleb", "right"), ("boris", "left"), ("dina", "left"),
                                                         ("dina", "right")]
    colours = {g["id"]: g["colour"] for g in network.legend(medium)["groups"]}
    for day, colour in ((D(1915, 6, 1), colours["left"]), (D(1918, 6, 1), colours["right"])):
        last = [m for m in sent if m["person"] == "dina" and m["lo"] <= day <= m["hi"]][-1]
        assert last["colour"] == colour


def test_a_relation_is_on_the_layer_of_its_scope_then_of_its_kind():
    pairs = (("alliance", "foreign"), ("family", "foreign"), ("alliance", "personal"), ("family", "party"),
             ("other", "state"), ("succession", "party"), ("rivalry", "state"))
    assert [network.layer_of(k, s) for k, s in pairs] == [
        "foreign", "foreign", "personal", "personal", "personal", "political", "political"]


def test_a_node_weighs_its_political_ties_over_the_whole_record(medium):
    # Medium's political ties: Arkady-Boris, Boris-Vera (alliance, then rivalry), Gleb-Boris; Dina and Gleb's
    # family tie is personal, so Dina has none.
    assert network.degree(medium) == {"boris": 4, "vera": 2, "arkady": 1, "gleb": 1}


def test_elements_carry_what_the_browser_draws(medium):
    nodes = {e["data"]["id"]: e for e in network.elements(medium) if "source" not in e["data"]}
    assert nodes["boris"] == {
        "data": {"id": "boris", "label": "Belov", "name": "Boris Belov", "kind": "person", "weight": 4,
                 "lo": D(1902, 1, 1), "start": D(1902, 1, 1), "end": D(1937, 3, 15), "hi": D(1937, 3, 15)},
        "position": {"x": -264.0, "y": -3.4}, "classes": "person"}
    assert nodes["dina"]["data"]["weight"] == 0
    edges = {e["data"]["id"]: e for e in network.elements(medium) if "source" in e["data"]}
    assert edges["rel::gleb-boris-repression"] == {
        "data": {"id": "rel::gleb-boris-repression", "relation_id": "gleb-boris-repression", "source": "gleb",
                 "target": "boris", "kind": "repression", "scope": "party", "layer": "political",
                 "lo": D(1936, 11, 1), "start": D(1936, 11, 30), "end": D(1936, 11, 30), "hi": D(1937, 3, 15)},
        "classes": "repression directed"}
    assert edges["rel::dina-gleb-family"]["classes"] == "family"
    assert edges["rel::dina-gleb-family"]["data"]["layer"] == "personal"


def test_a_node_without_a_position_is_drawn_at_the_origin(medium):
    frames = {t: medium[t] for t in ("people", "positions", "relations", "memberships")}
    frames["positions"] = frames["positions"][frames["positions"]["person_id"] != "boris"]
    nodes = {e["data"]["id"]: e for e in network.elements(frames) if "source" not in e["data"]}
    assert nodes["boris"]["position"] == {"x": 0.0, "y": 0.0}
    assert nodes["gleb"]["position"] == {"x": 148.7, "y": 240.0}


def test_filters_keep_a_groups_members_and_the_ties_among_them(medium):
    right = network.elements(medium, groups=["right"])
    assert sorted(e["data"]["id"] for e in right) == ["dina", "gleb", "rel::dina-gleb-family"]
    kinds = network.elements(medium, relation_kinds=["rivalry", "repression"])
    assert sorted(e["data"]["id"] for e in kinds if "source" in e["data"]) == [
        "rel::boris-vera-rivalry", "rel::gleb-boris-repression"]
    assert len([e for e in kinds if "source" not in e["data"]]) == 5  # a kind filter keeps every person
    assert network.visible(medium, None, ["family"]) == ["arkady", "boris", "vera", "gleb", "dina",
                                                         "rel::dina-gleb-family"]


def test_labels_that_two_people_share_take_an_initial_then_the_full_name():
    import pandas as pd

    people = pd.DataFrame({
        "person_id": ["joseph", "vasily", "ivan", "igor", "cher", "anna", "party-a", "party-b"],
        "name": ["Joseph Stalin", "Vasily Stalin", "Ivan Petrov", "Igor Petrov", "Cher", "Anna Cher", "Workers Party",
                 "Peasants Party"],
        "kind": ["person"] * 6 + ["organisation"] * 2,
        "aliases": ["", "", "", "", "", "", "WP;XP", "WP"]})
    # A one-word name has no initial to add: it stays whole, and the other Cher takes her initial.
    assert network.node_labels(people) == {
        "joseph": "J. Stalin", "vasily": "V. Stalin", "ivan": "Ivan Petrov", "igor": "Igor Petrov", "cher": "Cher",
        "anna": "A. Cher", "party-a": "Workers Party", "party-b": "Peasants Party"}


def test_an_acronym_is_two_to_eight_capitals_and_the_shortest_wins():
    org = "organisation"
    assert network.short_label("X", org, "AB;ABCDEFGHI") == "AB"
    assert network.short_label("X", org, "ABCDEFGH") == "ABCDEFGH"
    assert network.short_label("X", org, "ABCDEFGHI;A") == "X"
    assert network.short_label("X", org, "ABCD;ABC;Abc") == "ABC"
    assert network.short_label("X", org, "ABC;ZZ") == "ZZ"  # the shortest, not the first in the alphabet
    assert network.short_label("Vladimir Ilyich Lenin", "person", "") == "Lenin"
    assert network.short_label("Vladimir Lenin", "person", "VL") == "Lenin"  # a person's aliases are not labels


def test_the_legend_lists_the_layers_kinds_and_factions_present(medium):
    assert network.legend(medium) == {
        "layers": [{"layer": "political", "label": "political"},
                   {"layer": "personal", "label": "personal (family, other)"}],
        "relations": [{"kind": k, "colour": RELATION_STYLE[k][0], "line": RELATION_STYLE[k][1],
                       "ends": RELATION_STYLE[k][2]} for k in ("alliance", "rivalry", "repression", "family")],
        "groups": [{"id": "left", "name": "Left faction", "colour": PALETTE[0]},
                   {"id": "right", "name": "Right faction", "colour": PALETTE[1]}]}
    assert network.group_colours(medium) == {"left": PALETTE[0], "right": PALETTE[1]}


def test_the_classes_the_browser_sets_have_their_styles():
    sheet = {r["selector"]: r["style"] for r in network.stylesheet(12)}
    assert sheet["node"]["label"] == "data(label)" and sheet["node"]["font-size"] == 12
    for hidden in ("edge.off", "node.gone, node.alone", "node.outside, edge.outside"):
        assert sheet[hidden] == {"display": "none"}, hidden
    assert sheet["node.nolabel"] == {"label": ""} and sheet["node.hover"]["label"] == "data(label)"
    assert sheet["edge.uncertain"]["width"] < sheet["edge"]["width"] < sheet["edge.repression"]["width"]
    assert sheet["node.uncertain"]["border-style"] == "dashed"
    assert sheet["node.organisation"]["shape"] == "round-rectangle"
    assert sheet["node.lbl-top"]["text-valign"] == "top"
    places = {"right": ("center", "right", 2), "left": ("center", "left", -2), "bottom-right": ("bottom", "right", 0),
              "bottom-left": ("bottom", "left", 0), "top-right": ("top", "right", 0), "top-left": ("top", "left", 0)}
    for place, (valign, halign, margin_x) in places.items():
        assert sheet[f"node.lbl-{place}"] == {"text-valign": valign, "text-halign": halign,
                                              "text-margin-x": margin_x, "text-margin-y": 0}, place
    assert sheet["edge.family"]["target-arrow-shape"] == sheet["edge.family"]["source-arrow-shape"] == "circle"
    assert sheet["edge.patronage"]["target-arrow-shape"] == "triangle"
    assert sheet["edge.repression"]["target-arrow-shape"] == "tee"
    assert sheet["edge.other"]["source-arrow-shape"] == "square"


def test_the_page_gets_every_style_the_browser_adds():
    assert network.styles() == {"base": network.stylesheet(), "everyone": network.EVERYONE, "focus": network.FOCUS,
                                "focus_edge": network.FOCUS_EDGE, "selected": network.SELECTED,
                                "selected_edge": network.SELECTED_EDGE, "present": network.PRESENT,
                                "present_min_px": network.PRESENT_MIN_PX, "names": network.NAMES,
                                "names_min_px": network.NAMES_MIN_PX}
    # Off a slide, names start from the stylesheet's own size.
    assert network.stylesheet()[0]["style"]["font-size"] == network.NAMES["font-size"]


def _with_ties(medium, *ties) -> dict:
    """Medium's frames (what elements, degree and legend read) with its relations replaced by `ties`:
    (id, a, b, kind, scope)."""
    frames = {t: medium[t] for t in ("people", "positions", "memberships", "groups")}
    base = medium["relations"].iloc[[0]]
    import pandas as pd

    frames["relations"] = pd.concat([base.assign(relation_id=rid, a=a, b=b, kind=kind, scope=scope)
                                     for rid, a, b, kind, scope in ties], ignore_index=True)
    return frames


def test_the_layer_comes_from_both_the_kind_and_the_scope(medium):
    frames = _with_ties(medium, ("ally", "vera", "gleb", "alliance", "party"),
                        ("abroad", "vera", "boris", "alliance", "foreign"),
                        ("kin", "arkady", "vera", "family", "party"))
    # Only the party alliance is political: the foreign one is on its own layer, a family tie is personal.
    assert network.degree(frames) == {"vera": 1, "gleb": 1}
    layers = {e["data"]["id"]: e["data"]["layer"] for e in network.elements(frames) if "source" in e["data"]}
    assert layers == {"rel::ally": "political", "rel::abroad": "foreign", "rel::kin": "personal"}
    lay = [x["layer"] for x in network.legend(_with_ties(medium, ("ally", "vera", "gleb", "alliance", "party"),
                                                          ("kin", "arkady", "vera", "family", "party")))["layers"]]
    assert lay == ["political", "personal"]
    lay = [x["layer"] for x in network.legend(_with_ties(medium, ("ally", "vera", "gleb", "alliance", "party"),
                                                          ("abroad", "vera", "boris", "alliance", "foreign")))["layers"]]
    assert lay == ["political", "foreign"]


# The style properties cytoscape.js knows that the sheet uses (js.cytoscape.org, "Style"): a misspelt name is
# ignored by cytoscape without a word, so the style would silently be lost.
CYTOSCAPE_PROPERTIES = {
    "label", "font-size", "font-family", "font-weight", "color", "min-zoomed-font-size", "text-valign", "text-halign",
    "text-margin-x", "text-margin-y", "text-wrap", "text-max-width", "text-outline-color", "text-outline-width",
    "text-background-color", "text-background-opacity", "text-background-padding", "background-color",
    "background-opacity", "width", "height", "shape", "border-width", "border-color", "border-style", "opacity",
    "z-index", "display", "curve-style", "arrow-scale", "line-color", "line-style", "target-arrow-color",
    "source-arrow-color", "target-arrow-shape", "source-arrow-shape"}
# The values cytoscape accepts for the keyword properties the sheet sets.
KEYWORDS = {
    "text-valign": {"top", "center", "bottom"}, "text-halign": {"left", "center", "right"},
    "text-wrap": {"none", "wrap", "ellipsis"}, "font-weight": {"normal", "bold"},
    "border-style": {"solid", "dotted", "dashed", "double"}, "line-style": {"solid", "dotted", "dashed"},
    "curve-style": {"haystack", "straight", "bezier", "unbundled-bezier", "segments", "taxi"},
    "shape": {"ellipse", "rectangle", "round-rectangle"}, "display": {"element", "none"},
    "target-arrow-shape": {"triangle", "tee", "circle", "square"}, "source-arrow-shape": {"circle", "square"}}


def test_the_sheet_styles_the_classes_the_browser_sets_with_properties_cytoscape_knows():
    sheet = network.stylesheet()
    assert [r["selector"] for r in sheet] == [
        "node", "node.organisation", "edge", "node.focus, node:selected", "edge.focus, edge:selected",
        *[f"edge.{kind}" for kind in RELATION_STYLE],
        "edge.off", "edge.uncertain", "node.uncertain", "node.gone, node.alone", "node.lbl-top",
        "node.lbl-right", "node.lbl-left", "node.lbl-bottom-right", "node.lbl-bottom-left", "node.lbl-top-right",
        "node.lbl-top-left", "node.changed", "edge.changed", "node.outside, edge.outside", "node.onpath",
        "edge.onpath", "node.nolabel", "node.hover"]
    everything = sheet + network.EVERYONE + [{"selector": "(added)", "style": s} for s in (
        network.FOCUS, network.FOCUS_EDGE, network.SELECTED, network.SELECTED_EDGE, network.PRESENT)]
    for rule in everything:
        for prop, value in rule["style"].items():
            assert prop in CYTOSCAPE_PROPERTIES, (rule["selector"], prop)
            if prop in KEYWORDS:
                assert value in KEYWORDS[prop], (rule["selector"], prop, value)
            if prop.endswith("opacity"):
                assert 0 <= value <= 1, (rule["selector"], prop, value)
    by = {r["selector"]: r["style"] for r in sheet}
    assert by["node"]["font-family"] == "system-ui, sans-serif" and by["node"]["text-valign"] == "bottom"
    assert by["node.organisation"]["text-wrap"] == "ellipsis" and by["node"]["text-wrap"] == "wrap"
    assert by["edge"]["curve-style"] == "bezier"
    assert by["node.changed"]["border-style"] == "double"
    for selector in ("node.focus, node:selected", "node.changed", "node.onpath"):
        assert by[selector]["border-width"] > by["node"]["border-width"], selector
    assert by["node.focus, node:selected"]["font-weight"] == network.FOCUS["font-weight"] == "bold"
    # Drawn above: the hovered name, then what just changed, the path, the selection.
    z = [by[s]["z-index"] for s in ("node.hover", "node.changed", "node.onpath", "node.focus, node:selected")]
    assert z == sorted(z, reverse=True) and len(set(z)) == 4
    assert by["node.lbl-top"]["text-margin-y"] < 0 < by["node"]["text-margin-y"]  # clear of the node either side
