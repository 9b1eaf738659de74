"""The marker words of the two written standards, and the evidence each must have.

A marker is a word form that belongs to one written standard and not to the other, so that
finding it in a translation in the other standard is a fault. The evidence is Debian's
hunspell-no dictionaries, /usr/share/hunspell/nb_NO.dic and nn_NO.dic (package hunspell-no;
a .dic line is `stem/FLAGS`, and the .aff beside it says which inflected forms each flag
makes), and a word is listed only if:

- a marker of Bokmål in Nynorsk (NB_IN_NN) is a word of nb_NO: a stem of nb_NO.dic, or a form
  that nb_NO.aff makes of one, and NOT a word of nn_NO in the same sense, where the forms
  nn_NO.aff makes of every stem (suffixes, prefixes, both, and compounds of words flagged for
  compounding) count too; and the other way round for a marker of Nynorsk in Bokmål
  (NN_IN_NB);
- the comparison is of the lowercase form, as Hunspell makes it: a capitalised entry is a
  name (nn_NO.dic has the place name "Ikke"), and names are kept out by the check itself,
  which ignores a word the English source has too;
- each counterpart (what to write instead; every word of it) is a word of the other
  dictionary, unless the dictionary lacks it, in which case it is in DICTIONARY_GAPS.

tests/test_checks_blocks_and_standard.py checks every word against the dictionaries. Words
that fail the rule are left out even where a grammar says otherwise: e.g. etter, dersom,
mellom, også, bare and ble are words of both dictionaries; mye, uten, mens, siden, egen and
hun are accepted by nn_NO (as stems or as forms its .aff makes); kven, kvar, berre, frå, ho
and dykk by nb_NO; nb_NO lacks noe and noen, so they cannot be markers. Words that are
also common names or English words (Anna, Vera, open) are left out too.
"""

from __future__ import annotations

# Bokmål form: what to write in Nynorsk (alternatives; the first is the usual one)
NB_IN_NN: dict[str, tuple[str, ...]] = {
    "ikke": ("ikkje",),
    "jeg": ("eg",),
    "hva": ("kva",),
    "hvem": ("kven",),
    "hvor": ("kvar", "kor"),
    "hvordan": ("korleis",),
    "hvorfor": ("kvifor",),
    "hvilken": ("kva for ein",),
    "hvilke": ("kva for",),
    "hvilket": ("kva for eit",),
    "hvis": ("viss", "dersom"),
    "hvorvidt": ("om",),
    "hver": ("kvar",),
    "hvert": ("kvart",),
    "hverandre": ("kvarandre",),
    "dere": ("de", "dykk"),
    "deres": ("dykkar", "deira"),
    "en": ("ein", "ei"),
    "være": ("vere",),
    "vært": ("vore",),
    "gjøre": ("gjere",),
    "sier": ("seier",),
    "selv": ("sjølv",),
    "sammen": ("saman",),
    "fra": ("frå",),
    "eget": ("eige",),
    "samme": ("same",),
    "annet": ("anna",),
    "flere": ("fleire",),
    "særlig": ("særleg",),
    "ærlig": ("ærleg",),
    "allerede": ("allereie",),
    "meget": ("svært",),
    "tidligere": ("tidlegare",),
    "senere": ("seinare",),
    "spørre": ("spørje",),
    "fortelle": ("fortelje",),
    "forteller": ("fortel",),
    "handler": ("handlar",),
    "uker": ("veker",),
    "hjem": ("heim",),
    "mennesker": ("menneske",),
    "følelse": ("kjensle",),
    "følelser": ("kjensler",),
    "hendelse": ("hending",),
    "hendelser": ("hendingar",),
    "deltaker": ("deltakar",),
    "deltakere": ("deltakarar",),
    "forberede": ("førebu",),
    "forberedelse": ("førebuing",),
    "løslatelse": ("lauslating",),
    "megler": ("meklar",),
    "sikkerhet": ("tryggleik", "sikkerheit"),
    "øvelse": ("øving",),
    "øvelser": ("øvingar",),
    "oppgave": ("oppgåve",),
    "oppgaver": ("oppgåver",),
}

# Nynorsk form: what to write in Bokmål
NN_IN_NB: dict[str, tuple[str, ...]] = {
    "ikkje": ("ikke",),
    "eg": ("jeg",),
    "kva": ("hva",),
    "korleis": ("hvordan",),
    "kvifor": ("hvorfor",),
    "kvarandre": ("hverandre",),
    "noko": ("noe",),
    "nokon": ("noen",),
    "nokre": ("noen",),
    "mykje": ("mye",),
    "ein": ("en",),
    "eit": ("et",),
    "dei": ("de", "dem"),
    "deira": ("deres",),
    "dykkar": ("deres",),
    "vere": ("være",),
    "vore": ("vært",),
    "gjere": ("gjøre",),
    "saman": ("sammen",),
    "sjølv": ("selv",),
    "utan": ("uten",),
    "medan": ("mens",),
    "difor": ("derfor",),
    "dessutan": ("dessuten",),
    "nemleg": ("nemlig",),
    "sidan": ("siden",),
    "allereie": ("allerede",),
    "enno": ("ennå",),
    "annan": ("annen",),
    "fleire": ("flere",),
    "særleg": ("særlig",),
    "mogleg": ("mulig",),
    "naudsynt": ("nødvendig",),
    "vanleg": ("vanlig",),
    "vanlegvis": ("vanligvis",),
    "vanskeleg": ("vanskelig",),
    "tydeleg": ("tydelig",),
    "tidlegare": ("tidligere",),
    "seinare": ("senere",),
    "spørje": ("spørre",),
    "fortelje": ("fortelle",),
    "fortel": ("forteller",),
    "handlar": ("handler",),
    "høyrer": ("hører",),
    "byrje": ("begynne",),
    "byrjar": ("begynner",),
    "ønskjer": ("ønsker",),
    "ope": ("åpent",),
    "opne": ("åpne",),
    "hendingar": ("hendelser",),
    "deltakar": ("deltaker",),
    "deltakarar": ("deltakere",),
    "meklar": ("megler",),
    "øvingar": ("øvelser",),
    "oppgåve": ("oppgave",),
    "oppgåver": ("oppgaver",),
}

# Counterparts the dictionary of their standard lacks (nb_NO.dic has no "noe" nor "noen"):
# given as advice, never used as markers; the test checks that the gap is still there.
DICTIONARY_GAPS: dict[str, frozenset[str]] = {
    "nb": frozenset({"noe", "noen"}),
    "nn": frozenset(),
}
