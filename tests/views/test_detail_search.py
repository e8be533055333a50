import pytest

from conftest import FIXTURES, ROOT
from dashboard.core.build import load
from dashboard.views import detail, search
from dashboard.views.markup import text as _text


@pytest.fixture(scope="module")
def ds():
    return load(FIXTURES / "mini")


def test_tenure_panel_has_who_what_when_source_quote(ds):
    text = _text(detail.panel(ds, "tenure", "lenin-sovnarkom-chair"))
    for part in ("Vladimir Lenin", "Chairman of the Council of People's Commissars", "7 Nov 1917 (25 Oct O.S.)",
                 "Old Style as written: 1917-10-25", "Test chronicle", "lines 2-3",
                 "On 25 October 1917 ... Lenin became chairman"):
        assert part in text


def test_person_panel_shows_disagreeing_claims(ds):
    text = _text(detail.panel(ds, "person", "stalin"))
    assert "Sources disagree" in text and "born: 1879" in text and "Some say Stalin was born in 1879." in text
    assert "preferred" in text


def test_quote_is_text_not_html(ds):
    """The panel is plain data (no Dash in views/); the quote is a text child, which React renders as text."""
    panel = detail.panel(ds, "event", "october-revolution-1917")
    citation = next(c for c in panel if c["tag"] == "div" and c.get("className") == "citation")
    quote = citation["children"][0]
    assert quote["tag"] == "blockquote" and [type(c) for c in quote["children"]] == [str]


def test_the_web_turns_the_panel_into_components(ds):
    from dash import html

    from dashboard.web import markup
    made = markup.component(detail.panel(ds, "event", "october-revolution-1917"))
    assert isinstance(made[0], html.H3)
    citation = next(c for c in made if isinstance(c, html.Div) and c.className == "citation")
    quote = ds["events"].set_index("event_id").at["october-revolution-1917", "quote"]
    assert isinstance(citation.children[0], html.Blockquote) and citation.children[0].children == [quote]


def test_unknown_and_click_resolution(ds):
    assert "Nothing selected" in _text(detail.panel(ds, "tenure", "nope"))
    assert detail.resolve_click({"points": [{"customdata": ["t1", "p", "tenure", 0, 1]}]}) == ("tenure", "t1")
    assert detail.resolve_click({"points": []}) is None
    assert detail.resolve_click(None) is None


@pytest.mark.parametrize("query", ["trotskii", "Троцкий", "bronstein", "TROTSKY", "Trótsky", "leon"])
def test_search_variant_spellings(ds, query):
    assert search.find(ds["people"], query)[0] == ("trotsky", "Leon Trotsky")


def test_search_empty_and_no_match(ds):
    assert search.find(ds["people"], "") == []
    assert search.find(ds["people"], "napoleon") == []


@pytest.mark.parametrize("kind, rid, sentence", [
    ("relation", "boris-vera-alliance",
     "No end recorded: superseded by the rivalry from Sep 1925 (A chronicle of Ruritania (test text), lines 22)."),
    ("tenure", "vera-secretary",
     "No end recorded: ended when Dina Dorina took the office (Mar 1915; A chronicle of Ruritania (test text), lines 11)."),
    ("tenure", "arkady-chair", "Ended by the death of Arkady Antonov (10 May 1920)."),
    ("tenure", "gleb-chair", "No end recorded: last attested 1 Jun 1934; uncertain until 31 May 1936, then not shown."),
    ("relation", "dina-gleb-family", "No dates recorded: shown as uncertain while its people are in the record."),
])
def test_panel_says_how_a_row_ended(kind, rid, sentence):
    assert sentence in _text(detail.panel(load(FIXTURES / "medium"), kind, rid))


def test_a_single_claim_is_a_citation_not_a_disagreement():
    medium = load(FIXTURES / "medium")
    text = _text(detail.panel(medium, "tenure", "boris-chair"))
    assert "Sources disagree" in text  # June or July 1920
    frames = dict(medium.frames)
    frames["claims"] = frames["claims"][frames["claims"]["preferred"]]
    one = type(medium)(medium.path, medium.title, medium.description, medium.descriptor, frames)
    text = _text(detail.panel(one, "tenure", "boris-chair"))
    assert "Also cited" in text and "Sources disagree" not in text and "from a second source" in text


def test_search_ranks_whole_names_then_word_starts_then_anywhere():
    """Medium: "d" starts Dina's name and is inside Arkady's: Dina first, though Arkady comes first
    alphabetically; "v" starts Vera (and Volkova) and is inside Antonov, Belov and Gromov."""
    people = load(FIXTURES / "medium")["people"]
    assert search.find(people, "d") == [("dina", "Dina Dorina"), ("arkady", "Arkady Antonov")]
    assert [pid for pid, _ in search.find(people, "v")] == ["vera", "arkady", "boris", "gleb"]
    assert search.find(people, "v", limit=2) == [("vera", "Vera Volkova"), ("arkady", "Arkady Antonov")]


def _find(node, tag):
    if isinstance(node, dict):
        if node["tag"] == tag:
            return node
        return next((f for f in (_find(c, tag) for c in node["children"]) if f), None)
    if isinstance(node, list):
        return next((f for f in (_find(c, tag) for c in node) if f), None)
    return None


def test_a_long_list_of_spellings_folds_away_and_a_short_one_does_not():
    """Soviet: Stalin has dozens of recorded spellings, folded under a summary so his quote stays in view;
    four or fewer are listed in the open."""
    soviet = load(ROOT / "data" / "soviet")
    folded = _find(detail.panel(soviet, "person", "stalin"), "details")
    assert folded is not None and "spellings" in _text(_find(folded, "summary")) and "Koba" in _text(folded)
    few = detail._aliases(["Koba", "Soso"])
    assert few["tag"] == "p" and _text(few) == "Also written: Koba, Soso"
    assert detail._aliases([]) is None


def test_fold_drops_case_and_accents_and_transliterates_cyrillic():
    assert search.fold("Trótsky") == "trotsky"
    assert search.fold("Лев Троцкий") == "lev trotskii"  # й is и with a breve: the breve goes


def test_each_spelling_family_finds_the_latin_name_alone(ds):
    """Mini's Trotsky without his Cyrillic name and aliases: -ski, -skii, -skiy and -sky all find "Leon
    Trotsky"; a name known only in Cyrillic is found by its Latin form."""
    latin = ds["people"].assign(name_native="", aliases="")
    for query in ("trotski", "trotskii", "trotskiy", "trotsky"):
        assert search.find(latin, query)[:1] == [("trotsky", "Leon Trotsky")], query
    cyrillic = ds["people"].assign(name="", aliases="", person_id=["p1", "p2", "p3", "p4", "p5"])
    assert search.find(cyrillic, "lev") == [("p3", "")]


def test_a_person_ranks_by_their_best_spelling_in_whatever_order_they_are_tried(monkeypatch):
    """`index` gives each person's spellings as a set, in no fixed order. For "koba": Clara's spelling is it
    (whole), Boris has it as a later word (word start), Anna inside a word; Aaron, first by name, has two
    spellings and ranks by the better one, whichever comes first."""
    fixed = [("clara", "Clara", ["koba"]), ("boris", "Boris", ["soso koba"]), ("anna", "Anna", ["dzhugakobashvili"])]
    for spellings, expected in ([["dzhugakobashvili", "soso koba"], ["clara", "aaron", "boris", "anna"]],
                                [["koba", "soso koba"], ["aaron", "clara", "boris", "anna"]]):
        for order in (spellings, spellings[::-1]):
            monkeypatch.setattr(search, "index", lambda _people, order=order: [("aaron", "Aaron", order), *fixed])
            assert [pid for pid, _ in search.find(None, "koba")] == expected, order
