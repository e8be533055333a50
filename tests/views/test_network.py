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
