"""Recognise what a message is about: the situation, the feelings, and signals for a counsellor.

Everything here is plain pattern matching over the lower-cased text, so it is
fast, explainable and works offline. It never decides safety: the risk triage
in :mod:`attune.analysis.risk` runs before any of this.

>>> read_message("We just had a huge fight and I'm so hurt").situation
'fight'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SITUATIONS: tuple[str, ...] = (
    "fight",
    "distant",
    "wont_engage",
    "hard_talk",
    "betrayal",
    "long_distance",
    "phones",
    "burnout",
    "rift",
    "label_request",
    "good_moment",
)

_FAMILY = (
    r"(?:mother|mom|mum|father|dad|sister|brother|sibling|parents?|family|in-?laws?|"
    r"mother-in-law|father-in-law|best friend|friends?|cousin|aunt|uncle|son|daughter|"
    r"grandma|grandpa|grandmother|grandfather|stepmom|stepdad|roommate|flatmate|colleague|"
    r"co-?worker|boss|team ?mate)"
)

# Each situation: patterns, any one of which marks it. Order of the table is the
# tie-break order when several match equally often.
_PATTERNS: dict[str, tuple[str, ...]] = {
    "betrayal": (
        r"\bcheat(?:ed|ing|s)?\b",
        r"\baffair\b",
        r"\bunfaithful\b",
        r"\bbetray",
        r"\binfidelity\b",
        r"\b(?:lied|been lying|was lying) to me\b",
        r"\bfound (?:the |their |his |her )?(?:messages|texts|dating app|tinder)",
        r"\btrust (?:is |was |has been )?(?:broken|gone|shattered)\b",
        r"\brebuild(?:ing)? (?:the )?trust\b",
        r"\bsecret (?:account|relationship|messages)\b",
    ),
    "rift": (
        rf"\b(?:my|our) {_FAMILY}\b.{{0,60}}\b(?:haven'?t (?:spoken|talked)|not speaking|"
        r"stopped (?:speaking|talking)|fell out|falling out|cut (?:me|us) off|rift|estranged|"
        r"won'?t speak|doesn'?t speak|fought|argument|fight|hurt me|ghost(?:ed|ing))",
        rf"\b(?:fell out|falling out|rift|estranged|not speaking) (?:with )?(?:my|our) {_FAMILY}\b",
        r"\bestranged\b",
        r"\bfalling[- ]out\b|\bfell out with\b",
    ),
    "long_distance": (
        r"\blong[- ]distance\b",
        r"\bldr\b",
        r"\btime ?zones?\b",
        r"\btime difference\b",
        r"\b(?:different|other) (?:countries|country|cities|city|continents?)\b",
        r"\b(?:miles|kilometres|kilometers|km|hours) apart\b",
        r"\bhaven'?t seen (?:each other|him|her|them) (?:in|for)\b",
        r"\bvideo calls?\b",
    ),
    "phones": (
        r"\b(?:phones?|smartphones?|screens?|screen ?time)\b",
        r"\bscrolling\b",
        r"\b(?:instagram|tiktok|social media|youtube|netflix|reddit|gaming|video games?)\b",
        r"\bon (?:his|her|their|my) (?:laptop|ipad|tablet)\b",
    ),
    "burnout": (
        r"\b(?:tired|sick|weary|exhausted) of (?:all )?(?:the |these |this )?(?:relationship "
        r"work|exercises|check-?ins|homework|working on (?:us|it|this|the relationship)|"
        r"programs?|rituals)\b",
        r"\bfeels? like (?:homework|a chore|a job|work)\b",
        r"\b(?:relationship|emotional) (?:work|labou?r) is\b",
        r"\bburn(?:ed|t|ing)? ?out\b",
        r"\btoo many (?:exercises|check-?ins|tasks|things to do|rituals)\b",
        r"\b(?:another|more) exercises?\b",
        r"\bstreaks?\b",
        r"\bso much (?:effort|work) (?:into|on) (?:us|this|the relationship)\b",
        r"\bneed a break from (?:working on|all this|the app)\b",
    ),
    "fight": (
        r"\b(?:had|have|having|got into|just had|another|a|big|huge|bad|stupid) "
        r"(?:a |an |another |this |our |big |huge |bad |stupid |awful |massive )*"
        r"(?:fight|argument|blow-?up|shouting match|screaming match)\b",
        r"\b(?:had|having) (?:a|another) (?:big |huge |bad )?row\b",
        r"\b(?:we|we've|we have|we just) (?:just )?(?:fought|argued|yelled|screamed|blew up)\b",
        r"\byelled at (?:me|each other|him|her|them)\b",
        r"\bscreamed at (?:me|each other|him|her|them)\b",
        r"\bslammed the door\b",
        r"\bstormed out\b",
        r"\b(?:fight|argument) (?:last night|this morning|earlier|today|yesterday|just now)\b",
    ),
    "wont_engage": (
        r"\b(?:won'?t|will not|refuses? to|doesn'?t want to|does not want to|isn'?t willing to|"
        r"never wants to) (?:talk|engage|join|try|do (?:this|the|any)|open up|discuss|go to|"
        r"work on|use (?:the|this) app|answer)",
        r"\b(?:i'?m|i am) the only one (?:trying|who tries|putting)",
        r"\bnot interested in (?:working|doing|talking|this|counsel)",
        r"\b(?:he|she|they) (?:just )?(?:shrugs?|changes? the subject|walks? away) when\b",
        r"\bpartner (?:won'?t|refuses|isn'?t interested)\b",
    ),
    "hard_talk": (
        r"\bhow (?:do|can|should|would) i (?:bring (?:it |this |that )?up|tell|talk to|ask|raise|"
        r"say|start|approach|have the conversation|open)",
        r"\b(?:need|have|want|going) to (?:talk to|tell|bring up|raise|ask|confront) "
        r"(?:my|him|her|them|our)\b",
        r"\b(?:hard|difficult|tough|awkward|serious|big) (?:conversation|talk|chat)\b",
        r"\bprepare (?:for )?(?:a |the |this )?(?:conversation|talk)\b",
        r"\bbring (?:it|this|that) up\b",
        r"\b(?:need|have|want|going) to (?:bring up|raise|discuss|confront)\b",
        r"\bhow to (?:bring up|tell|ask|say|raise)\b",
    ),
    "distant": (
        r"\bdistant\b",
        r"\bdisconnected\b",
        r"\bdrift(?:ing|ed) apart\b",
        r"\bgrown apart\b",
        r"\blike (?:room-?mates|flatmates|strangers|colleagues)\b",
        r"\b(?:don'?t|do not|no longer) feel (?:close|connected|seen|loved)\b",
        r"\blonely (?:in|with)\b",
        r"\b(?:no|lost the) spark\b",
        r"\bbarely (?:talk|see each other|touch)\b",
        r"\bout of touch\b",
        r"\bfar apart\b",
        r"\bpassing ships\b",
    ),
    "label_request": (
        r"\b(?:is|are) (?:my|he|she|they|him|her)\b.{0,30}\b(?:a )?(?:narcissist|narcissistic|"
        r"sociopath|psychopath|bipolar|borderline|bpd|autistic|adhd|depressed|toxic)\b",
        r"\b(?:does|do) (?:my \w+|he|she|they) have (?:bpd|adhd|autism|npd|bipolar|depression|"
        r"a personality disorder|ocd|ptsd)\b",
        r"\bam i (?:a )?(?:narcissist|narcissistic|bipolar|borderline|depressed|crazy|toxic|"
        r"the problem)\b",
        r"\bdo i have (?:bpd|adhd|autism|depression|anxiety|ptsd|a personality disorder|ocd)\b",
        r"\b(?:diagnose|diagnosis)\b",
    ),
    "good_moment": (
        r"\b(?:we had|had) (?:a |such a |the )?(?:great|lovely|wonderful|good|beautiful|amazing) "
        r"(?:day|evening|night|weekend|talk|time|date)\b",
        r"\bfeel(?:ing)? (?:so |really )?(?:close|connected|grateful|lucky) (?:to|with)\b",
        r"\b(?:things are|it'?s been) (?:going )?(?:really )?(?:good|great|better)\b",
    ),
}

# Signals that a counsellor would help, offered without alarm.
_PROFESSIONAL: dict[str, tuple[str, ...]] = {
    "escalating": (
        r"\b(?:fights?|fighting|arguments?|arguing) (?:are |is |keep |keeps )?(?:getting |get )?"
        r"(?:worse|louder|nastier|more frequent|more often|uglier|meaner)\b",
        r"\b(?:fight|argue|fighting|arguing) (?:every|all the) (?:day|night|time)\b",
        r"\b(?:constantly|always) (?:fighting|arguing)\b",
        r"\bcan'?t stop (?:fighting|arguing)\b",
        r"\bworse and worse\b",
        r"\bevery (?:day|night) (?:we|is a) (?:fight|argue)",
    ),
    "shutdown": (
        r"\bshuts? (?:down|me out|off)\b",
        r"\bshutting (?:down|me out)\b",
        r"\bgoes (?:completely |totally )?(?:silent|quiet|cold|blank)\b",
        r"\bsilent treatment\b",
        r"\bwon'?t (?:speak|talk) to me for (?:days|hours|a week)\b",
        r"\bstonewall",
        r"\bcompletely (?:checked out|withdrawn)\b",
        r"\bwithdraws? (?:completely|for days)\b",
    ),
    "trauma": (
        r"\btrauma",
        r"\bptsd\b",
        r"\bflashbacks?\b",
        r"\b(?:abused|molested|assaulted) (?:as a (?:child|kid|teen)|when i was)\b",
        r"\bchildhood abuse\b",
        r"\bpanic attacks?\b",
        r"\bnightmares about\b",
    ),
}

# Feeling words a person might use, and the plain word the coach reflects back.
_FEELINGS: tuple[tuple[str, str], ...] = (
    (r"\bhurt(?:s|ing)?\b|\bwounded\b|\bstung\b", "hurt"),
    (r"\bbetrayed\b", "betrayed"),
    (r"\b(?:angry|furious|mad|pissed|livid|enraged|fuming)\b", "angry"),
    (r"\bfrustrat(?:ed|ing)\b|\bannoyed\b|\birritated\b|\bfed up\b", "frustrated"),
    (r"\bresent(?:ful|ment)?\b|\bbitter\b", "resentful"),
    (
        r"\bsad\b|\bheartbroken\b|\bfeel(?:ing)? (?:so |really )?down\b|\bupset\b|\bcr(?:y|ied)"
        r"(?:ing)?\b|\bgutted\b",
        "sad",
    ),
    (r"\blonely\b|\bfeel(?:ing)? (?:so |very |all )?alone\b|\bisolated\b", "lonely"),
    (
        r"\banxious\b|\bworried\b|\bnervous\b|\bscared\b|\bafraid\b|\bfrightened\b|\bdread",
        "anxious",
    ),
    (r"\boverwhelm(?:ed|ing)\b|\bstressed\b|\btoo much\b", "overwhelmed"),
    (r"\bexhausted\b|\btired\b|\bdrained\b|\bworn out\b|\bburn(?:ed|t) out\b", "worn out"),
    (r"\bashamed\b|\bembarrassed\b|\bhumiliated\b", "ashamed"),
    (r"\bguilty\b|\bmy fault\b", "guilty"),
    (r"\bconfused\b|\bfeel(?:ing)? (?:so )?lost\b|\bdon'?t know what to do\b|\bunsure\b", "unsure"),
    (r"\bjealous\b|\binsecure\b", "insecure"),
    (
        r"\brejected\b|\bunwanted\b|\bignored\b|\binvisible\b|\bunseen\b|\bunheard\b",
        "unseen",
    ),
    (r"\bunappreciated\b|\btaken for granted\b", "unappreciated"),
    (r"\bnumb\b|\bempty\b", "numb"),
    (r"\bdisappointed\b|\blet down\b", "disappointed"),
    (r"\bhopeful\b|\boptimistic\b", "hopeful"),
    (r"\bgrateful\b|\bthankful\b|\blucky\b", "grateful"),
    (r"\bhappy\b|\bjoy(?:ful)?\b|\bglad\b|\bdelighted\b", "happy"),
    (r"\bclose to\b|\bconnected\b", "close"),
)

# GoEmotions labels the model may give, as a plain word to reflect.
EMOTION_WORDS: dict[str, str] = {
    "anger": "angry",
    "annoyance": "frustrated",
    "disappointment": "disappointed",
    "disapproval": "frustrated",
    "disgust": "put off",
    "embarrassment": "embarrassed",
    "fear": "anxious",
    "nervousness": "anxious",
    "grief": "grieving",
    "remorse": "regretful",
    "sadness": "sad",
    "confusion": "unsure",
    "gratitude": "grateful",
    "joy": "happy",
    "love": "warm",
    "optimism": "hopeful",
    "caring": "caring",
    "excitement": "excited",
    "relief": "relieved",
    "pride": "proud",
}

_COMPILED = {k: tuple(re.compile(p) for p in ps) for k, ps in _PATTERNS.items()}
_PRO_COMPILED = {k: tuple(re.compile(p) for p in ps) for k, ps in _PROFESSIONAL.items()}
_FEEL_COMPILED = tuple((re.compile(p), word) for p, word in _FEELINGS)
_NEGATED_FEELING = re.compile(r"\b(?:not|never|n't|no longer)\s+(?:feel(?:ing)?\s+)?(?:so\s+)?$")


@dataclass(frozen=True)
class Reading:
    """What the coach understood of one message."""

    situation: str | None
    situations: tuple[str, ...]
    feelings: tuple[str, ...]
    professional: tuple[str, ...]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("\u2019", "'")).strip()


def detect_situations(text: str) -> tuple[str, ...]:
    """Every situation the text matches, most strongly matched first."""
    low = _norm(text)
    scored: list[tuple[int, int, str]] = []
    for order, (name, patterns) in enumerate(_COMPILED.items()):
        hits = sum(1 for p in patterns if p.search(low))
        if hits:
            scored.append((-hits, order, name))
    return tuple(name for _, _, name in sorted(scored))


def detect_feelings(text: str, limit: int = 2) -> tuple[str, ...]:
    """Feeling words found in the text, in the order they appear, skipping negated ones."""
    low = _norm(text)
    found: list[tuple[int, str]] = []
    for pattern, word in _FEEL_COMPILED:
        for m in pattern.finditer(low):
            if _NEGATED_FEELING.search(low[max(0, m.start() - 24) : m.start()]):
                continue
            found.append((m.start(), word))
            break
    out: list[str] = []
    for _, word in sorted(found):
        if word not in out:
            out.append(word)
    return tuple(out[:limit])


def professional_signals(text: str) -> tuple[str, ...]:
    """Which signals for professional help the text shows: escalating, shutdown, trauma."""
    low = _norm(text)
    return tuple(k for k, ps in _PRO_COMPILED.items() if any(p.search(low) for p in ps))


def read_message(text: str) -> Reading:
    """Situation, feelings and professional-help signals of one message."""
    situations = detect_situations(text)
    # A betrayal or a rift is what the person is living through; a fight about
    # it is one episode, so the bigger frame wins.
    primary = situations[0] if situations else None
    for frame in ("betrayal", "label_request", "burnout"):
        if frame in situations:
            primary = frame
            break
    return Reading(
        situation=primary,
        situations=situations,
        feelings=detect_feelings(text),
        professional=professional_signals(text),
    )
