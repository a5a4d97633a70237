"""Event-level actor naming: who is actor1/actor2 of one event, in ACLED's conventions.

Named groups come from the actors stage (``resolve.actors``: alias dictionary, canonical names,
ACLED types). What that stage cannot know is the event's country, which ACLED's generic
actors carry: "Military Forces of Kenya", "Police Forces of Kenya", "Protesters (Kenya)",
"Rioters (Kenya)", "Civilians (Kenya)", "Unidentified Armed Group (Kenya)". Those are built
here from the role words in the argument phrase and the event's location.
"""
from __future__ import annotations

import re

from ..models import Actor
from ..resolve.actors import resolve_actor

# Demonyms of countries common in conflict reporting (facts; adjective -> ISO2).
DEMONYMS = {
    "afghan": "AF", "algerian": "DZ", "american": "US", "angolan": "AO", "armenian": "AM",
    "azerbaijani": "AZ", "bangladeshi": "BD", "beninese": "BJ", "british": "GB", "burkinabe": "BF",
    "burkinabè": "BF", "burmese": "MM", "burundian": "BI", "cameroonian": "CM", "central african": "CF",
    "chadian": "TD", "chinese": "CN", "colombian": "CO", "congolese": "CD", "egyptian": "EG",
    "eritrean": "ER", "ethiopian": "ET", "french": "FR", "georgian": "GE", "ghanaian": "GH",
    "guinean": "GN", "indian": "IN", "indonesian": "ID", "iranian": "IR", "iraqi": "IQ",
    "israeli": "IL", "ivorian": "CI", "jordanian": "JO", "kenyan": "KE", "kurdish": "IQ",
    "lebanese": "LB", "libyan": "LY", "malian": "ML", "mauritanian": "MR", "mexican": "MX",
    "moroccan": "MA", "mozambican": "MZ", "nigerian": "NG", "nigerien": "NE", "pakistani": "PK",
    "palestinian": "PS", "filipino": "PH", "philippine": "PH", "russian": "RU", "rwandan": "RW",
    "saudi": "SA", "somali": "SO", "south sudanese": "SS", "sudanese": "SD", "syrian": "SY",
    "tanzanian": "TZ", "togolese": "TG", "tunisian": "TN", "turkish": "TR", "ugandan": "UG",
    "ukrainian": "UA", "venezuelan": "VE", "yemeni": "YE", "zimbabwean": "ZW", "brazilian": "BR",
    "haitian": "HT", "myanmar": "MM", "thai": "TH", "sri lankan": "LK", "nepali": "NP",
    "peruvian": "PE", "chilean": "CL", "argentine": "AR", "ecuadorian": "EC", "bolivian": "BO",
    "zambian": "ZM", "malawian": "MW", "senegalese": "SN", "gambian": "GM", "liberian": "LR",
    "sierra leonean": "SL", "south african": "ZA", "german": "DE", "polish": "PL", "belarusian": "BY",
    "lebanon": "LB", "emirati": "AE", "qatari": "QA", "omani": "OM", "bahraini": "BH", "kuwaiti": "KW",
}
_DEMONYM_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, DEMONYMS), key=len, reverse=True)) + r")\b", re.I)

def country_name(iso2: str | None) -> str | None:
    """ACLED's English name for a country: the actor dictionary's table (one source of truth)."""
    from ..resolve.actors import country_name as acled_country_name

    return acled_country_name(iso2)


def demonym_country(text: str) -> str | None:
    m = _DEMONYM_RE.search(text)
    return DEMONYMS[m.group(1).lower()] if m else None


GENERIC = [  # (pattern over the argument phrase, template, ACLED type, inter code)
    (re.compile(r"\b(?:protest\w*|demonstrators?|marchers|activists|campaigners|strikers|striking)\b", re.I),
     "Protesters ({c})", "Protesters", 6),
    (re.compile(r"\b(?:rioters?|mobs?|youths?|crowds?|vigilantes?)\b", re.I), "Rioters ({c})", "Rioters", 5),
    (re.compile(r"\b(?:police\w*|officers|constables?|gendarm\w*|cops)\b", re.I),
     "Police Forces of {c}", "State forces", 1),
    (re.compile(r"\b(?:army|soldiers?|troops|military|security forces|armed forces|forces|regime|"
                r"servicemen|paratroopers|marines|air force|navy|defen[cs]e forces|national guard|FAMa|FDS|KDF)\b", re.I),
     "Military Forces of {c}", "State forces", 1),
    (re.compile(r"\b(?:gunmen|assailants|attackers|unknown|unidentified|armed (?:men|individuals|group|persons)|bandits|"
                r"militants|insurgents|jihadists|terrorists|kidnappers|abductors|criminals|robbers|thugs|suspects)\b", re.I),
     "Unidentified Armed Group ({c})", "Political militia", 3),
    (re.compile(r"\b(?:civilians?|villagers?|residents?|people|persons?|m[ae]n|wom[ae]n|child(?:ren)?|farmers?|herders?|"
                r"traders?|journalists?|teachers?|students?|worshippers|passengers|famil(?:y|ies)|boys?|girls?|"
                r"workers?|drivers?|imam|pastor|priest|chief|merchants?|shepherds?|households?|village)\b", re.I),
     "Civilians ({c})", "Civilians", 7),
]


def generic_actor(phrase: str, iso2: str | None) -> Actor | None:
    """ACLED's generic actor for a role phrase ("Russian forces" -> Military Forces of Russia)."""
    if not phrase:
        return None
    own = demonym_country(phrase)
    for pat, template, typ, inter in GENERIC:
        if pat.search(phrase):
            c_iso = own if (own and "{c}" in template and typ == "State forces") else iso2
            name = country_name(c_iso)
            if name is None:
                canonical = re.sub(r"\s*\(\{c\}\)| of \{c\}", "", template)
            else:
                canonical = template.format(c=name)
            return Actor(name=phrase.strip(), canonical=canonical, type=typ, inter=inter, country=c_iso)
    return None


def dictionary_actor(phrase: str, iso2: str | None) -> Actor | None:
    if not phrase:
        return None
    try:
        return resolve_actor(phrase, iso2)
    except Exception:
        return None


def named_actor(phrase: str, iso2: str | None) -> Actor | None:
    """A dictionary group first (Islamic State, al-Shabaab, ...), else the generic role actor."""
    a = dictionary_actor(phrase, iso2)
    if a is not None and a.canonical:
        return a
    return generic_actor(phrase, iso2)


def civilians(iso2: str | None) -> Actor:
    name = country_name(iso2)
    return Actor(name="civilians", canonical=f"Civilians ({name})" if name else "Civilians",
                 type="Civilians", inter=7, country=iso2)


def protesters(iso2: str | None, rioters: bool = False) -> Actor:
    name = country_name(iso2)
    base, typ, inter = ("Rioters", "Rioters", 5) if rioters else ("Protesters", "Protesters", 6)
    return Actor(name=base.lower(), canonical=f"{base} ({name})" if name else base, type=typ,
                 inter=inter, country=iso2)
