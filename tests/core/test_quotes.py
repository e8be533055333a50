import pytest

from conftest import FIXTURES
from dashboard.cli import main
from dashboard.core.quotes import find_in_order, normalise, parse_locator


@pytest.mark.parametrize("raw, quote", [
    ("was de-\nfeated by 1927", "was defeated by 1927"),
    ("16 October 1952[a] and", "16 October 1952 and"),
    ("born on\n18 December [O.S. 6 December] 1878.[12]", "born on / 18 December [O.S. 6 December] 1878."),
    ("the \u201cRight\u201d group", 'the "Right" group'),
    ("Marxist-\nLeninist state", "Marxist-Leninist state"),
])
def test_normalisation_matches(raw, quote):
    assert find_in_order(normalise(raw), quote)


def test_ellipsis_fragments_must_be_in_order():
    text = normalise("On 25 October 1917 the Bolsheviks took power. Lenin became chairman.")
    assert find_in_order(text, "On 25 October 1917 ... Lenin became chairman")
    assert not find_in_order(text, "Lenin became chairman ... On 25 October 1917")


def test_parse_locator():
    assert parse_locator("3484;3540-3547") == [(3484, 3484), (3540, 3547)]


def test_verify_quotes_passes_on_fixture(capsys):
    assert main(["verify-quotes", str(FIXTURES / "mini"), "--sources", str(FIXTURES / "texts")]) == 0
    assert "17 of 17 cited rows verified" in capsys.readouterr().out


def test_verify_quotes_reports_wrong_quote_and_moved_locator(mini, capsys):
    text = (mini / "events.csv").read_text(encoding="utf-8")
    text = text.replace("Petrograd.", "Moscow.").replace("chron,12,Trotsky was expelled", "chron,3,Trotsky was expelled")
    (mini / "events.csv").write_text(text, encoding="utf-8")
    assert main(["verify-quotes", str(mini), "--sources", str(FIXTURES / "texts")]) == 1
    out = capsys.readouterr().out
    assert ('events.csv:2:12: quote not found at mini-chronicle.txt lines 2 ("On 25 October 1917 the Bolsheviks took power in M…")'
            " — copy the words exactly as they stand in the source") in out
    assert "events.csv:3:12: quote not found at mini-chronicle.txt lines 3" in out
    assert "the first words are on line 12: fix the locator" in out
