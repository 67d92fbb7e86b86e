"""General vocabulary of cultural-sector news: title words, organisation and event heads, verbs.

These are words of the genre ("director", "agency", "forum", "moderated"), never names of
particular people, bodies or events.
"""

from __future__ import annotations

# Nouns that end (or open, with "of") the name of an organisation.
ORG_HEADS = frozenset(
    [
        "ministry",
        "ministries",
        "museum",
        "agency",
        "association",
        "council",
        "foundation",
        "fund",
        "university",
        "college",
        "academy",
        "institute",
        "institution",
        "center",
        "centre",
        "committee",
        "federation",
        "company",
        "corporation",
        "holding",
        "guild",
        "office",
        "reserve",
        "delegation",
        "commission",
        "school",
        "union",
        "bank",
        "board",
        "assembly",
        "department",
        "parliament",
        "majlis",
        "senate",
        "service",
        "administration",
        "organization",
        "organisation",
        "platform",
        "network",
        "studio",
        "studios",
        "theatre",
        "theater",
        "orchestra",
        "ensemble",
        "choir",
        "library",
        "gallery",
        "space",
        "park",
        "club",
        "society",
        "chamber",
        "group",
        "press",
        "magazine",
        "newspaper",
        "agency",
        "channel",
        "tv",
        "radio",
        "cabinet",
        "secretariat",
        "embassy",
        "consulate",
        "directorate",
        "inspectorate",
        "bureau",
        "authority",
        "trust",
        "conservatory",
        "philharmonic",
        "lab",
        "laboratory",
        "hub",
        "accelerator",
        "alliance",
        "coalition",
        "cluster",
        "sector",
    ]
)

# Organisation heads that may be a sub-unit of a larger body ("the Office of the X Agency").
# Verbs that title-case headlines capitalise and the tagger reads as plural nouns ("Ministry Hosts Forum").
HEADLINE_VERBS = frozenset(
    {
        "establishes",
        "holds",
        "visits",
        "hosts",
        "opens",
        "launches",
        "signs",
        "announces",
        "receives",
        "meets",
        "presents",
        "organizes",
        "organises",
        "celebrates",
        "discusses",
        "welcomes",
        "reaches",
        "honors",
        "honours",
        "unveils",
        "starts",
        "begins",
        "ends",
        "completes",
        "attends",
        "joins",
        "wins",
        "supports",
        "creates",
        "approves",
        "adopts",
        "appoints",
        "elects",
        "invites",
        "concludes",
        "showcases",
        "explores",
        "brings",
        "gathers",
    }
)

# Words after an acronym that name a part of that body, not a longer name ("UNDP Office").
ACRONYM_PART_WORDS = frozenset(
    {
        "presidium",
        "delegation",
        "office",
        "secretariat",
        "team",
        "staff",
        "representatives",
        "representative",
        "mission",
        "headquarters",
    }
)

# Broadcast media words that sit between a channel's name and "channel" ("Nova TV channel").
MEDIUM_WORDS = frozenset({"tv", "radio"})

SUBUNIT_HEADS = frozenset(
    ["office", "department", "sector", "division", "unit", "section", "directorate", "branch", "board", "committee"]
)

# Descriptor nouns that say the neighbouring quoted or capitalised name is an organisation.
ORG_DESCRIPTORS = frozenset(
    [
        "company",
        "organization",
        "organisation",
        "foundation",
        "agency",
        "platform",
        "magazine",
        "newspaper",
        "startup",
        "start-up",
        "holding",
        "association",
        "band",
        "group",
        "ensemble",
        "studio",
        "gallery",
        "brand",
        "firm",
        "enterprise",
        "channel",
        "channels",
        "groups",
        "companies",
        "bands",
        "ensembles",
        "organizations",
        "organisations",
        "outlet",
        "publisher",
        "label",
        "school",
        "center",
        "centre",
        "union",
        "club",
        "network",
        "fund",
    ]
)

# Nouns that name an event; the value is the contract's events.type.
EVENT_HEADS = {
    "forum": "forum",
    "forums": "forum",
    "conference": "forum",
    "summit": "forum",
    "congress": "forum",
    "symposium": "forum",
    "panel": "panel",
    "session": "panel",
    "discussion": "panel",
    "round table": "round_table",
    "roundtable": "round_table",
    "meeting": "meeting",
    "training": "training",
    "course": "training",
    "workshop": "training",
    "masterclass": "training",
    "seminar": "training",
    "ceremony": "ceremony",
    "exhibition": "exhibition",
    "exposition": "exhibition",
    "expo": "exhibition",
    "fair": "exhibition",
    "concert": "concert",
    "gala-concert": "concert",
    "recital": "concert",
    "performances": "concert",
    "festival": "festival",
    "fest": "festival",
    "biennale": "festival",
    "visit": "visit",
    "visits": "visit",
    "competition": "competition",
    "contest": "competition",
    "award": "competition",
    "olympiad": "competition",
    "week": "other",
    "days": "other",
    "event": "other",
}


# Words that make a phrase a person's title.
TITLE_WORDS = frozenset(
    [
        "minister",
        "deputy",
        "adviser",
        "advisor",
        "director",
        "head",
        "chairman",
        "chairwoman",
        "chairperson",
        "chair",
        "president",
        "vice-president",
        "founder",
        "co-founder",
        "ceo",
        "cto",
        "cfo",
        "manager",
        "curator",
        "expert",
        "specialist",
        "member",
        "ambassador",
        "secretary",
        "governor",
        "mayor",
        "rector",
        "dean",
        "professor",
        "teacher",
        "lecturer",
        "artist",
        "critic",
        "producer",
        "representative",
        "officer",
        "coordinator",
        "editor",
        "editor-in-chief",
        "journalist",
        "spokesperson",
        "spokesman",
        "leader",
        "trainer",
        "author",
        "writer",
        "poet",
        "composer",
        "singer",
        "musician",
        "conductor",
        "designer",
        "architect",
        "photographer",
        "researcher",
        "scientist",
        "historian",
        "coach",
        "commissioner",
        "counsellor",
        "counselor",
        "envoy",
        "executive",
        "moderator",
        "speaker",
        "entrepreneur",
        "owner",
        "partner",
        "consultant",
        "analyst",
        "chief",
        "principal",
        "administrator",
        "commander",
        "deputy-director",
        "actor",
        "actress",
        "dancer",
        "painter",
        "sculptor",
        "filmmaker",
        "director-general",
        "secretary-general",
        "general",
        "assistant",
        "rapporteur",
        "ombudsman",
        "attaché",
        "consul",
        "premier",
        "chancellor",
    ]
)

# Title words that are too generic to open a title on their own in lower case ("speaker").
WEAK_TITLE_WORDS = frozenset({"speaker", "member", "leader", "partner", "chief", "executive", "owner"})

# Honorifics stripped from names.
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir", "madam", "mr.", "mrs.", "ms.", "dr.", "prof."})

# Verbs (lemmas) of speaking: their subject spoke at the event.
SPEECH_VERBS = frozenset(
    [
        "say",
        "speak",
        "note",
        "emphasize",
        "emphasise",
        "stress",
        "underline",
        "state",
        "point",
        "talk",
        "tell",
        "share",
        "inform",
        "express",
        "highlight",
        "mention",
        "add",
        "explain",
        "stress",
        "address",
        "remark",
        "outline",
        "describe",
        "announce",
        "recall",
        "comment",
        "welcome",
        "appreciate",
        "thank",
        "evaluate",
        "give",
        "provide",
        "present",
        "discuss",
        "cite",
        "introduce",
        "invite",
        "report",
        "brief",
        "declare",
        "call",
        "urge",
        "propose",
        "suggest",
        "argue",
        "believe",
        "deliver",
        "congratulate",
        "acknowledge",
    ]
)

# Role cues; the value is the contract's participations.role.
ROLE_VERBS = {
    "moderate": "moderator",
    "lead": "moderator",
    "chair": "moderator",
    "host": "moderator",
    "perform": "performer",
    "sing": "performer",
    "play": "performer",
    "honor": "honoree",
    "honour": "honoree",
    "award": "honoree",
    "organize": "organizer",
    "organise": "organizer",
    "attend": "attendee",
    "participate": "attendee",
    "join": "attendee",
    "meet": "attendee",
}

# Words that can open a run of capitalised tokens but never a name ("During", "The").
NON_NAME_STARTERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "during",
        "in",
        "on",
        "at",
        "for",
        "from",
        "with",
        "by",
        "after",
        "before",
        "of",
        "and",
        "or",
        "but",
        "as",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "also",
        "then",
        "later",
        "thus",
        "moreover",
        "first",
        "second",
        "third",
        "next",
        "last",
        "final",
        "speaking",
        "according",
        "under",
        "within",
    ]
)

# Time-unit nouns: a number of these is a duration, not a reported figure.
TIME_UNITS = frozenset(
    [
        "day",
        "days",
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "hour",
        "hours",
        "minute",
        "minutes",
        "decade",
        "decades",
        "century",
        "centuries",
        "time",
    ]
)

NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
    "twice": 2,
}

SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mln": 1e6, "bln": 1e9}

# Cues before a number that make it approximate.
APPROX_CUES = (
    "more than",
    "over",
    "around",
    "about",
    "close to",
    "almost",
    "nearly",
    "approximately",
    "roughly",
    "some",
    "up to",
    "at least",
    "less than",
    "fewer than",
    "under",
    "above",
    "upwards of",
    "nearly",
    "an estimated",
    "estimated at",
)

CURRENCIES = {
    "$": "USD",
    "usd": "USD",
    "dollars": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euros": "EUR",
    "euro": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pounds": "GBP",
    "manat": "AZN",
    "manats": "AZN",
    "azn": "AZN",
    "tenge": "KZT",
    "rubles": "RUB",
    "roubles": "RUB",
    "lira": "TRY",
    "yuan": "CNY",
    "yen": "JPY",
}

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}

# Organisation head noun -> organizations.kind. First match from the end of the name wins.
ORG_KINDS = {
    "ministry": "government",
    "ministries": "government",
    "agency": "government",
    "committee": "government",
    "parliament": "government",
    "majlis": "government",
    "senate": "government",
    "assembly": "government",
    "delegation": "government",
    "embassy": "government",
    "consulate": "government",
    "administration": "government",
    "cabinet": "government",
    "commission": "government",
    "directorate": "government",
    "inspectorate": "government",
    "authority": "government",
    "office": "government",
    "service": "government",
    "museum": "museum",
    "reserve": "museum",
    "gallery": "museum",
    "library": "museum",
    "university": "education",
    "college": "education",
    "academy": "education",
    "school": "education",
    "institute": "education",
    "conservatory": "education",
    "company": "company",
    "holding": "company",
    "corporation": "company",
    "startup": "company",
    "studio": "company",
    "studios": "company",
    "platform": "company",
    "bank": "company",
    "accelerator": "company",
    "lab": "company",
    "association": "ngo",
    "foundation": "ngo",
    "fund": "ngo",
    "federation": "ngo",
    "union": "ngo",
    "guild": "ngo",
    "society": "ngo",
    "council": "ngo",
    "chamber": "ngo",
    "club": "ngo",
    "trust": "ngo",
    "alliance": "ngo",
    "network": "ngo",
    "center": "other",
    "centre": "other",
    "magazine": "media",
    "newspaper": "media",
    "tv": "media",
    "channel": "media",
    "radio": "media",
    "press": "media",
    "news": "media",
    "orchestra": "performing group",
    "ensemble": "performing group",
    "choir": "performing group",
    "band": "performing group",
    "group": "performing group",
    "theatre": "performing group",
    "theater": "performing group",
    "philharmonic": "performing group",
    "festival": "other",
    "fest": "other",
}

# Country names and demonyms; the value is the country's short English name.
COUNTRIES = {
    name.strip(): country.strip()
    for line in """Azerbaijan,Azerbaijani,Azerbaijanian:Azerbaijan
    Kazakhstan,Kazakh,Kazakhstani:Kazakhstan
    Kyrgyzstan,Kyrgyz:Kyrgyzstan
    Uzbekistan,Uzbek:Uzbekistan
    Turkmenistan,Turkmen:Turkmenistan
    Tajikistan,Tajik:Tajikistan
    Turkey,Turkiye,Türkiye,Turkish:Turkey
    Georgia,Georgian:Georgia
    Armenia,Armenian:Armenia
    Russia,Russian:Russia
    Ukraine,Ukrainian:Ukraine
    Belarus,Belarusian:Belarus
    Moldova,Moldovan:Moldova
    Iran,Iranian:Iran
    Iraq,Iraqi:Iraq
    Israel,Israeli:Israel
    Egypt,Egyptian:Egypt
    Saudi Arabia,Saudi:Saudi Arabia
    United Arab Emirates,UAE,Emirati:United Arab Emirates
    Qatar,Qatari:Qatar
    Pakistan,Pakistani:Pakistan
    India,Indian:India
    China,Chinese:China
    Japan,Japanese:Japan
    Korea,South Korea,Korean:South Korea
    Mongolia,Mongolian:Mongolia
    Indonesia,Indonesian:Indonesia
    Malaysia,Malaysian:Malaysia
    United Kingdom,UK,Britain,British,England,English:United Kingdom
    Ireland,Irish:Ireland
    France,French:France
    Germany,German:Germany
    Italy,Italian:Italy
    Spain,Spanish:Spain
    Portugal,Portuguese:Portugal
    Netherlands,Dutch:Netherlands
    Belgium,Belgian:Belgium
    Switzerland,Swiss:Switzerland
    Austria,Austrian:Austria
    Poland,Polish:Poland
    Czech Republic,Czechia,Czech:Czech Republic
    Slovakia,Slovak:Slovakia
    Hungary,Hungarian:Hungary
    Romania,Romanian:Romania
    Bulgaria,Bulgarian:Bulgaria
    Serbia,Serbian:Serbia
    Croatia,Croatian:Croatia
    Greece,Greek:Greece
    Lithuania,Lithuanian:Lithuania
    Latvia,Latvian:Latvia
    Estonia,Estonian:Estonia
    Finland,Finnish:Finland
    Sweden,Swedish:Sweden
    Norway,Norwegian:Norway
    Denmark,Danish:Denmark
    United States,USA,US,America,American:United States
    Canada,Canadian:Canada
    Mexico,Mexican:Mexico
    Brazil,Brazilian:Brazil
    Argentina,Argentinian,Argentine:Argentina
    Australia,Australian:Australia
    South Africa,South African:South Africa
    Nigeria,Nigerian:Nigeria
    Morocco,Moroccan:Morocco
    Algeria,Algerian:Algeria
    Tunisia,Tunisian:Tunisia""".splitlines()
    for country in [line.split(":")[1]]
    for name in line.split(":")[0].split(",")
}
