"""The block checks against Sphinx itself: one page, one paragraph per msgstr shape, built
once in Norwegian. What the checks accept shows whole; what they reject, Sphinx drops (the
English shows) or mangles (words lost, or markup shown as text). Together with
tests/test_checks_blocks_and_standard.py this shows that each verdict is real."""

from __future__ import annotations

import ast
import html
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

from rjguide.checks import blocks, structure
from rjguide.checks.model import Entry

from conftest import need

ROOT = Path(__file__).resolve().parent.parent
MARKER = re.compile(r"q\d\d[a-z]")

# (msgstr, the text the page must show)
ACCEPTED = [
    ("Vanlig tekst q01a.", "Vanlig tekst q01a."),
    ("Les *dette* nå, **q02a**.", "Les dette nå, q02a."),
    ("Trykk {kbd}`Ctrl` og {abbr}`NAV (Arbeids- og velferdsetaten)` q03a.",
     "Trykk Ctrl og NAV q03a."),
    ("Kjør `make po` q04a.", "Kjør make po q04a."),
    ("Se [nettstedet](https://example.org) q05a.", "Se nettstedet q05a."),
    ("En linje\nfortsetter q06a.", "En linje fortsetter q06a."),
    ("En linje\\\nfortsetter q07a.", "En linje fortsetter q07a."),
    ("Han sa «stopp» q08a.", "Han sa «stopp» q08a."),
    ("10 personer kom q09a.", "10 personer kom q09a."),
    ("Vi møttes\n2. mai q10a.", "Vi møttes 2. mai q10a."),
    ("Cirka 50 % q11a av dem.", "Cirka 50 % q11a av dem."),
    ("(q12a) = svaret", "(q12a) = svaret"),
    ("1\\. steg q13a", "1. steg q13a"),
    ("$$ q14a $$", "$$ q14a $$"),                       # dollarmath is not on in conf.py
    ("| q15a | b |", "| q15a | b |"),                   # no delimiter row: not a table
    ("Tekst q16a\n#emneknagg", "Tekst q16a #emneknagg"),
    ("Tekst q17a\n    fortsetter", "Tekst q17a fortsetter"),
    ("<kbd>Tab</kbd> q18a hopper", "Tab q18a hopper"),
    ("Gjør slik q19a::", "Gjør slik q19a::"),
    ("Tekst q20a\nmer\n: ingen definisjon", "Tekst q20a mer : ingen definisjon"),
    ("   \nTekst q21a.", "Tekst q21a."),
    ("Tekst q22a \\#noqa", "Tekst q22a #noqa"),
]


def dropped(msgstr: str) -> tuple:
    return msgstr, True, (), tuple(MARKER.findall(msgstr))


def mangled(msgstr: str, shown: tuple[str, ...], lost: tuple[str, ...]) -> tuple:
    return msgstr, False, shown, lost


# (msgstr, the English shows, what the page shows, what is lost)
REJECTED = [
    dropped(":::{note}\nMerk q31a.\n:::"),
    dropped(":::{note} Merk q32a."),
    dropped(":::\nq33a\n:::"),
    mangled("Tekst q34a\n:::{note}\nMerk q34b\n:::", ("q34a",), ("q34b",)),
    mangled("Tekst q35a\n```\nkode q35b\n```", ("q35a",), ("q35b",)),
    dropped("(lbl36)=\nTekst q36a"),
    mangled("Tekst q37a\n(lbl37)=\nmer q37b", ("q37a",), ("q37b",)),
    dropped("Begrep q38a\n: forklaring q38b"),
    dropped("Begrep q39a\n~ forklaring q39b"),
    dropped("| q40a | b |\n|---|---|\n| q40b | d |"),
    mangled("Tekst q41a\n| a | b |\n|---|---|\n| q41b | d |", ("q41a",), ("q41b",)),
    dropped("[^1]: fotnote q42a"),
    mangled("Tekst q43a\n[^1]: fotnote q43b", ("q43a",), ("q43b",)),
    dropped("% kommentar q44a"),
    mangled("Cirka q45a 50\n% q45b av deltakerne", ("Cirka q45a 50",), ("q45b",)),
    dropped("+++ q46a"),
    mangled("Tekst q47a\n+++\nmer q47b", ("q47a",), ("q47b",)),
    mangled("<div>q48a</div>", ("<div>q48a</div>",), ()),
    mangled("<!-- q49a -->\nTekst q49b", (), ("q49b",)),
    mangled("Tekst q50a\n<!-- q50b -->\nmer q50c", ("q50a",), ("q50b", "q50c")),
    mangled("Tekst q51a\n<div>q51b</div>", ("q51a",), ("q51b",)),
    mangled("Tekst q52a\n# Overskrift q52b", ("q52a",), ("q52b",)),
    dropped("Tekst q53a\n---"),
    dropped("- punkt q54a"),
    mangled("Tekst q55a\n- punkt q55b", ("q55a",), ("q55b",)),
    mangled("Tekst q56a\n1. punkt q56b", ("q56a",), ("q56b",)),
    dropped("2024. q57a var året"),
    mangled("Tekst q58a\n> sitat q58b", ("q58a",), ("q58b",)),
    mangled("Tekst q59a\n***\nmer q59b", ("q59a",), ("q59b",)),
    dropped("---\ntitle: q60a\n---\nTekst q60b"),
    mangled("[q61a]: https://example.org\nTekst q61b", ("q61b",), ("q61a",)),
    dropped("[q62a]: https://example.org"),
    mangled("Tekst q63a\n   \nmer q63b", ("q63a",), ("q63b",)),
    mangled("Tekst q64a\n\nmer q64b", ("q64a",), ("q64b",)),
    mangled("Tekst q65a #noqa", ("Tekst q65a",), ("q65a #noqa",)),
    mangled("```\nLes *q66a* nå\n```", ("*q66a*",), ()),        # markup shown as text
    mangled("    Les *q67a* nå", ("*q67a*",), ()),
    mangled(":::{code-block}\nLes *q68a* nå\n:::", ("*q68a*",), ()),
]

# headings: (msgid, msgstr, accepted, the English shows, what the page shows, what is lost)
TITLES = [
    ("Shapes", "Former q91a", True, False, ("Former q91a",), ()),
    ("1. Introduction", "1. Innledning q92a", False, True, (), ("q92a",)),
    ("2. Method", "2\\. Metode q93a", True, False, ("2. Metode q93a",), ()),
    ("Step three", "Steg tre q94a\n% kommentar q94b", False, False, ("q94a",), ("q94b",)),
]


def english(index: int) -> str:
    return f"Shape {index:02d} english."


PARAGRAPHS = [(english(i), shape[0]) for i, shape in enumerate(ACCEPTED + REJECTED)]


def conf_extensions() -> list[str]:
    tree = ast.parse((ROOT / "conf.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and \
                any(getattr(t, "id", "") == "myst_enable_extensions" for t in node.targets):
            return list(ast.literal_eval(node.value))
    raise AssertionError("conf.py sets no myst_enable_extensions")


def write_project(root: Path) -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    (root / "conf.py").write_text(
        'extensions = ["myst_parser"]\n'
        f"myst_enable_extensions = {conf_extensions()!r}\n"
        'language = "nb"\nlocale_dirs = ["locale"]\ngettext_compact = False\n'
        'exclude_patterns = ["_build"]\n', encoding="utf-8")
    titles = iter(TITLES)
    page = [f"# {next(titles)[0]}\n"] + [f"## {title[0]}\n" for title in titles]
    page[1:1] = [f"{source}\n" for source, _ in PARAGRAPHS]
    (root / "index.md").write_text("\n".join(page), encoding="utf-8")
    catalog = Catalog(locale="nb")
    for source, translation in PARAGRAPHS + [title[:2] for title in TITLES]:
        catalog.add(source, translation)
    folder = root / "locale" / "nb" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "index.mo").open("wb") as handle:
        write_mo(handle, catalog)


def visible(page: str) -> str:
    """The words a reader sees in the page's main part: tags gone, entities read."""
    body = page.split('role="main">', 1)[-1].split('<div class="sphinxsidebar"', 1)[0]
    text = re.sub(r"<(script|style)\b.*?</\1>", "", body, flags=re.DOTALL)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split())


@pytest.fixture(scope="module")
def shown(tmp_path_factory: pytest.TempPathFactory) -> str:
    for module in ("sphinx", "myst_parser", "babel"):
        need(importlib.util.find_spec(module) is not None, f"{module} is not installed "
                                                           "(pip install -e '.[test]')")
    root = tmp_path_factory.mktemp("shapes")
    write_project(root)
    build = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", "-E",
                            str(root), str(root / "_build")],
                           capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr
    text = visible((root / "_build" / "index.html").read_text(encoding="utf-8"))
    assert english(0) not in text and "q01a" in text, "the catalogue was applied"
    return text


def fired(source: str, translation: str) -> list:
    entry = Entry(source, translation, "nb", "en", (), "index.po", 1)
    return [issue for check in blocks.CHECKS + structure.CHECKS for issue in check(entry)]


@pytest.mark.parametrize(("index", "shape"), list(enumerate(ACCEPTED)))
def test_an_accepted_shape_shows_whole(shown, index, shape):
    msgstr, expected = shape
    assert fired(english(index), msgstr) == []
    assert expected in shown, f"{msgstr!r} did not show whole"
    assert english(index) not in shown


@pytest.mark.parametrize(("index", "shape"), list(enumerate(REJECTED, start=len(ACCEPTED))))
def test_a_rejected_shape_is_dropped_or_mangled(shown, index, shape):
    msgstr, english_shows, kept, lost = shape
    issues = fired(english(index), msgstr)
    assert len(issues) == 1, issues             # the fault, reported once
    assert issues[0].severity == "error"
    assert english_shows or lost or re.search(r"[<*]", "".join(kept)), "a real fault"
    assert (english(index) in shown) == english_shows
    for text in kept:
        assert text in shown, f"{msgstr!r}: {text!r} should show"
    for text in lost:
        assert text not in shown, f"{msgstr!r}: {text!r} should be lost"


@pytest.mark.parametrize("title", TITLES)
def test_a_heading_shape_is_judged_as_sphinx_does(shown, title):
    source, msgstr, accepted, english_shows, kept, lost = title
    assert (fired(source, msgstr) == []) == accepted
    assert (f"{source}¶" in shown) == english_shows
    for text in kept:
        assert text in shown
    for text in lost:
        assert text not in shown
