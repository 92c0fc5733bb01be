"""The rule table behind :mod:`attune.analysis.patterns`.

Each rule is a regular expression over a family of phrasings (see
:mod:`attune.analysis.textnorm` for the ``{macro}`` spellings), a weight (how
sure one match makes us), the one-line reason shown to the user, and the
prefilter words: the rule only runs when one of them occurs in the message, which
keeps the common case (nothing to find) cheap.

Reasons describe the words, never the person: "Absolute words like 'always' or
'never' turn one event into a verdict on someone's character."
"""

# ruff: noqa: E501  -- rule tables: long regex alternations read better unbroken

from __future__ import annotations

import re
from dataclasses import dataclass

from attune.analysis.textnorm import compile_rule, expand

YOU = (
    "you u ya yu youu your ur yr you're youre you've youve you'll youll u're u've u'll "
    "yourself urself you'd ud u'd"
)
I_ = "i i'm im i've ive i'd i'll"


@dataclass(frozen=True, slots=True)
class Rule:
    """One phrasing family for one label."""

    label: str
    regex: re.Pattern[str]
    weight: float
    why: str
    keys: frozenset[str]
    chars: tuple[str, ...] = ()
    unless: re.Pattern[str] | None = None  # checked on the rest of the clause after the match


def _r(
    label: str,
    pattern: str,
    why: str,
    keys: str,
    weight: float = 0.85,
    chars: tuple[str, ...] = (),
    unless: str | None = None,
) -> Rule:
    return Rule(
        label=label,
        regex=compile_rule(pattern),
        weight=weight,
        why=why,
        keys=frozenset(keys.split()),
        chars=chars,
        unless=re.compile(expand(unless)) if unless else None,
    )


TRAITS = (
    r"(?:selfish|lazy|inconsiderate|irresponsible|careless|thoughtless|self-centered|"
    r"self centered|selfcentered|unreliable|immature|rude|insensitive|useless|hopeless|"
    r"impossible|controlling|needy|clingy|heartless|mean|cruel|ungrateful|arrogant|"
    r"incompetent|sloppy|slob|liar|flake|narcissist|know-it-all|control freak|disaster|"
    r"disrespectful|dishonest|spoiled|manipulative|cold|useless)"
)
# Words after "you always/never" that make the sentence warm rather than critical.
WARM_AFTER = (
    r"\b(?:love|laugh|smile|cheer|know (?:how|what)|make me (?:happy|feel (?:better|safe|loved|special))|"
    r"look (?:so )?(?:great|good|beautiful|amazing|cute|lovely|gorgeous|handsome)|"
    r"(?:so )?(?:kind|patient|sweet|thoughtful|considerate|generous|supportive|gentle|caring|"
    r"helpful|welcome|lovely|fun|funny|brave|strong)|best|believe in|there for|got my back|"
    r"amaze|surprise|fail to|cease to|let me down|have to apologi[sz]e|need to apologi[sz]e|"
    r"worry|too late|be my|going to believe|gonna believe|guess|find a way|make it work|"
    r"remember (?:my|our|the little)|right there)"
)
NEG_EVENT = (
    r"(?:again|another|as usual|of course|now\b|late|forgot|forget|broke|broken|won'?t|"
    r"didn'?t|doesn'?t|nobody|no one|never|clogged|stuck|missed|lost|cancel|thanks to you|"
    r"ruin|mess|spilled|\bate\b|\btook\b|\btake it\b|left|staying another|nothing|cold|dead|flat|leak)"
)
FEEL = (
    r"(?:hurt|sad|lonely|alone|scared|afraid|anxious|worried|nervous|stressed|overwhelmed|"
    r"frustrated|angry|upset|disappointed|unappreciated|ignored|invisible|unheard|unseen|"
    r"disconnected|rejected|left out|confused|embarrassed|ashamed|guilty|jealous|insecure|"
    r"exhausted|drained|happy|excited|loved|safe|supported|calm|relieved|bad|awful|"
    r"terrible|torn|uneasy|tense|far away|distant|small|helpless|neglected|"
    r"taken for granted|unloved|unwanted|resentful|irritated|annoyed|down|low|blue|excluded|"
    r"abandoned|unimportant|dismissed|overlooked|sad|heartbroken|close to you|closer|"
    r"appreciated|seen|heard|cared for)"
)
KID = r"(?:baby|child|toddler|kid|brat|little girl|little boy|teenager|two[- ]year[- ]old)"
INSULT = (
    r"(?:idiot|moron|loser|clown|joke|fool|imbecile|cretin|dumbass|dummy|pig|"
    r"embarrassment|failure|disgrace|waste of space|parasite|leech|psycho|baby|child|brat|"
    r"spoiled brat|jerk|airhead|dimwit|halfwit|nitwit|buffoon|simpleton|nobody)"
)
CONSEQ = (
    r"(?:leav\w*|gone|done|over|through|finished|mov\w* out|break\w* up|divorc\w*|"
    r"call\w* (?:it|this|the \w+) off|walk\w*|out\b|speak to you|talk to you|kick you out|"
    r"take the kids|come back|come home|end\w* (?:it|this|things|us)|never see)"
)


def _keys(alternation: str) -> str:
    """Prefilter words of a plain ``(?:a|b c|d)`` alternation."""
    return " ".join(re.findall(r"[a-z][a-z'-]*", re.sub(r"\(\?:|[()?|]", " ", alternation)))


TRAIT_KEYS = _keys(TRAITS) + " self centered selfcentered"
INSULT_KEYS = _keys(INSULT).replace(" of ", " ")
FEEL_KEYS = _keys(FEEL)
PRAISE_KEYS = (
    "best sweetest amazing wonderful thoughtful kind sweet lovely great awesome brilliant "
    "incredible lifesaver life angel star gem beautiful handsome funny talented smart patient "
    "considerate caring good"
)

R: list[Rule] = [
    # ---- criticism ----------------------------------------------------------------
    _r(
        "criticism",
        r"(?:{youre}|{you}) (?:literally |just |really |honestly |seriously |still )?"
        r"(?:always|never|constantly|forever|continually|consistently)(?: ever)?",
        "Absolute words like 'always' or 'never' turn one event into a verdict on the person.",
        "always never constantly forever continually consistently",
        0.85,
        unless=WARM_AFTER,
    ),
    _r(
        "criticism",
        r"what(?:'?s| is|s) (?:wrong|the matter) with {you}|what(?:'?s| is) {your} problem",
        "Asking what is wrong with someone attacks them rather than the problem.",
        "wrong matter problem",
        0.9,
    ),
    _r(
        "criticism",
        r"(?:{youre}|why (?:are|r) {you}) (?:{really})?(?:being )?(?:such an? |the most |an? |so )?"
        r"(?:{really})?" + TRAITS,
        "Labelling someone's character ('selfish', 'lazy') attacks who they are, not what happened.",
        TRAIT_KEYS + " like",
        0.85,
    ),
    _r(
        "criticism",
        r"why (?:are|r) {you} (?:always |so |being )?like (?:this|that)",
        "Asking why someone is 'like this' turns a problem into a verdict on them.",
        "why",
        0.85,
    ),
    _r(
        "criticism",
        r"{you} (?:only )?(?:ever )?(?:think|care) (?:about|of) (?:{yourself}|no ?one but)"
        r"|{you} {dont} (?:even |really )?care (?:about (?:me|anyone|anything|us|this family|"
        r"my feelings|what i)|at all)|{you} {dont} care[.!]*$",
        "Saying someone doesn't care judges their heart instead of naming what you need.",
        "care think",
        0.8,
    ),
    _r(
        "criticism",
        r"why (?:do|does|did) {you} (?:always|never|constantly|keep)|why (?:can'?t|cant|won'?t|"
        r"wont|don'?t|dont|do) {you} (?:ever|just|for once|always)"
        r"|why (?:do|does) {you} (?:always )?(?:have|gotta|got) to",
        "A 'why do you always' question blames a pattern rather than asking about this time.",
        "why",
        0.85,
    ),
    _r(
        "criticism",
        r"how many times do i (?:have|need|got) to (?:tell|ask|remind|explain)|"
        r"how many times have i (?:asked|told|reminded|begged|explained)",
        "Counting how often you have asked makes the request sound like a charge sheet.",
        "times",
        0.8,
    ),
    _r(
        "criticism",
        r"{you} (?:{cant}) even\b|{youre} (?:impossible|incapable of)",
        "'You can't even...' belittles the person rather than the task.",
        "even impossible incapable",
        0.8,
    ),
    _r(
        "criticism",
        r"the problem (?:is|here is|with (?:{you}|this) is) {you}|{youre} the (?:problem|worst)",
        "Calling a person 'the problem' makes them the enemy rather than the issue.",
        "problem worst",
        0.85,
    ),
    _r(
        "criticism",
        r"{youre} (?:just )?(?:like|as bad as) {your} (?:father|mother|dad|mom|mum|ex|brother|"
        r"sister|parents|family)",
        "Comparing someone to a relative they clash with attacks who they are.",
        "father mother dad mom mum ex brother sister parents family",
        0.8,
    ),
    _r(
        "criticism",
        r"^\W*typical\b|so typical|typical of {you}|what kind of (?:a )?(?:person|partner|parent|"
        r"mother|father|husband|wife|friend|man|woman|boyfriend|girlfriend) (?:forgets|does|would|"
        r"says|leaves)",
        "Calling something 'typical' of someone makes one event a verdict on them.",
        "typical kind",
        0.8,
    ),
    _r(
        "criticism",
        r"{you} (?:keep|always keep) (?:interrupting|forgetting|ignoring|lying|complaining|"
        r"nagging|messing|breaking|losing|putting)",
        "'You keep...' describes a flaw in the person rather than one event.",
        "keep",
        0.7,
    ),
    _r(
        "criticism",
        r"every (?:single )?time (?:i|we) [^.!?]{0,40}?,? {you}\b",
        "'Every time...' turns one event into a rule about the other person.",
        "every",
        0.75,
    ),
    _r(
        "criticism",
        r"{youre} the one (?:who|that) (?:always|never|constantly)",
        "Absolute words like 'always' or 'never' turn one event into a verdict on the person.",
        "always never constantly",
        0.85,
    ),
    # ---- contempt -----------------------------------------------------------------
    _r(
        "contempt",
        r"(?:{youre}|{you}|what an?|such an?|ur such an?) (?:{really})?(?:such )?(?:an? )?"
        r"(?:{really})?(?:big |little |complete |total |absolute |fucking |stupid |pathetic )?"
        + INSULT,
        "Name-calling expresses contempt, which hurts more than the issue itself.",
        INSULT_KEYS,
        0.9,
    ),
    _r(
        "contempt",
        r"{youre} (?:{really})?(?:so |such an? )?(?:{really})?(?:pathetic|disgusting|stupid|dumb|"
        r"worthless|useless|laughable|revolting|gross|repulsive|brainless|clueless|"
        r"an embarrassment)|\bpathetic\b",
        "Words like 'pathetic' or 'stupid' put the other person down.",
        "pathetic disgusting stupid dumb worthless useless laughable revolting gross repulsive "
        "brainless clueless embarrassment",
        0.85,
    ),
    _r(
        "contempt",
        r"{you} (?:disgust|sicken|repulse|revolt) me|{you} make me (?:sick|want to (?:puke|vomit|"
        r"throw up))",
        "Expressing disgust at a person is a form of contempt.",
        "disgust sicken repulse revolt sick",
        0.9,
    ),
    _r(
        "contempt",
        r"\*?rolls? (?:my |his |her )?eyes\*?|eye ?-?roll(?:ing)?|rolling my eyes|🙄",
        "Eye-rolling signals contempt, even in writing.",
        "roll rolls rolling eye eyes eyeroll",
        0.85,
        chars=("🙄",),
    ),
    _r(
        "contempt",
        r"^\W*grow up|grow up[.!]*$|get a life|get a grip|cry me a river|boo[- ]?hoo|"
        r"(?:oh |aw+ )?poor (?:baby|you)\b(?! (?:thing|guy|dog|cat|kid))|ok(?:ay)? boomer|(?:nobody|no one) cares about {your}"
        r"|{you} need to grow up",
        "Mocking someone's feelings or telling them to grow up is contempt.",
        "grow get cry boo boohoo poor boomer nobody one need",
        0.8,
    ),
    _r(
        "contempt",
        r"(?:even )?an? (?:child|kid|toddler|five[- ]year[- ]old|5 year old|monkey) could|"
        r"like {youre} (?:five|5|a child|an idiot|stupid)|do i (?:have|need) to explain "
        r"(?:everything|it|this)(?: to {you})?(?: like)?",
        "Talking down to someone as if they were a child is contempt.",
        "child kid toddler five monkey explain 5",
        0.85,
    ),
    _r(
        "contempt",
        r"(?:can'?t|cannot|cant) believe i (?:married|am with|ended up with|dated|chose|picked)"
        r" (?:someone like )?(?:{you}|someone like)",
        "Regretting the person out loud expresses contempt for them.",
        "believe",
        0.85,
    ),
    _r(
        "contempt",
        r"(?:so much|way|far|a lot) (?:smarter|better|more mature) than {you}|beneath me|"
        r"out of {your} league|embarrassed to be seen with {you}|{im} (?:so )?embarrassed (?:of|by) "
        r"{you}|{your} (?:tiny|little|precious) (?:little )?(?:hobby|job|promotion|feelings|"
        r"friends|opinion|problems?|project|business|band)",
        "Putting yourself above the other person, or belittling what matters to them, is contempt.",
        "smarter better mature beneath league embarrassed tiny little precious",
        0.85,
    ),
    _r(
        "contempt",
        r"are {you} (?:stupid|dumb|an idiot|deaf|blind|brain ?dead|thick|slow|mental)",
        "Asking if someone is stupid is an insult framed as a question.",
        "stupid dumb idiot deaf blind brain braindead thick slow mental",
        0.85,
    ),
    _r(
        "contempt",
        r"(?:lol|lmao|lmfao|haha+|hahaha)[^.!?]{0,10}{you} (?:actually|really|seriously) "
        r"(?:thought|think|believed)",
        "Laughing at what someone believed is mockery.",
        "lol lmao lmfao haha hahaha hahah",
        0.8,
    ),
    _r(
        "contempt",
        r"(?:whatever|sure|ok|okay|right|nice going|well done|good job|great job|nice one)[,. ]+"
        r"(?:genius|einstein|princess|sherlock|champ|smart ?guy|hotshot|smartass|mastermind)",
        "Calling someone 'genius' to mock them is contempt dressed as sarcasm.",
        "genius einstein princess sherlock champ smart smartguy hotshot smartass mastermind",
        0.8,
    ),
    _r(
        "contempt",
        r"act(?:ing|s)? like an? (?:spoiled |little |big )?"
        + KID
        + r"|(?:crying|whining|sulking|pouting|behaving) like an? (?:\w+ )?"
        + KID,
        "Comparing an adult to a child belittles them.",
        "act acting acts like",
        0.8,
    ),
    _r(
        "contempt",
        r"only an? (?:idiot|moron|fool|child|loser) would|{youre} [^.!?]{0,40}, (?:{its}|that'?s) "
        r"(?:so |honestly |actually |kinda |kind of |just )?(?:embarrassing|pathetic|cringe|laughable)",
        "Implying someone is an idiot, or calling them embarrassing, puts them down.",
        "idiot moron fool child loser embarrassing pathetic cringe laughable",
        0.8,
    ),
    # ---- defensiveness ------------------------------------------------------------
    _r(
        "defensiveness",
        r"(?:not|isn'?t|wasn'?t|isnt|wasnt|ain'?t) (?:really |even |totally |exactly )?my "
        r"(?:fault|problem|job|responsibility)|{thats} {your} problem|not mine[.!]*$"
        r"|how (?:is|was|'?s) (?:that|this|it) my fault|why is (?:it|this|everything) (?:always )?"
        r"my fault|so now (?:it'?s|its|it is|this is|everything is) my fault|"
        r"(?:it'?s|its|everything'?s|everything is) always my fault",
        "Saying 'it's not my fault' defends you but leaves their concern unanswered.",
        "fault problem job responsibility mine",
        0.85,
    ),
    _r(
        "defensiveness",
        r"(?:it )?(?:wasn'?t|wasnt|was not) me\b|i (?:didn'?t|didnt|did not|never) do (?:anything|"
        r"nothing)(?: wrong)?|i did nothing(?: wrong)?",
        "Denying any part in it closes the door on their concern.",
        "me anything nothing",
        0.8,
    ),
    _r(
        "defensiveness",
        r"what about (?:when|the time|that time|last (?:week|time|night|month)) {you}|"
        r"what about {you}\s*\?+\s*{you}\b",
        "Answering a complaint with one of your own (counter-attack) turns it into a contest.",
        "about",
        0.85,
    ),
    _r(
        "defensiveness",
        r"{youre} one to talk|look (?:who'?s|whos|who is) talking|{youre} the one (?:who|that) "
        r"(?:started|did|said|forgot|left|was|never|always|made|lied|broke)|{you} started it|"
        r"{you} do (?:the )?(?:exact )?same(?: thing)?|{you} do it too|"
        r"(?:it'?s|its|it is) not like {you} (?:ever|even|always|never)|"
        r"{you} {didnt} (?:remind|tell|ask) me",
        "Turning it back on them ('you do it too') defends rather than listens.",
        "talk talking started same too remind tell ask like ever one",
        0.8,
    ),
    _r(
        "defensiveness",
        r"(?:don'?t|dont|do not) (?:you )?blame (?:me|this on me|it on me)|(?:stop|quit) blaming "
        r"me|don'?t look at me[.!]*$",
        "'Don't blame me' protects you but skips over how they feel.",
        "blame blaming look",
        0.85,
    ),
    _r(
        "defensiveness",
        r"{im} (?:always )?the bad guy|{im} always the one (?:who gets|getting) blamed|"
        r"i (?:{cant}) do anything right|nothing i do is (?:ever )?(?:good enough|right)|"
        r"i (?:can'?t|cant) win(?: with {you})?",
        "Taking the innocent-victim stance puts your hurt in place of theirs.",
        "bad right win good",
        0.75,
    ),
    _r(
        "defensiveness",
        r"i was (?:just|only) (?:trying|joking|kidding|asking|saying|being|helping)|"
        r"i only did (?:it|that|this) because|{you} can'?t take a joke",
        "Explaining your intentions first can sound like an excuse for the impact.",
        "was only joke",
        0.75,
    ),
    _r(
        "defensiveness",
        r"(?:excuse me|sorry|so sorry|well sorry|forgive me) for (?:trying|breathing|existing|caring|"
        r"living|being (?:alive|human|tired|busy)|having (?:a life|feelings))|sorry {im} not "
        r"(?:perfect|a mind ?reader)|{im} not a mind ?reader|what was i supposed to do|"
        r"how (?:was|am|could|would) i (?:supposed to )?(?:know|have known)",
        "Answering with 'what was I supposed to do' defends you instead of hearing them.",
        "excuse sorry forgive reader supposed know known",
        0.8,
    ),
    _r(
        "defensiveness",
        r"i had no (?:other )?(?:choice|option)|(?:that'?s|thats|that is) (?:not|so not) true,? i\b|"
        r"i did my (?:part|share|half|bit)|(?:well|but|look),? i was (?:busy|tired|working|"
        r"exhausted)|i was (?:tired|busy|exhausted) ok|(?:it'?s|its) not a crime|"
        r"at least i (?:don'?t|dont|didn'?t|didnt|do|did|am|have|never|try)|{im} not the one "
        r"(?:who|that)",
        "An excuse or an 'at least I...' defends you but leaves their concern unanswered.",
        "choice option true part share half bit busy tired working exhausted crime least one",
        0.75,
    ),
    # ---- stonewalling ------------------------------------------------------------
    _r(
        "stonewalling",
        r"{im} (?:so |just )?done (?:talking|discussing|with this|with (?:this|the) (?:conversation|"
        r"discussion)|arguing|here|with you)\b|^\W*{im} (?:so |just )?done\W*$",
        "Declaring yourself done shuts the conversation down instead of pausing it.",
        "done",
        0.8,
    ),
    _r(
        "stonewalling",
        r"{im} not (?:discussing|talking about|doing|having|getting into) (?:this|that|it)|"
        r"(?:we'?re|we are|were) not (?:talking|discussing) (?:about )?(?:this|that|it)|"
        r"not doing this(?: again| rn| right now| now| with you)?[.!]*$|"
        r"{im} not (?:gonna|going to) (?:talk|discuss)",
        "Refusing to discuss it closes the door rather than asking for a pause.",
        "discussing discuss talking talk doing having getting",
        0.85,
    ),
    _r(
        "stonewalling",
        r"leave me alone|(?:^|[.!?] )(?:talk|speak) to the hand|^\W*{im} out\b|"
        r"i(?: have| got|'?ve got|ve got) nothing (?:more |else )?to say(?: to {you})?|"
        r"not listening (?:anymore|to {you}|any ?more)|{im} (?:not )?(?:going to |gonna )?"
        r"ignor(?:e|ing) (?:that|this|{you})|{im} not (?:answering|responding|replying)|"
        r"let'?s just not talk|drop it\b",
        "Shutting the other person out ends the conversation without a plan to return.",
        "leave hand out nothing listening ignore ignoring answering responding replying talk drop",
        0.8,
        unless=r"(?:later|tonight|tomorrow|in (?:a|an|\d+|ten|twenty|thirty|five) (?:min|hour)|"
        r"come back|when we)",
    ),
    _r(
        "stonewalling",
        r"^\W*(?:fine[.!,]*\s*)?(?:whatever|whatevs|w/e)(?:\s*[.!]+|\s*$)|^\W*(?:fine|k)\s*[.!]+\s*$|"
        r"^\W*fine whatever|whatever (?:{you}|u) (?:say|want|think)[.!]*$",
        "A one-word 'whatever' or 'fine' ends the talk without saying what you feel.",
        "whatever whatevs w fine k",
        0.7,
    ),
    _r(
        "stonewalling",
        r"(?:i )?{dont} (?:want|wanna) (?:to )?talk about (?:it|this|that)|"
        r"(?:don'?t|dont) (?:text|call|message|contact|talk to|speak to)(?:ing)? me\b|"
        r"stop (?:text|call|messag|contact)(?:ing)? me\b|don'?t bother (?:replying|calling|texting|"
        r"answering|responding)",
        "Refusing contact shuts the other person out instead of asking for time.",
        "talk text call message contact speak texting calling messaging contacting bother",
        0.8,
        unless=r"(?:later|tonight|tomorrow|after|in (?:a|an|\d+|ten|twenty|thirty|five) (?:min|"
        r"hour)|when we|instead|let'?s|while (?:i'?m )?driving)",
    ),
    _r(
        "stonewalling",
        r"end of (?:discussion|story|conversation)|(?:this )?conversation(?:'s| is)? over|"
        r"discussion(?:'s| is)? over|^\W*(?:forget it|never ?mind|nvm|nevermind)\W*$|"
        r"forget i (?:said|asked|mentioned) anything",
        "Ending the discussion on your own leaves the other person shut out.",
        "end conversation discussion forget nevermind nvm never",
        0.8,
    ),
    # ---- sarcasm -----------------------------------------------------------------
    _r(
        "sarcasm",
        r"^\W*(?:oh,? |wow,? )?(?:great|perfect|wonderful|fantastic|awesome|lovely|brilliant|"
        r"super|terrific|marvell?ous|splendid|cool|nice|good|excellent)(?: job| timing| plan| idea|"
        r" one)?[.,!]+(?= [^.!?]{0,80}" + NEG_EVENT + r")|(?:perfect|great|nice|brilliant|"
        r"wonderful|lovely|fantastic) (?:timing|job|work|move|plan|idea)[^.!?]{0,20}?"
        r"(?:as usual|as always|like always|yet again|again)",
        "Praise words next to a let-down usually read as sarcasm, which stings.",
        "great perfect wonderful fantastic awesome lovely brilliant super terrific marvelous "
        "marvellous splendid cool nice good excellent",
        0.75,
    ),
    _r(
        "sarcasm",
        r"(?:yeah|ya|yea|yeh) right|sure,? {you} (?:did|do|will|are|were|would)\b(?=\s*[.!]*\s*$)|"
        r"as if {you}(?:'ve| have| had| ever| would| could| even)?|as if[.!]*$",
        "'Yeah right' says the opposite of what it means, which reads as mockery.",
        "right sure if",
        0.8,
    ),
    _r(
        "sarcasm",
        r"thanks? (?:(?:so|very) much |a lot )?for (?:nothing|ignoring|forgetting|leaving me|"
        r"ruining|abandoning|being late|standing me up|bailing|ditching|letting me down|making me "
        r"wait|wasting)|thanks? a lot[.!]*$|wow,? thanks?(?: a lot)?[.!]*$|gee,? thanks?|"
        r"oh wait\b|wow\.? just wow",
        "Thanking someone for something that hurt reads as sarcasm.",
        "thanks thank wait wow",
        0.8,
    ),
    _r(
        "sarcasm",
        r"(?:how|so) (?:nice|kind|sweet|thoughtful|considerate|generous|good) of {you} to "
        r"(?:finally|remember|show|join|notice|grace|bother)|nice of {you} to (?:finally|remember|"
        r"show|join|notice|bother)|nice to know where i stand|look (?:who'?s|who) (?:finally|"
        r"decided|remembered|showed|awake)|(?:so )?glad {you} could (?:make it|join|bother|"
        r"find the time)|oh,? how (?:thoughtful|nice|lovely|sweet|kind)(?=[^.!?]{0,60}"
        + NEG_EVENT
        + r")",
        "Praising someone for the bare minimum reads as a sarcastic jab.",
        "nice kind sweet thoughtful considerate generous good know look glad lovely",
        0.8,
    ),
    _r(
        "sarcasm",
        r"big surprise|what a surprise|^\W*shocker|colou?r me (?:surprised|shocked)|"
        r"who would have (?:thought|guessed)|what else is new",
        "Mock surprise points at a let-down without naming it.",
        "surprise shocker color colour would new",
        0.8,
    ),
    _r(
        "sarcasm",
        r"congrat(?:s|ulations) on (?:finally|actually|remembering|doing one|managing)|"
        r"(?:well|good|great|nice) job (?:breaking|forgetting|ruining|losing|ignoring|missing|"
        r"wrecking)|(?:great|nice|well) (?:job|done|going),? (?:genius|einstein|champ|sherlock)",
        "Congratulating a mistake reads as sarcasm.",
        "congrats congratulations job done going",
        0.8,
    ),
    _r(
        "sarcasm",
        r"must be nice|love (?:that|this) for me|(?:i )?(?:just )?lov(?:e|ing) (?:it )?(?:when|how) "
        r"{you} (?:always |just |conveniently |never )?(?:forget|leave|ignore|cancel|never|"
        r"don'?t|take|make me wait|interrupt|show up late|bail)|my favou?rite (?:thing|part) is "
        r"when {you}|^\W*(?:i )?(?:just )?love (?:waiting|being ignored|sitting|cleaning up|"
        r"doing (?:all|everything))|nothing says (?:romance|love|fun|i care|teamwork)",
        "Saying you love something that upsets you is sarcasm; naming the feeling lands better.",
        "nice love loving favorite favourite says",
        0.8,
    ),
    _r(
        "sarcasm",
        r"because that worked so well|(?:yeah|ya|yea),? (?:because|bc|cuz|cause)\b|"
        r"(?:oh )?right,? because|because {youre} so (?:busy|helpful|perfect|considerate)|"
        r"{youre} (?:such a|so) big help|(?:another|what a) brilliant (?:idea|plan)|"
        r"brilliant plan,? really|real (?:mature|helpful|classy|smooth|nice)\b|"
        r"(?:very|how|so) mature(?: of {you})?[.!]*$|very mature of",
        "Mock praise ('real mature') jabs at the person instead of saying what hurt.",
        "because bc cuz cause big brilliant real mature",
        0.75,
    ),
    _r(
        "sarcasm",
        r"/s\b|🙃|😒|cool,? cool,? cool",
        "A sarcasm marker says the words mean their opposite.",
        "s cool",
        0.8,
        chars=("🙃", "😒"),
    ),
    _r(
        "sarcasm",
        r"can'?t wait to (?:spend|do|clean|sit|wait|listen|hear|pick)[^.!?]{0,60}(?:again|alone|"
        r"after {you}|all (?:day|weekend|night))|for once in {your} life|for once[.!]*$|"
        r"{its} only been (?:\w+ )?(?:minutes|hours|days|weeks|months|years)",
        "Exaggerated patience or 'for once' points at a let-down indirectly.",
        "wait once only",
        0.75,
    ),
    _r(
        "sarcasm",
        r"clearly {you} know (?:everything|best|better)|(?:oh )?(?:sure|yes|yeah),? {youre} "
        r"(?:always )?(?:so )?(?:right|considerate|perfect|helpful|thoughtful|busy|smart)|"
        r"sure,? whatever {you} say|sure,? take {your} time",
        "Agreeing in a mocking tone ('oh sure, you're so...') is sarcasm.",
        "clearly sure yes yeah",
        0.75,
    ),
    _r(
        "sarcasm",
        r"(?:great|perfect|wonderful),? just (?:great|perfect|wonderful)|just what i needed[.!]*$|"
        r"^\W*(?:great|perfect|wonderful)\.\s*just",
        "'Great, just great' says the opposite of what it means.",
        "great perfect wonderful needed",
        0.8,
    ),
    _r(
        "sarcasm",
        r"(?:whatever|sure|ok|okay|right|nice going|well done|good job|great job|nice one)[,. ]+"
        r"(?:genius|einstein|princess|sherlock|champ|smart ?guy|hotshot|smartass|mastermind)",
        "Calling someone 'genius' when you mean the opposite is sarcasm.",
        "genius einstein princess sherlock champ smart smartguy hotshot smartass mastermind",
        0.8,
    ),
    # ---- ultimatum ---------------------------------------------------------------
    _r(
        "ultimatum",
        r"if (?:{you}|{youre}|this|that|it) [^.!?]{0,80}?(?:{ill}|{im}|we'?re|we are|were|"
        r"i won'?t|i'?m not|don'?t (?:bother )?(?:come|coming)|i'?m done|i quit|i)\b[^.!?]{0,30}?"
        + CONSEQ,
        "An 'if you..., I'll leave' threat forces a choice instead of inviting a conversation.",
        "if",
        0.85,
    ),
    _r(
        "ultimatum",
        r"either (?:{you}|{youre}) [^.!?]{0,60}\bor\b|{you} either\b[^.!?]{0,60}\bor\b|"
        r"(?:it'?s|its) (?:either )?(?:me|him|her|them) or (?:me|him|her|them|{your}|the|that)\b|"
        r"choose:? (?:me|between me) or|choose[:,.]? (?:me|us) or",
        "An either-or demand leaves the other person no room to talk.",
        "either choose it's its",
        0.85,
    ),
    _r(
        "ultimatum",
        r"(?:this is|it'?s|its) {your} (?:last|final) (?:chance|warning)|^\W*(?:last|final) "
        r"(?:chance|warning)|{your} (?:last|final) (?:chance|warning)|"
        r"one more (?:time|lie|excuse|chance|mistake|word)[^.!?]{0,15}(?:and|&) (?:{im}|we'?re|"
        r"we are|i'?ll|i will|{youre}|it'?s)|\bor else(?=\s*[.!?]|\s*$)",
        "A 'last chance' warning is a threat, which makes the other person defend rather than hear.",
        "last final one else",
        0.85,
    ),
    _r(
        "ultimatum",
        r"\bor (?:{ill}|{im}|we'?re|we are|i) (?:\w+ )?(?:leav\w*|gone|done|out|through|over|"
        r"finished|mov\w* out|break\w* up|divorc\w*|fil\w* for divorce|walk\w*|leave|throw\w*|"
        r"call\w* it off|kick\w*)\b|\bor (?:don'?t|dont) (?:come|bother coming) (?:back|home)|"
        r"\bor we'?re (?:done|over|through|finished)|\bor i walk",
        "Demand-or-else forces a choice instead of inviting a conversation.",
        "or",
        0.85,
    ),
    _r(
        "ultimatum",
        r"{youve} (?:got )?(?:until|till|til) [^.!?]{0,30}(?:to|or)\b|{im} giving {you} (?:until|till|"
        r"one|two|three|a|\d+) (?:\w+ )?(?:week|day|days|weeks|month|hours?|chance|more)|"
        r"don'?t (?:bother )?(?:come|coming) (?:back|home)",
        "A deadline with a threat behind it is an ultimatum.",
        "until till til giving come coming",
        0.8,
    ),
    # ---- scorekeeping ------------------------------------------------------------
    _r(
        "scorekeeping",
        r"(?:the )?last time {you}|remember (?:when|the time|that time) {you}|"
        r"like {you} did (?:last|at|on|in|with|when)|just like (?:at|on|last|in|when)\b|"
        r"last (?:summer|winter|spring|autumn|fall|year|christmas|month|week|time|birthday) "
        r"{you} (?:did|said|forgot|left|were|promised|missed|lied|ruined)|"
        r"(?:in|back in) (?:19|20)\d\d when {you}",
        "Bringing up past wrongs keeps a ledger instead of solving today's problem.",
        "last remember like",
        0.75,
    ),
    _r(
        "scorekeeping",
        r"(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|tenth|twentieth|"
        r"hundredth|thousandth|millionth|zillionth) time (?:{you}|{youve}|this (?:week|month|year)|"
        r"today|now|in a row)|for the (?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|tenth|"
        r"hundredth|thousandth|millionth) time|(?:two|three|four|five|six|seven|\d+|twice|a dozen) "
        r"times (?:now|already|this (?:week|month|year)|in a row|{you})|(?:twice|three times|"
        r"four times) now|(?:that'?s|thats) twice",
        "Counting how many times something happened keeps score instead of asking for change.",
        "time times twice",
        0.8,
    ),
    _r(
        "scorekeeping",
        r"i'?ve (?:cooked|cleaned|done|paid|driven|walked|picked up|covered|organi[sz]ed|planned|"
        r"handled|taken)[^.!?]{0,40}(?:every|all (?:week|month|year)|each|the last|for (?:two|three|"
        r"\d+|weeks|months))|i (?:paid|cooked|cleaned|drove|did|covered|picked)[^.!?]{0,30}"
        r"(?:the last (?:two|three|four|five|six|\d+|few)|every (?:night|day|time|week)|"
        r"all (?:week|month)|twice|\d+ times|three times)",
        "Listing what you have done compared with them turns the relationship into a ledger.",
        "cooked cleaned done paid driven walked picked covered organised organized planned handled "
        "taken drove did",
        0.75,
    ),
    _r(
        "scorekeeping",
        r"{im} always the one (?:who|that|to)|i always (?:have to|gotta|end up|pay|cook|clean|"
        r"do (?:everything|the|all))|i (?:have|gotta) to do everything|why do i always have to|"
        r"i'?m the only one (?:who|that)",
        "'I'm always the one who...' keeps a running score of who does more.",
        "always only",
        0.75,
        unless=r"(?:love|enjoy|happy to|don'?t mind|glad)",
    ),
    _r(
        "scorekeeping",
        r"{you} still (?:haven'?t|havent|have not|didn'?t|owe)|{you} owe me|after (?:everything|"
        r"all) i'?ve done|after (?:all|everything) i did|not once (?:have|did|has) {you}|"
        r"{you} (?:haven'?t|havent|have not) (?:once|even once)|(?:i'?ve been|i am|{im}) keeping "
        r"(?:count|track|score)|keep(?:ing)? a list|{you} did the (?:exact )?same (?:thing )?"
        r"(?:at|on|last|in|when|with|to)|i did (?:the|all the) [^.!?]{0,60}and {you} did "
        r"(?:nothing|not)|and {you} did nothing|how many times have i (?:asked|told|reminded|begged)",
        "Reminding someone of debts and past wrongs keeps a ledger instead of solving today.",
        "still owe after once keeping keep same nothing times",
        0.8,
    ),
    _r(
        "scorekeeping",
        r"every (?:single )?time (?:i|we) [^.!?]{0,40}?,? {you}\b",
        "'Every time...' keeps a running tally of past let-downs.",
        "every",
        0.75,
    ),
    # ---- mind reading ------------------------------------------------------------
    _r(
        "mind_reading",
        r"{you} (?:did|do|said|say) (?:that|this|it) on purpose|{you} did (?:that|this|it) (?:just |"
        r"only )?(?:to|so)\b|{you} (?:did|said|do) (?:it|that|this) (?:just |only )?to (?:hurt|"
        r"annoy|spite|punish|upset|embarrass|humiliate|get back at|provoke|make me)",
        "Saying what someone meant by it guesses at their motives; asking works better.",
        "purpose did",
        0.85,
    ),
    _r(
        "mind_reading",
        r"{you} (?:just |only )?(?:want|wanted|wanna) (?:to make me|me to (?:fail|look|feel|be the "
        r"bad|leave|suffer)|an excuse|to (?:hurt|control|punish|get back|win|look good|be right))|"
        r"{you} only (?:said|did|called|came|apologi[sz]ed|helped|texted|asked|cleaned|cooked)"
        r"[^.!?]{0,40}(?:because|so|to|bc|cause)\b|{youre} (?:just|only) (?:saying|doing) (?:that|"
        r"this|it) (?:so|to|because|bc)|{youre} (?:doing|saying) (?:this|that|it) (?:just |only )?"
        r"(?:to|because) (?:punish|hurt|annoy|spite|upset|get|make|embarrass|control)|"
        r"{youre} (?:only|just) being nice (?:because|bc|so|to|cause)",
        "Claiming to know someone's hidden reason is mind reading; they may mean something else.",
        "want wanted wanna only doing saying being",
        0.8,
    ),
    _r(
        "mind_reading",
        r"i know (?:exactly )?what {youre} (?:thinking|doing|up to|trying)|i know {youre} "
        r"(?:lying|hiding|cheating|faking|pretending)|i know {you} (?:think|hate|don'?t|never|just|"
        r"secretly|wish|want (?:to leave|out|someone)|are lying)",
        "Saying you know what they think speaks for them instead of asking.",
        "know",
        0.8,
    ),
    _r(
        "mind_reading",
        r"{youre} (?:just |only )?trying to (?:make me|hurt|control|punish|get (?:back|rid|out)|"
        r"provoke|manipulate|guilt|start|upset|embarrass)|{you} (?:secretly|obviously|clearly) "
        r"(?:want|think|hate|don'?t|never|wish|enjoy|like|find|prefer|would)|{you} probably "
        r"(?:think|hate|don'?t|enjoy|find|wish|prefer)|{youre} (?:secretly|obviously|clearly|"
        r"probably) (?:bored|glad|happy|enjoying|loving|jealous|annoyed|relieved|hoping|not "
        r"interested|over|done|seeing|hiding|lying)|deep down {you}",
        "Stating someone's hidden feelings as fact is mind reading; they may feel otherwise.",
        "trying secretly obviously clearly probably deep",
        0.8,
    ),
    _r(
        "mind_reading",
        r"{you} (?:think|thought) {im} (?:stupid|an idiot|dumb|crazy|blind|naive|a fool|an? \w+)|"
        r"{you} think (?:i|i'?m|im) (?:don'?t|didn'?t|won'?t|can'?t|am stupid)|admit it,? {you}|"
        r"(?:don'?t|stop) (?:even )?pretend(?:ing)? {you}|(?:you'?d|you would|ud|u'?d|u would) "
        r"rather (?:be|spend|have|go|hang|see|talk)[^.!?]{0,40}(?:than (?:with )?me|than us|"
        r"than be with)|{you} wish (?:you'?d|you had|u had|u'?d|i (?:was|were|wasn'?t|weren'?t)|"
        r"i'?d|{you} never)|{you} never (?:wanted|loved|cared|meant)|{you} {dont} (?:even |"
        r"really )?(?:want to be here|like my|love me)",
        "Telling someone what they really think or want speaks for them; ask instead.",
        "think thought admit pretend pretending rather wish never don't dont doesn't",
        0.8,
    ),
    # ---- dismissal ---------------------------------------------------------------
    _r(
        "dismissal",
        r"{youre} (?:being )?(?:{really})?(?:too|way too|so|overly|super|hella|extremely|sooo+) "
        r"(?:sensitive|dramatic|emotional|touchy|needy|paranoid|insecure|uptight|extra)|"
        r"{youre} (?:{really})?(?:being )?(?:{really})?(?:dramatic|paranoid|hysterical|irrational|"
        r"ridiculous|crazy|silly|unreasonable|childish|insecure|extra|delusional|overdramatic)",
        "Calling a reaction 'too sensitive' or 'dramatic' dismisses the feeling behind it.",
        "sensitive dramatic emotional touchy needy paranoid insecure uptight extra hysterical "
        "irrational ridiculous crazy silly unreasonable childish delusional overdramatic",
        0.85,
    ),
    _r(
        "dismissal",
        r"{youre} (?:{really})?(?:(?:way|totally|completely) )?over ?-?react(?:ing)?|"
        r"(?:stop|quit) over ?-?reacting|(?:stop|quit) (?:being )?(?:so )?(?:dramatic|sensitive|"
        r"emotional|hysterical|crazy|paranoid|extra)",
        "Calling it an overreaction tells them their feeling doesn't count.",
        "overreacting overreact over stop quit",
        0.85,
    ),
    _r(
        "dismissal",
        r"(?:^|(?<=[.!?,;] )|(?<=[.!?,;]))(?:(?:omg|oh my god|jeez|geez|lol|just|ok|okay|please|dude|babe|bro|ugh|"
        r"hey|look|ffs|god),?\s+)*(?:calm down|chill(?: out)?|relax|settle down|take a chill pill|"
        r"cool it)\b(?!\s+(?:the|your|my|a|it|in|for)\b)|{you} (?:need|have|gotta|got) to "
        r"(?:calm down|relax|chill|get over it)",
        "Telling someone to calm down dismisses the feeling instead of hearing it.",
        "calm chill relax settle cool",
        0.8,
        unless=r"(?:you'?ve got this|you got this|you'?ll be (?:fine|great|ok)|it'?ll be (?:ok|fine)|"
        r"you did great|we have time|there'?s time|i'?ve got it|i got it|i'?ll handle|"
        r"you studied|i'?m here)",
    ),
    _r(
        "dismissal",
        r"(?:it'?s|its|it is|that'?s|thats|this is|it was|was|it'?s really|it'?s honestly) "
        r"(?:really |honestly |literally |just |seriously )?(?:not|no|n'?t) (?:a |such a |that |"
        r"that big a )?(?:big deal|that deep|a thing|that serious|the end of the world)|"
        r"^\W*(?:not|no) (?:a )?big deal",
        "Saying 'it's no big deal' tells them their concern doesn't matter.",
        "big deep thing serious world",
        0.8,
        unless=r"(?:^\s*if\b|happy to|glad to|no problem|anytime|my pleasure|if we|if i)",
    ),
    _r(
        "dismissal",
        r"stop making (?:it|this|everything) (?:a thing|about {you}|a big deal|into a thing|so "
        r"dramatic)|making a big deal (?:out )?of (?:nothing|it|this)|{youre} making (?:a big deal|"
        r"a mountain|it a thing|this a thing|such a big deal)|{youre} (?:imagining|making (?:it|"
        r"this|that|things|stuff) up|remembering (?:it|that|things) wrong|misremembering|reading "
        r"(?:way )?(?:too much )?into)|(?:that|it) never happened(?=\s*[.!,]|\s*$)",
        "Saying they imagined it or are making a big deal denies their experience.",
        "making imagining remembering misremembering reading happened",
        0.85,
    ),
    _r(
        "dismissal",
        r"get over (?:it|yourself)|(?:you'?ll|u'?ll|you will) get over it|move on already|"
        r"let it go already|toughen up|man up|grow a pair|suck it up|(?:stop|quit) (?:crying|"
        r"whining|complaining|moaning|sulking)|why are {you} (?:so )?(?:upset|crying|mad|angry|"
        r"worked up)[^.!?]{0,20}(?:over|about) (?:nothing|something so|a \w+ little|such)|"
        r"why are {you} crying",
        "Telling someone to get over it brushes their feeling aside.",
        "over toughen man grow suck stop quit move let why",
        0.8,
    ),
    _r(
        "dismissal",
        r"sorry {you} feel (?:that way|like that)|sorry if {you} (?:feel|felt|were) (?:offended|"
        r"hurt|upset)|{its} just a (?:stupid )?(?:joke|movie|game|show|text|comment)",
        "'Sorry you feel that way' sounds like an apology but dismisses the feeling.",
        "sorry just",
        0.75,
    ),
    # ---- appreciation ------------------------------------------------------------
    _r(
        "appreciation",
        r"(?:thank(?:s| you| u|u|x)?|thx|ty|tysm)(?: (?:so|very) much| a lot| a ton| again| babe|"
        r" love| hun| honey| sweetie| my love| both)? (?:for|so)\b(?! (?:nothing|ignoring|"
        r"forgetting|leaving me|ruining|wasting|making me wait|standing me up|bailing|ditching|"
        r"letting me down))|^\W*(?:thanks|thank you|thank u|thanku|ty|thx|tysm|thanks so much|"
        r"thank you so much)\W*$|(?:got it|ok|okay|great|perfect|cool),? (?:thanks|thank you|thx|ty)"
        r"\W*$|(?<!saying )(?<!say )\bthank you(?=[.!,]\s*$|\s*$)",
        "Thanking someone is a small moment of appreciation.",
        "thanks thank thanku thankyou thankx thx ty tysm",
        0.7,
    ),
    _r(
        "appreciation",
        r"i (?:really |truly |so |just |do )?appreciate|{im} (?:so |really |very |truly )?"
        r"(?:grateful|thankful)|(?:so )?proud of {you}|means (?:a lot|so much|the world)|"
        r"meant (?:a lot|so much|the world)|lucky to have {you}|(?:couldn'?t|could not|cant|"
        r"can'?t) have done (?:it|this) without {you}|{you} (?:did|were) (?:an? )?(?:great|amazing|"
        r"awesome|fantastic|wonderful|brilliant|incredible)",
        "Saying what you appreciate builds goodwill.",
        "appreciate grateful thankful proud means meant lucky without did were",
        0.85,
    ),
    _r(
        "appreciation",
        r"{youre} (?:{really})?(?:always )?(?:{really})?(?:such an? |the )?(?:{really})?(?:best|"
        r"sweetest|amazing|wonderful|thoughtful|kind|sweet|lovely|great|awesome|brilliant|"
        r"incredible|lifesaver|life saver|angel|star|gem|beautiful|handsome|funny|talented|smart|"
        r"patient|considerate|caring|good at|good (?:dad|mom|mum|father|mother|partner|friend|"
        r"listener|person|cook|parent))",
        "Telling someone what you like about them builds goodwill.",
        PRAISE_KEYS,
        0.8,
    ),
    _r(
        "appreciation",
        r"i love (?:it )?(?:how|that|when) {you}|i love {you}|love {you}\b|\bily\b|"
        r"{you} (?:always )?(?:make|made) me (?:laugh|smile|happy|feel (?:better|safe|loved|"
        r"special))|{you} (?:always )?know (?:how to|what to say)|{you} never (?:fail|cease) to|"
        r"{you} never let me down|{youll} always be my|{you} (?:always )?look (?:so )?(?:great|"
        r"good|beautiful|amazing|gorgeous|handsome|lovely|cute|stunning)",
        "Warm words about the other person build goodwill.",
        "love ily laugh smile happy feel know fail cease let always look",
        0.8,
    ),
    _r(
        "appreciation",
        r"(?:that was|that'?s|so|how) (?:so |really |very )?(?:sweet|kind|thoughtful|lovely|"
        r"generous) of {you}|(?:great|nice|good|amazing|awesome) (?:job|work)(?= on| with|\s*[!.]|"
        r"\s*$)|(?:it|that|this) looks (?:so )?(?:amazing|great|beautiful|fantastic|incredible|"
        r"awesome|lovely)",
        "Noticing what someone did well builds goodwill.",
        "sweet kind thoughtful lovely generous job work looks",
        0.75,
    ),
    # ---- repair attempt ----------------------------------------------------------
    _r(
        "repair_attempt",
        r"(?:i'?m|im|i am) (?:so |really |very |truly |deeply )?sorry\b(?! (?:you feel|if you|"
        r"that you feel|but (?:you|u)|to hear|for your loss|that happened))|"
        r"^\W*(?:so |very )?sorry\b(?! (?:you|if you|for (?:breathing|existing|trying|caring|"
        r"being alive|living)|i'?m not|im not))|sorry (?:for|about)\b(?! (?:breathing|existing|trying|"
        r"caring|being alive|living))",
        "An apology is a repair attempt: it helps both of you reset.",
        "sorry",
        0.85,
    ),
    _r(
        "repair_attempt",
        r"i apologi[sz]e|my bad|(?<!not )(?<!n't )(?<!nt )(?<!always )my fault(?![?])|"
        r"(?:that'?s|that is|thats) on me|i was wrong|i (?:shouldn'?t|should not) have|"
        r"i should have|i (?:didn'?t|did not|didnt) mean (?:it|to|that)|(?:that )?came out wrong|"
        r"let me (?:try|say) (?:that|it) again|i'?ll do better|i (?:want|wanna) to (?:understand|"
        r"fix|make (?:it|this|things) right)|how can i make (?:it|this|things|that) (?:right|up|"
        r"better)|we'?re on the same (?:team|side)|let'?s figure (?:it|this) out|\btruce\b|"
        r"(?<!always )(?<!so )(?<!not )(?:{youre}) right\b(?! about everything)|"
        r"{you} (?:have|'ve got|got|make) a (?:good )?point|i (?:think )?i was (?:a bit |too )?"
        r"(?:harsh|unfair|mean|rude|out of line)",
        "Owning your part is a repair attempt: it helps both of you reset.",
        "apologise apologize bad fault on wrong shouldn't should didn't didnt mean came try say "
        "do understand fix make team side figure truce right point harsh unfair mean rude line",
        0.8,
    ),
    _r(
        "repair_attempt",
        r"(?:can|could|shall) we (?:please )?(?:start over|try (?:again|that again)|stop (?:fighting|"
        r"arguing)|take a (?:break|breather|pause|minute)|hit pause|pause|reset|come back to "
        r"(?:this|it)|talk (?:about (?:it|this) )?(?:later|again|when|after|in)|talk about (?:it|"
        r"this) (?:tomorrow|tonight))|let'?s (?:take a (?:break|breather|pause|minute)|start over|"
        r"try again|not fight|pause|talk (?:about (?:it|this) )?(?:later|again|when|after|in))|"
        r"i need a (?:break|breather|minute|few minutes|pause)[^.!?]{0,60}(?:then|come back|talk|"
        r"after)",
        "Asking for a pause or a fresh start is a repair attempt.",
        "can could shall let's lets need",
        0.8,
    ),
    # ---- validation --------------------------------------------------------------
    _r(
        "validation",
        r"(?:that|it|this) makes (?:total |complete |so much |perfect |a lot of )?sense|"
        r"^\W*makes sense|i (?:can )?(?:totally |completely )?(?:understand|see|get) why (?:{you}|"
        r"{youre})|i (?:totally )?get (?:it|that|why|you)\b(?!\?)|i understand(?=\s*[.!,]|\s*$| "
        r"(?:that|how|why))|i hear {you}|{your} feelings (?:are|r) (?:valid|real|okay|ok|"
        r"important)|{your} feelings matter",
        "Showing you understand their side is validation.",
        "makes sense understand see get hear feelings",
        0.8,
    ),
    _r(
        "validation",
        r"{its} (?:ok|okay|fine|normal|understandable|natural|valid|alright) (?:to|that {you}) "
        r"(?:feel|be)|of course {youre} (?:upset|angry|hurt|sad|tired|worried|frustrated|annoyed|"
        r"mad|scared)|of course {you} (?:feel|are)|no wonder (?:{youre}|{you})|{you} have every "
        r"right|i'?d (?:feel|be) (?:the same|that way|upset|angry|hurt)|{its} (?:completely |"
        r"totally )?understandable|{youre} (?:not|n'?t) (?:overreacting|being (?:dramatic|crazy|"
        r"silly|too sensitive|unreasonable)|crazy|too sensitive|stupid|an idiot|wrong to)|"
        r"i (?:don'?t|dont|do not) think {youre} (?:overreacting|being|wrong|crazy|dramatic|too)|"
        r"{youre} right to (?:be|feel)",
        "Telling them their feeling makes sense is validation.",
        "ok okay fine normal understandable natural valid alright course wonder right same way "
        "not think",
        0.8,
    ),
    _r(
        "validation",
        r"(?:that|it|this) (?:sounds|must (?:be|have been)|seems) (?:{really})?(?:hard|tough|"
        r"awful|frustrating|painful|rough|stressful|exhausting|scary|lonely|difficult|horrible|"
        r"terrible|overwhelming|upsetting|sad|heartbreaking|infuriating|annoying|unfair)|"
        r"(?:it'?s|its|it is|it was|that'?s|that was) not {your} fault|(?:it )?(?:wasn'?t|wasnt) "
        r"{your} fault|{you} must be (?:exhausted|tired|so tired|worn out|overwhelmed|stressed)|"
        r"{you} never (?:have|need) to apologi[sz]e|i'?m sorry (?:you|to hear|that happened)",
        "Naming how hard something is for them is validation.",
        "sounds must seems fault apologise apologize sorry",
        0.8,
    ),
    # ---- I-statement -------------------------------------------------------------
    _r(
        "i_statement",
        r"i (?:feel|felt|am feeling|'?m feeling|was feeling|get|got|start to feel|have been feeling|"
        r"'?ve been feeling) (?:{really})?(?:(?:a bit|a little|kind of|kinda|so|really|very|quite|"
        r"pretty|super|incredibly|more and more) )*"
        + FEEL
        + r"|{im} (?:{really})?(?:feeling )?(?:{really})?"
        + FEEL
        + r"|i (?:feel|felt) (?:{really})?(?:tired|exhausted|worn out) (?:and|&) (?:{really})?"
        + FEEL,
        "Naming your own feeling ('I feel...') invites understanding instead of defence.",
        FEEL_KEYS + " tired exhausted worn",
        0.75,
    ),
    _r(
        "i_statement",
        r"i (?:just |really |still |also )?need (?:(?:some|more|a little|a bit of|a|your) )?(?:help|time|space|support|reassurance|"
        r"rest|quiet|hug|you|us|to feel|to know|to hear|to talk|some time|closeness)\b|"
        r"it hurts (?:me )?when|it (?:makes|made) me (?:feel )?" + FEEL + r" when|"
        r"i'?d (?:really |so )?(?:love|like|appreciate)(?: it)? (?:if|for|more|some|when)|"
        r"i would (?:really )?(?:love|like|appreciate)",
        "Saying what you need is an I-statement: a clear, gentle request.",
        "need hurts makes made love like appreciate",
        0.75,
    ),
    # ---- bid ---------------------------------------------------------------------
    _r(
        "bid",
        r"(?:do|would) {you} (?:want|wanna|like) to|^\W*(?:wanna|want to)\b|\bwanna (?:get|go|"
        r"watch|grab|try|come|see|hang|play|cook)|want some\W*$|shall we|let'?s (?:go|grab|get|"
        r"watch|cook|try|do|have|make|see|play|plan|order|hang|cuddle|call|visit|take a walk|eat|"
        r"bake|stay in|just relax)|(?:could|can) we (?:go|get|try|watch|do|have|spend)\b"
        r"(?=[^.!?]{0,60}(?:together|tonight|this weekend|tomorrow|\?|on \w+day))|"
        r"we could (?:go|get|try|watch|do|have)|want to (?:try|go|come|"
        r"watch|get|see)\b[^.!?]{0,40}\?",
        "Inviting them to do something together is a bid for connection.",
        "do would wanna want shall let's lets could can",
        0.75,
    ),
    _r(
        "bid",
        r"how (?:was|is|'?s) {your} (?:day|night|morning|evening|weekend|trip|meeting|exam|interview|"
        r"mom|dad|mum|family|week|shift|sister|brother)|how (?:are|r) {you}(?: doing| feeling)?\b|"
        r"how'?s (?:it going|everything|{your})|how {you} (?:doing|feeling)|tell me about {your} "
        r"(?:day|night|trip|weekend)|guess what|look at this|check (?:this|it) out|did {you} see|"
        r"come (?:here|cuddle|sit|over|to bed|watch)|(?:i )?miss (?:{you}|u)\b|thinking (?:of|"
        r"about) {you}|can (?:we|i) (?:hang|cuddle|talk|go|tell you|call|see you|come)|are {you} "
        r"free|what are {you} up to|\bwyd\b|^\W*hugs?\W*$|^\W*hug\?|call me (?:when|later|"
        r"tonight|after)|can {you} call me|would {you} like",
        "Reaching out with a question or a share is a bid for connection.",
        "how how's hows tell guess look check did come miss thinking can are what wyd hug hugs "
        "call would",
        0.75,
    ),
]
