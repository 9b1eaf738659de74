"""Block structure (rjguide/checks/blocks.py) and the written standard (standard.py):
planted faults that must fire, near misses that must not, the shipped catalogues, and the
dictionary evidence behind every marker word."""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest

from rjguide.checks import blocks, standard, structure
from rjguide.checks.model import Entry, Issue
from rjguide.checks.runner import catalogue_entries, is_ui_catalogue
from rjguide.checks.standard_words import DICTIONARY_GAPS, NB_IN_NN, NN_IN_NB
from rjguide.library.project import Project

from conftest import need

ROOT = Path(__file__).resolve().parent.parent
HUNSPELL = Path("/usr/share/hunspell")
SOURCE = "Some text."


def entry(translation: str, source: str = SOURCE, language: str = "nb") -> Entry:
    return Entry(source, translation, language, "en", (), "x.po", 1)


def run(checks, item: Entry) -> list[Issue]:
    return [issue for check in checks for issue in check(item)]


# What structure.py misses: (translation, what the message must name). Source: one paragraph.
BLOCK_FAULTS = [
    (":::{note}\nMerk dette.\n:::", "the translation starts with ':::{note}'"),
    (":::{warning} Pass på.", "an admonition ('{warning}')"),
    (":::{figure} bilde.png\nTekst.\n:::", "a directive ('{figure}')"),
    (":::\nTekst.\n:::", "a ':::' fence"),
    ("Tekst.\n:::{note}\nMerk.\n:::", "line 2 of the translation starts with ':::{note}'"),
    ("Tekst.\n```\nkode\n```", "a '```' fence"),
    ("Tekst.\n~~~", "a '~~~' fence"),
    ("(merkelapp)=\nTekst.", "a MyST target"),
    ("Tekst.\n(merkelapp)=\nMer.", "a MyST target"),
    ("Begrep\n: forklaring", "line 2 of the translation starts with ': forklaring'"),
    ("Begrep\n~ forklaring", "a definition list"),
    ("Tekst.\n| a | b |\n|---|---|", "a table"),
    ("[^1]: Fotnote.", "a footnote definition"),
    ("Tekst.\n[^1]: Fotnote.", "a footnote definition"),
    ("% Kommentar.", "a MyST comment"),
    ("Cirka 50\n% av dem kom.", "line 2 of the translation starts with '% av dem kom.'"),
    ("+++ Tekst.", "a MyST block break"),
    ("Tekst.\n+++", "a MyST block break"),
    ("<div>Tekst.</div>", "an HTML block and shows its bare content"),
    ("<!-- merknad -->\nTekst.", "an HTML block"),
    ("Tekst.\n<!-- merknad -->", "an HTML block"),
    ("Tekst.\n<div>mer</div>", "an HTML block"),
    ("Tekst.\n# Overskrift", "a heading"),
    ("Tekst.\n- punkt", "a bullet list"),
    ("Tekst.\n* punkt", "a bullet list"),
    ("Tekst.\n1. punkt", "a numbered list"),
    ("Tekst.\n> sitat", "a quotation"),
    ("Tekst.\n***\nMer.", "a horizontal rule"),
    ("---\ntittel: x\n---\nTekst.", "front matter"),
    ("[lenke]: https://example.org", "a link reference definition"),
    ("[lenke]: https://example.org\nTekst.", "removes the line"),
    ("Tekst.\n   \nMer tekst.", "line 2 of the translation holds only spaces"),
    ("Tekst. #noqa", "'#noqa'"),
]

# What structure.py reports: blocks.py must not report it again.
STRUCTURE_FAULTS = [
    "- punkt", "* punkt", "+ punkt", "1. punkt", "2024. Året", "# Overskrift", "Tekst\n---",
    "Tekst\n===", "> sitat", "```{note}\nMerk.\n```", "~~~\nkode\n~~~", "    kode", "***",
    "| a | b |\n|---|---|", "Tekst.\n\nMer tekst.", "Tekst.\r\n\r\nMer tekst.", "Tekst.\n\n- punkt",
    "Tekst.\n\n:::{note}\nMerk.\n:::",
]

BLOCK_NEAR_MISSES = [
    "Vanlig tekst.", "Les *dette* nå, **straks**.", "Trykk {kbd}`Ctrl` og {abbr}`NAV (x)`.",
    "Kjør `make po` først.", "Se [nettstedet](https://example.org).", "En linje\nfortsetter.",
    "En linje\\\nfortsetter.", "Han sa «stopp».", "10 personer kom.", "Vi møttes\n2. mai.",
    "Cirka 50 % av dem kom.", "(a) = b", "(merkelapp)= er ikke et mål", "1\\. steg",
    "\\- punkt", "$$\nx\n$$", "| a | b |", "Tekst\n#emneknagg", "Tekst\n    fortsetter",
    "<kbd>Tab</kbd> hopper videre.", "Tekst\n<span>mer</span>", "Gjør slik::", "Merk: dette.",
    "Tekst\nmer\n: ikke en definisjon", "   \nTekst.", "Tekst.\n", "{{ prosjekt }}",
    "Tekst \\#noqa", "[lenke][ref] og [^1].",
]


@pytest.mark.parametrize(("translation", "named"), BLOCK_FAULTS)
def test_a_block_the_source_lacks_is_an_error(translation, named):
    issues = run(blocks.CHECKS, entry(translation))
    assert len(issues) == 1, issues
    assert (issues[0].check, issues[0].severity) == ("block-structure", "error")
    assert named in issues[0].message
    assert not run(structure.CHECKS, entry(translation))  # structure.py misses it


@pytest.mark.parametrize("translation", STRUCTURE_FAULTS)
def test_what_structure_reports_is_not_reported_twice(translation):
    assert run(structure.CHECKS, entry(translation))
    assert run(blocks.CHECKS, entry(translation)) == []


@pytest.mark.parametrize("translation", BLOCK_NEAR_MISSES)
def test_a_paragraph_is_not_flagged(translation):
    assert run(blocks.CHECKS + structure.CHECKS, entry(translation)) == []


def test_the_message_names_the_construct_and_the_remedy():
    [issue] = run(blocks.CHECKS, entry(":::{note}\nMerk dette.\n:::"))
    assert issue.message == (
        "the translation starts with ':::{note}', which Sphinx reads as an admonition "
        "('{note}') and drops the translation (the English shows); remove the marker: the "
        "note box comes from the English source")


def test_a_fault_before_the_empty_line_is_its_own_fault():
    translation = "Tekst.\n- punkt\n\nMer tekst."
    assert [i.check for i in run(structure.CHECKS, entry(translation))] == ["blank-line"]
    [issue] = run(blocks.CHECKS, entry(translation))
    assert "line 2" in issue.message and "bullet list" in issue.message


def test_a_heading_that_looks_like_a_list_needs_an_escape():
    # the msgid of the heading "## 1. Introduction"; Sphinx drops "1. Innledning"
    # (tests/test_block_shapes_in_sphinx.py shows it)
    source = "1. Introduction"
    assert not run(structure.CHECKS, entry("1. Innledning", source))
    [issue] = run(blocks.CHECKS, entry("1. Innledning", source))
    assert "numbered list" in issue.message and "1\\." in issue.message
    assert run(blocks.CHECKS, entry("1\\. Innledning", source)) == []
    assert run(blocks.CHECKS, entry(source, source)) == []  # untranslated: Sphinx keeps it


def conf_extensions() -> set[str]:
    tree = ast.parse((ROOT / "conf.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(getattr(t, "id", "") == "myst_enable_extensions" for t in targets):
                return set(ast.literal_eval(node.value))
    return set()


def test_the_parser_has_the_extensions_of_conf_py():
    assert set(blocks.MYST_EXTENSIONS) == conf_extensions()
    assert conf_extensions(), "conf.py sets myst_enable_extensions"


# The written standard: (language, source, translation, the message)
STANDARD_FAULTS = [
    ("nn", "Do not wait.", "Ikke vent.", "«ikke» is Bokmål; in Nynorsk write «ikkje»"),
    ("nn", "What happened?", "Hva hende?", "«hva» is Bokmål; in Nynorsk write «kva»"),
    ("nn", "If so, say so.", "Hvis ja, sei det.", "in Nynorsk write «viss» or «dersom»"),
    ("nn", "Who?", "Kven er deltakeren, og hvem?", "«hvem» is Bokmål"),
    ("nn", "Non-violence.", "Ikke-vald.", "«ikke» is Bokmål"),
    ("nn", "See the site.", "Sjå [ikke dette](https://example.org).", "«ikke» is Bokmål"),
    ("nb", "Do not wait.", "Ikkje vent.", "«ikkje» is Nynorsk; in Bokmål write «ikke»"),
    ("nb", "I think so.", "Eg tror det.", "«eg» is Nynorsk; in Bokmål write «jeg»"),
    ("nb", "How?", "KORLEIS?", "«korleis» is Nynorsk; in Bokmål write «hvordan»"),
    ("nb", "Something.", "Noko.", "«noko» is Nynorsk; in Bokmål write «noe»"),
    ("nb", "A meeting.", "Eit møte.", "«eit» is Nynorsk; in Bokmål write «et»"),
]

STANDARD_NEAR_MISSES = [
    ("nn", "After the meeting.", "Etter møtet."),            # etter is both
    ("nb", "After the meeting.", "Etter møtet."),
    ("nb", "If it happens.", "Dersom det skjer."),           # dersom is both
    ("nn", "If it happens.", "Dersom det skjer."),
    ("nn", "Do not wait.", "Ikkje vent."),
    ("nb", "Do not wait.", "Ikke vent."),
    ("nn", "Run `ikke`.", "Køyr `ikke`."),                    # code
    ("nn", "See {term}`ikke <ikke>`.", "Sjå {term}`ikke <ikke>`."),  # a role body
    ("nn", "See [it](https://example.org/ikke).", "Sjå [det](https://example.org/ikke)."),
    ("nn", "Ask Jeg Hansen.", "Spør Jeg Hansen."),           # a name the source has
    ("nb", "Ask Ein Berg.", "Spør Ein Berg."),
    ("nn", "Non-violence.", "Ikkevald er målet."),           # whole words only
    ("nb", "Ikkje is Nynorsk for not.", "«Ikkje» er nynorsk for ikke."),
    ("en", "Do not wait.", "Ikke vent."),                    # neither standard
]


@pytest.mark.parametrize(("language", "source", "translation", "said"), STANDARD_FAULTS)
def test_a_form_of_the_other_standard_is_an_error(language, source, translation, said):
    issues = run(standard.CHECKS, entry(translation, source, language))
    assert len(issues) == 1, issues
    assert (issues[0].check, issues[0].severity) == ("written-standard", "error")
    assert said in issues[0].message


@pytest.mark.parametrize(("language", "source", "translation"), STANDARD_NEAR_MISSES)
def test_a_word_of_both_standards_or_outside_the_text_is_not_flagged(language, source,
                                                                     translation):
    assert run(standard.CHECKS, entry(translation, source, language)) == []


def test_each_word_is_reported_once():
    issues = run(standard.CHECKS, entry("Ikke gjør det, ikke nå, hvis ikke.", "x", "nn"))
    assert [i.message.split(" is ")[0] for i in issues] == ["«ikke»", "«hvis»"]


# Shipped catalogues: real faults found, as (path, line, check); none at the last calibration.
KNOWN_FAULTS: set[tuple[str, int | None, str]] = set()


def test_the_shipped_translations_have_no_finding():
    project = Project.load(ROOT)
    found, count = set(), 0
    for language in project.target_languages:
        for po in sorted(project.catalog_dir(language).rglob("*.po")):
            if is_ui_catalogue(project, po, language):
                continue
            for item in catalogue_entries(project, po, language):
                count += 1
                for issue in run(blocks.CHECKS + standard.CHECKS, item):
                    found.add((item.path, item.line, issue.check, issue.message))
    assert count > 1000, "the catalogues were read"
    assert {f[:3] for f in found} == KNOWN_FAULTS, sorted(found)


class Hunspell:
    """Enough of Hunspell to tell whether a lowercase word is a word of a dictionary: a
    stem, a stem with one suffix or prefix (or both, where both allow it), or a compound
    of two words that carry the COMPOUNDFLAG, each part at least COMPOUNDMIN long."""

    def __init__(self, name: str):
        self.stems: dict[str, set[str]] = defaultdict(set)
        lines = (HUNSPELL / f"{name}.dic").read_text(encoding="latin-1").splitlines()[1:]
        for line in lines:
            word, _, flags = line.split()[0].partition("/") if line.strip() else ("", "", "")
            self.stems[word] |= set(flags)
        self.rules: dict[str, list] = {"SFX": [], "PFX": []}
        self.cross: dict[str, bool] = {}
        self.compound, self.minimum = "", 3
        for line in (HUNSPELL / f"{name}.aff").read_text(encoding="latin-1").splitlines():
            field = line.split()
            if len(field) == 2 and field[0] in ("COMPOUNDFLAG", "COMPOUNDMIN"):
                self.compound = field[1] if field[0] == "COMPOUNDFLAG" else self.compound
                self.minimum = int(field[1]) if field[0] == "COMPOUNDMIN" else self.minimum
            elif len(field) == 4 and field[0] in self.rules:
                self.cross[field[1]] = field[2] == "Y"
            elif len(field) >= 5 and field[0] in self.rules:
                strip, add = ("" if f == "0" else f for f in field[2:4])
                condition = field[4] + "$" if field[0] == "SFX" else "^" + field[4]
                self.rules[field[0]].append((field[1], strip, add, re.compile(condition)))

    def unsuffixed(self, word: str):
        yield word, None
        for flag, strip, add, condition in self.rules["SFX"]:
            if word.endswith(add) and len(word) > len(add):
                base = word[:len(word) - len(add)] + strip
                if condition.search(base):
                    yield base, flag

    def has(self, base: str, flag: str | None) -> bool:
        return base in self.stems and (flag is None or flag in self.stems[base])

    def accepts(self, word: str) -> bool:
        if any(self.has(base, flag) for base, flag in self.unsuffixed(word)):
            return True
        for flag, strip, add, condition in self.rules["PFX"]:
            if not word.startswith(add) or len(word) <= len(add):
                continue
            for base, suffix in self.unsuffixed(strip + word[len(add):]):
                both = suffix is None or (self.cross[flag] and self.cross[suffix])
                if condition.search(base) and self.has(base, flag) and both \
                        and self.has(base, suffix):
                    return True
        return self.compounds(word)

    def compounds(self, word: str) -> bool:
        for cut in range(self.minimum, len(word) - self.minimum + 1):
            if self.has(word[:cut], self.compound) and any(
                    self.has(base, self.compound) and self.has(base, flag)
                    for base, flag in self.unsuffixed(word[cut:])):
                return True
        return False


@pytest.fixture(scope="module")
def dictionaries() -> dict[str, Hunspell]:
    need((HUNSPELL / "nb_NO.dic").exists() and (HUNSPELL / "nn_NO.dic").exists(),
         "the hunspell-no dictionaries are missing (apt-get install hunspell-no)")
    return {"nb": Hunspell("nb_NO"), "nn": Hunspell("nn_NO")}


def test_the_dictionary_reader_sees_stems_affixes_and_names(dictionaries):
    nb, nn = dictionaries["nb"], dictionaries["nn"]
    assert nb.accepts("ikke") and nn.accepts("ikkje") and not nn.accepts("ikke")
    assert nn.accepts("uten") and "uten" not in nn.stems    # "ute" with a suffix
    assert nb.accepts("hvis") and "hvis" not in nb.stems    # "hvi" with a suffix
    assert "Ikke" in nn.stems                              # a name, not the word


@pytest.mark.parametrize(("markers", "own", "other"),
                         [(NB_IN_NN, "nb", "nn"), (NN_IN_NB, "nn", "nb")])
def test_every_marker_has_the_dictionaries_evidence(dictionaries, markers, own, other):
    wrong = [w for w in markers if not dictionaries[own].accepts(w)]
    assert not wrong, f"not words of {own}_NO: {wrong}"
    both = [w for w in markers if dictionaries[other].accepts(w)]
    assert not both, f"words of {other}_NO too, so no markers: {both}"
    unfounded = [c for counterparts in markers.values() for c in counterparts
                 for word in c.split() if not dictionaries[other].accepts(word)
                 and word not in DICTIONARY_GAPS[other]]
    assert not unfounded, f"counterparts that are not words of {other}_NO: {unfounded}"
    gaps = [w for w in DICTIONARY_GAPS[other] if dictionaries[other].accepts(w)]
    assert not gaps, f"{other}_NO has these now: take them out of DICTIONARY_GAPS: {gaps}"
