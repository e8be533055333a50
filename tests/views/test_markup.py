"""Scene captions' Markdown as the views' plain elements (views/markup.py): text stays text."""
from dashboard.views.markup import el, markdown, text


def test_emphasis_links_and_lists():
    assert markdown("In **October** the *Bolsheviks* [rose](https://en.wikipedia.org/wiki/October_Revolution).") == [
        el("p", "In ", el("strong", "October"), " the ", el("em", "Bolsheviks"), " ",
           el("a", "rose", href="https://en.wikipedia.org/wiki/October_Revolution"), ".")]
    assert markdown("- Lenin\n- Trotsky\n\n1. first") == [el("ul", el("li", "Lenin"), el("li", "Trotsky")),
                                                        el("ol", el("li", "first"))]
    assert markdown("one\ntwo  \nthree") == [el("p", "one", " ", "two", el("br"), "three")]
    assert markdown(None) == [] and markdown("") == []


def test_raw_html_and_unsafe_links_stay_text():
    out = markdown('<img src=x onerror="alert(1)"> [run](javascript:alert(1)) <b>bold</b>')
    assert all(node["tag"] != "a" for p in out for node in p["children"] if isinstance(node, dict))
    assert text(out) == '<img src=x onerror="alert(1)"> [run](javascript:alert(1)) <b>bold</b>'


def test_headings_and_images_keep_their_words():
    assert markdown("# The split\n\n![Stalin **and** Trotsky](x.png)") == [
        el("p", "The split"), el("p", "Stalin ", el("strong", "and"), " Trotsky")]
