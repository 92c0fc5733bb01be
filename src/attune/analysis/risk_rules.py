"""The rule table behind :mod:`attune.analysis.risk`.

Families of phrasings for suicidal thinking and self-harm (direct, indirect and
slang: "kms", "unalive", "everyone would be better off without me", saving
pills, goodbye letters), for violence and threats (strangling, weapons, threats
to kill or to hurt the children), and for abuse and coercive control
(monitoring the phone, tracking, isolation, money, permission, custody threats,
sexual coercion, intimidation).

Levels, chosen once and applied consistently:

* self-harm and suicidal thinking, violence and threats of violence: ``crisis``;
* abuse and coercive control: ``concern`` -- except physical danger (strangling,
  weapons, being hit, sexual assault), which is ``crisis`` with category
  ``violence``;
* a denied or past self-harm mention ("I would never hurt myself", "I used to
  cut") is ``concern`` with category ``self_harm``: not a crisis, but a reason to
  show support resources rather than nothing.
"""

# ruff: noqa: E501  -- rule tables: long regex alternations read better unbroken

from __future__ import annotations

import re
from dataclasses import dataclass

from attune.analysis.textnorm import compile_rule, expand, forms


@dataclass(frozen=True, slots=True)
class RiskRule:
    """One phrasing family for one risk category."""

    level: str
    category: str
    regex: re.Pattern[str]
    keys: frozenset[str]
    kind: str = "strong"  # "weak": hyperbole-prone, cancelled by jokes; "bare": a topic mention
    unless: re.Pattern[str] | None = None  # checked on the whole message


def _r(
    level: str,
    category: str,
    pattern: str,
    keys: str,
    kind: str = "strong",
    unless: str | None = None,
) -> RiskRule:
    stems = keys.split()
    return RiskRule(
        level=level,
        category=category,
        regex=compile_rule(pattern),
        keys=forms(*stems) | frozenset(stems),
        kind=kind,
        unless=re.compile(expand(unless)) if unless else None,
    )


SELF = r"(?:myself|my self|meself|mysef|myslef)"
THIRD_SELF = r"(?:himself|herself|themselves|themself)"
PERSON = (
    r"(?:he|she|they|him|her|them|my (?:partner|husband|wife|boyfriend|girlfriend|bf|gf|ex|"
    r"hubby|fianc[eé]e?|spouse|dad|father|stepdad|mom|mother|stepmom|brother|sister|son|daughter)"
    r"|(?:partner|husband|wife|boyfriend|girlfriend|bf|gf|ex|hubby|fianc[eé]e?|spouse))"
)
THEY_WILL = (
    r"(?:he|she|they)(?:'?ll| will|'?d| would| is going to| is gonna|'s going to|'s gonna|s gonna|"
    r" was going to| said (?:he|she|they)(?:'?d|'?ll| would| will))"
)
HARM_VERB = (
    r"(?:kill|murder|hurt|shoot|stab|strangle|choke|beat|smother|drown|burn|run (?:me|us) over)"
)
KIDS = r"(?:the kids|my kids|our kids|the children|my children|the baby|my baby|our baby|our son|our daughter|my son|my daughter)"
MONITOR_OBJ = (
    r"(?:phone|messages|texts|emails?|dms|chats|calls|browser history|history|diary|journal|"
    r"social media|whatsapp|accounts?|location|spending|bank|laptop|computer)"
)

RULES: list[RiskRule] = [
    # ---- self-harm and suicidal thinking: crisis -----------------------------------
    _r(
        "crisis",
        "self_harm",
        r"(?:kill|killing|killed|end|ending|ended|off|offing|unalive|unaliving|hang|hanging|"
        r"shoot|shooting|drown|drowning|poison|poisoning|slit|cut|cutting|burn|burning|burned|"
        r"starve|starving|punish|hit|hitting|scratch|scratching) "
        + SELF
        + r"|(?:hurt|hurting|harm|harming) "
        + SELF
        + r"(?= on purpose| again| deliberately| "
        r"intentionally| when| to feel| so i| every| because| badly)"
        r"|(?:burn\w*|cut|cutting|cuts) my (?:arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach)"
        r"(?=[^.!?]{0,50}(?:on purpose|feel something|lighter|razor|blade|again|punish))"
        r"|(?:so i (?:could|can)|just to|to) feel something"
        r"|(?:want|wanna|urge|urges|going|gonna|about|tell me|told me|tempted|trying|tried|plan|"
        r"planning|thinking|thought|think|keep|kept|been|started|start|stop|might|could|will|'ll|"
        r"to) (?:to |of |about )?(?:hurt|hurting|harm|harming) " + SELF,
        "kill end off unalive unaliving hang shoot drown poison slit cut burn starve punish hit "
        "scratch hurt harm myself",
        unless=r"(?:shaving|chopping|cooking|on (?:a|the|some) (?:can|knife|glass|paper|edge)|"
        r"at the gym|playing|by accident|accidentally)",
    ),
    _r(
        "crisis",
        "self_harm",
        r"(?:kill|killing|killed|end|ending|off|offing|unalive|unaliving|hang|hanging|shoot|"
        r"shooting) " + THIRD_SELF + r"|threaten\w* to (?:hurt|harm|kill|cut) " + THIRD_SELF,
        "kill end off unalive unaliving hang shoot himself herself themselves themself threaten",
    ),
    _r(
        "crisis",
        "self_harm",
        r"kms|unaliv\w*|sewer ?slide|ctb|catch the bus|suicid\w* (?:thoughts?|ideation|plan|note|"
        r"attempt|urges?)|(?:am|i'?m|im|feel|feeling|felt|been|get|getting|so|very|really|"
        r"actively|passively) suicidal|(?:thoughts?|thinking|think|thought) (?:about|of) "
        r"(?:suicide|killing myself|ending (?:it|my life|things|everything)|taking my (?:own )?life)|"
        r"(?:commit|committing|attempt|attempted|attempting) suicide|self[- ]?harm\w*|"
        r"sh (?:relapse|urges?|again|scars?)|relapsed on (?:self[- ]?harm|sh|cutting)|"
        r"(?:started|start|been|keep|kept) cutting(?: again| myself)?|cutting again",
        "kms unalive unaliving unalived sewerslide sewer slide ctb catch suicidal suicide thoughts "
        "thinking think thought commit committing attempt attempted self harm selfharm sh relapsed "
        "cutting",
    ),
    _r(
        "crisis",
        "self_harm",
        r"(?:want|wanna|wanted|wish|wishing|ready|going|gonna|plan|planning|trying|tried|try|"
        r"decided|deserve) (?:to )?(?:just )?(?:die|be dead|not (?:be alive|exist|wake up|be here)|"
        r"disappear (?:forever|for good|permanently)|end (?:it all|my life|everything|it|things)|"
        r"take my (?:own )?life|sleep forever|go to sleep (?:and|forever))(?! of (?:cuteness|"
        r"laughter|embarrassment|boredom|shame|happiness|joy))"
        r"|(?:want|wanna) (?:to )?not (?:exist|be alive|be here|wake up)"
        r"|wish (?:i|i'?d|i had) (?:was|were|had|could) (?:dead|never been born|die|just die|"
        r"disappear|not wake up|never wake up|go to sleep and never)|wish i'?d never been born"
        r"|(?:don'?t|do not|dont|doesn'?t) (?:want|wanna) (?:to )?(?:live|be alive|exist|wake up|"
        r"go on|keep going|keep living)(?! (?:here|there|in|with|like that))|(?:don'?t|dont|do not) "
        r"(?:want|wanna) (?:to )?be here (?:anymore|any more)|hope i (?:don'?t|dont|never) wake up|"
        r"never wake up",
        "die dead exist alive wake disappear end life sleep born live living keep go here",
        kind="weak",
    ),
    _r(
        "crisis",
        "self_harm",
        r"better off (?:dead|without me|if i (?:was|were|wasn'?t|weren'?t) (?:gone|here|around|dead|"
        r"alive|born))|(?:world|everyone|everybody|they|you|family) (?:would|will|'?d) be better "
        r"(?:off )?without me|no (?:reason|point) (?:to|in|for me to) (?:live|living|keep living|go "
        r"on|going on|be alive|stay alive|exist|keep going)|nothing (?:left )?to live for|"
        r"(?:don'?t|do not|dont|can'?t) see (?:the|a|any) point in (?:living|going on|life|being "
        r"alive|anything anymore)|life (?:isn'?t|is not|isnt|ain'?t) worth (?:living|it anymore)|"
        r"(?:tired|sick) of (?:living|being alive|life|existing)|done with (?:life|living)|"
        r"can'?t go on (?:like this|anymore|any more|living)|(?:not|never) going to make it through "
        r"the night|(?:won'?t|will not|wont) be (?:around|here|alive) (?:much longer|for long|"
        r"tomorrow|next week|anymore)|(?:don'?t|do not|dont) plan on being (?:here|around|alive)|"
        r"(?:won'?t|will not|wont) have to (?:deal with|worry about|see|put up with) me (?:for )?"
        r"(?:much )?longer|made peace with (?:dying|death|it all)|(?:ready to|want to) go,? i'?ve "
        r"said|said my goodbyes|saying my goodbyes|this is (?:my )?goodbye|goodbye (?:forever|"
        r"everyone|world|cruel world)|just know (?:that )?i (?:loved|love) (?:you|u|you all)"
        r"[^!?]{0,20}(?:goodbye|bye)|permanent solution|rather be dead|want (?:it all|everything|"
        r"all of this|this all|life) to (?:end|stop)|(?:nobody|no one|no-one) would (?:even )?"
        r"(?:notice|care|miss me)[^.!?]{0,30}if i|if i (?:died|die|was gone|were gone|disappeared)"
        r"[^.!?]{0,20}(?:nobody|no one|no-one) would|stop(?:ped)? being (?:a|one) burden|"
        r"stopped being one|planning my (?:own )?funeral",
        "better reason point nothing worth living alive life existing go night longer around being peace goodbyes goodbye bye permanent dead end stop notice care miss died die gone disappeared burden funeral",
    ),
    _r(
        "crisis",
        "self_harm",
        r"(?:saving|saved|stockpil\w*|hoard\w*|collecting|collected) (?:up )?(?:my |all my |some |"
        r"enough )?(?:pills|meds|medication|tablets|sleeping pills|painkillers|pain killers)|"
        r"(?:take|took|taking|swallow\w*|down|downed) (?:all|a bunch of|too many|a lot of|a whole "
        r"bottle of|the whole bottle|everything in) (?:of )?(?:my |the )?(?:pills|meds|medication|"
        r"tablets|bottle|medicine cabinet|sleeping pills|painkillers)|how many (?:pills|tablets|mg|"
        r"of (?:these|my) (?:pills|meds))|(?:overdos\w*|od'?d|od)(?! on (?:coffee|caffeine|sugar|"
        r"chocolate|candy|netflix|tv|memes|cuteness))|(?:most )?painless way to (?:die|go)|"
        r"ways to (?:die|end it|kill myself|end my life)|(?:bought|got|have|buying|tied) (?:a |the )?"
        r"(?:rope|noose)|noose|(?:jump|jumping|jumped|throw myself) (?:off|from|in front of) "
        r"(?:a |the |that |this |my )?(?:\w+ )?(?:bridge|roof|building|cliff|balcony|train|bus|"
        r"tower|overpass|window|car park)|(?:step|stepping|walk|walking|throw myself|jump) "
        r"(?:in front of|into) (?:a |the )?(?:train|bus|traffic|truck|lorry|car|river|sea)|"
        r"(?:drive|driving|crash|crashing|steer) (?:my car |the car )?(?:into|off) (?:a |the )?"
        r"(?:wall|tree|pole|barrier|river|bridge|cliff)|slit(?:ting)? my wrists?|(?:standing|"
        r"sitting|sat|stood) (?:on|at) (?:the )?(?:edge|roof|ledge|bridge)(?! of my seat)|"
        r"gun (?:is )?loaded|loaded gun|(?:picked|picking|set|chosen) (?:a|the) date|"
        r"(?:have|made|got) a plan (?:to|and)|(?:extra|all my|too much) insulin|razor ?blades?|"
        r"blades? (?:hidden|in my drawer)|(?:scratch|scratching|scratched) (?:my )?(?:arms?|legs?|"
        r"skin|wrists?) (?:until|till|til) (?:they |it )?bleed|(?:wrists?|arms?|thighs?) (?:are |is )?"
        r"(?:scarred|covered in cuts)|(?:looking|staring|stared|looked) at (?:the |a |my )?"
        r"(?:bottle|pack|box)? ?(?:of )?(?:pills|tablets|meds) all night|(?:giving|gave|give) away "
        r"(?:all )?my (?:things|stuff|belongings|possessions)|(?:when|after) i'?m gone[^.!?]{0,20}"
        r"$|looked after when i'?m gone|(?:wrote|writing|written|left|leaving) (?:my |a few |some |"
        r"the )?(?:goodbye|farewell|suicide) (?:letters?|notes?)|wrote my note|(?:tried|try|trying|"
        r"attempt|attempted) to (?:overdose|hang myself|end it|end my life|take my life)|"
        r"i attempted (?:last|before|again|in|when|twice|once)",
        "pills meds medication tablets bottle cabinet insulin painkillers killers rope noose bridge roof building cliff balcony train bus tower overpass window park traffic truck lorry car river sea wall tree pole barrier wrists wrist edge ledge loaded gun date plan razor blade blades arms arm legs skin thighs scarred cuts bleed belongings possessions things stuff gone goodbye farewell suicide note overdose overdosed overdosing od od'd painless ways attempted hang mg",
    ),
    # ---- self-harm topic mentions: concern -----------------------------------------
    _r(
        "concern",
        "self_harm",
        r"suicid\w*|burden to (?:everyone|everybody|my family|you all|the people)|(?:think|"
        r"thinking|thoughts?) (?:about|of) (?:death|dying)|want (?:the|this) pain to (?:end|stop)|"
        r"(?:never|not|wouldn'?t|won'?t|don'?t|no longer) (?:\w+ ){0,2}(?:hurt|harm|kill|cut|end) "
        r"(?:myself|my life)",
        "suicide suicidal burden think thinking thought thoughts want hurt harm kill cut end myself",
        kind="bare",
        unless=r"(?:prevention|awareness|hotline|helpline|documentary|squad|forest|doors|song|"
        r"book|movie|film|volunteer|crisis line|research)",
    ),
    # ---- violence and threats: crisis ----------------------------------------------
    _r(
        "crisis",
        "violence",
        r"(?:hit|hits|hitting|punched|punches|punching|slapped|slaps|slapping|kicked|kicks|kicking|"
        r"choked|chokes|choking|strangled|strangles|strangling|shoved|shoves|beat|beats|beating|"
        r"beaten|bit|bites|burned|burnt|dragged|drags|pinned|smothered|suffocated|raped|rapes|"
        r"assaulted|attacked|stabbed|shot|headbutted|throttled) (?:me|us|my (?:face|head|mum|mom|"
        r"son|daughter|kids?|baby|stomach|back|child)|him|her)\b(?! (?:up|with your|back|at|in "
        r"(?:chess|cards|a game|the game|the final|tennis)|to (?:it|the)|a (?:text|message|line|party|surprise)|an email|off "
        r"in traffic))|(?:he|she|they|partner|husband|wife|boyfriend|girlfriend|bf|gf|ex|dad) "
        r"(?:hits|beats|chokes|slaps|punches) (?:me|us)\b",
        "hit hits hitting punched punches punching slapped slaps slapping kicked kicks kicking "
        "choked chokes choking strangled strangles strangling shoved shoves beat beats beating "
        "beaten bit bites burned burnt dragged drags pinned smothered suffocated raped rapes "
        "assaulted attacked stabbed shot headbutted throttled",
        unless=r"(?:lol|haha|lmao|😂|🤣|teas(?:e|ed|ing)|tickl|chess|tennis|game|cards|"
        r"sparring|boxing|karate|pillow fight|play fight)",
    ),
    _r(
        "crisis",
        "violence",
        r"(?:hands?|arm|fingers) (?:around|on|round|over) my (?:throat|neck|mouth)|grabbed me by "
        r"(?:the|my) (?:throat|neck|hair)|by (?:the|my) (?:throat|neck)|(?:knife|gun|blade|weapon|"
        r"bat|hammer|scissors) (?:to|at|against) my (?:throat|neck|head|face|chest)|(?:held|holding|"
        r"waved|waving|pulled|pointed|pointing|points|grabbed|brandished) (?:a|the|his|her|their) "
        r"(?:knife|gun|blade|weapon|bat|hammer)|pulled a (?:knife|gun)|threatened (?:me|us) with a "
        r"(?:knife|gun|weapon|bat|hammer)|(?:gun|knife|weapon)[^.!?]{0,60}(?:if i (?:leave|go|tell)|"
        r"use it)|pillow over my face|(?:tried to|try to) (?:run me over|strangle me|choke me|"
        r"drown me|kill me)|bruises (?:all over|on) (?:my|me)|black eye|left (?:marks|bruises)|"
        r"split my lip|(?:shoved|pushed|threw|thrown|throws|slammed) me (?:down|into|against|out|"
        r"onto|to the|across|off)|beat me (?:so|up|badly|black)|(?:forced|forces) (?:himself|"
        r"herself|themselves) on me|forced me to have sex|(?:i|i'?ve) (?:got|get|was|been|keep "
        r"getting) (?:hit|beaten|punched|slapped|choked|strangled|raped|assaulted|kicked)|"
        r"(?:raped|sexually assaulted) me|i was (?:raped|sexually assaulted)|(?:threw|throws|"
        r"thrown) (?:a|the) \w+ at (?:me|my)|(?:hurt|hurts|hurting|hit|hits) (?:our|my|the) "
        r"(?:son|daughter|kids?|child|children|baby)|pinned me|held me down|wouldn'?t let me "
        r"breathe",
        "throat neck mouth hair knife gun blade weapon bat hammer scissors pillow bruises eye marks lip shoved pushed threw thrown throws slammed beat forced forces hit beaten punched slapped choked strangled raped assaulted kicked son daughter kids kid child children baby breathe pinned held run kill drown strangle choke",
    ),
    _r(
        "crisis",
        "violence",
        r"(?:{ill}|i (?:swear|promise) i'?ll|i'?m (?:going to|gonna)|i will|i want to|i wanna|i'?m "
        r"about to|i could|i'?d|i would) (?:literally |actually |fucking |seriously )?"
        + HARM_VERB
        + r" (?:you|u|ya|him|her|them|everyone|your|his|my (?:husband|wife|partner|"
        r"boyfriend|girlfriend|ex|bf|gf)|" + KIDS + r")\b(?! (?:an?|the|over|up|out) )"
        r"|"
        + THEY_WILL
        + r" (?:seriously |really |actually )?"
        + HARM_VERB
        + r" (?:me|us|my|the kids|our|"
        + KIDS
        + r")\b"
        r"|threaten\w* to (?:kill|hurt|shoot|stab|burn|strangle|beat|harm|drown) (?:me|us|my|"
        r"the|our|him|her|them|you)|(?:scared|afraid|terrified|worried|frightened) (?:that )?"
        r"(?:he|she|they)(?:'s|'re| is| are)? (?:going to|gonna|will|'ll|might|could) "
        r"(?:kill|seriously hurt|hurt|really hurt|hit) me|(?:afraid|scared|fear|fearing|terrified) for "
        r"my life|(?:you'?re|i'?m|you are|i am|ur) dead if|i know where you live|watch your back|"
        r"(?:break|snap) your (?:neck|legs?|arms?|face)|beat the (?:crap|shit|hell) out of|"
        r"(?:kill|hurt|drown|poison) (?:my|the|our|your) (?:dog|cat|pet)|(?:thinking about|"
        r"thoughts of|urge to|scared i'?ll|afraid i'?ll|might|going to|want to) (?:hurt|hurting|harm|"
        r"harming|kill|killing|shake|shaking|smother) (?:my|the|our) (?:baby|kids?|child|children|"
        r"son|daughter)|burn the house down",
        "kill murder hurt shoot stab strangle choke beat smother drown burn threaten threatened threatens threatening scared afraid terrified worried frightened fear fearing dead where watch break snap crap shit hell poison harm shake over",
        kind="threat",
    ),
    # ---- abuse and coercive control: concern ---------------------------------------
    _r(
        "concern",
        "abuse",
        PERSON + r" (?:always |constantly |keeps? |still |even |also |now |secretly |regularly )?"
        r"(?:checks|checked|goes through|went through|looks through|looked through|reads|read|"
        r"monitors|monitored|snoops (?:through|on)|snooped (?:through|on)|logs into|logged into|"
        r"hacked|listens (?:in )?(?:on|to)|tracks|tracked|demands|demanded|takes|took|wants) "
        r"(?:all )?(?:of )?my "
        + MONITOR_OBJ
        + r"|(?:makes|made|forces|forced) me (?:hand over|give (?:him|her|them)|show (?:him|her|"
        r"them)|share|unlock|send)|i(?: read| checked| went through| looked through|'ve been reading|"
        r" have been reading|'?m going to check| will check| am going to check|'ll check| hacked) "
        r"(?:all )?your "
        + MONITOR_OBJ
        + r"|(?:tracks|tracked|tracking|track|monitors|monitoring|watches|watching) (?:my|your) "
        r"(?:location|phone|car|every move|movements|every step)|(?:installed|put|hid|hidden|planted|"
        r"placed) (?:a |an )?(?:tracker|tracking app|airtag|gps tracker|spyware|hidden camera|cameras?)"
        r"|spyware|stalkerware|(?:have|has|had) to share my location|share (?:my|your) location "
        r"(?:with (?:him|her|them|me) )?(?:24/7|all the time|at all times|or|now|right now|every)|"
        r"send me your location|cameras in the house|watches every move|(?:follows|followed) me "
        r"(?:everywhere|to work|around|home)|(?:shows|showed|turns|turning|keeps turning) up at my "
        r"(?:work|job|house|flat|door|school)|stalk\w*|(?:demands|knows|has|wants|took) (?:all )?"
        r"(?:my|your) passwords?|give me your (?:phone|password|passcode|pin|card|bank card|keys|"
        r"paycheck)|who were you texting|show me (?:your|the) (?:phone|messages|texts)|(?:photo|"
        r"picture|selfie|proof) of where i (?:am|was)|(?:check in|report) (?:with (?:him|her|them) )?"
        r"every (?:hour|\d+ minutes)|hundreds of messages|(?:fifty|50|100|\d+) (?:times|calls|texts) "
        r"a day|without (?:him|her|them) knowing|(?:monitors|watches|controls) everything",
        "knowing everything phone messages texts email emails dms chats calls history diary journal social whatsapp account accounts location spending bank laptop computer hand unlock tracker tracking airtag gps spyware stalkerware camera cameras everywhere work job house flat door school stalk stalks stalked stalking stalker passwords password texting photo picture selfie proof hour minutes hundreds times track tracks tracked monitors monitoring watches watching movements step move share send show give makes made forces forced",
        unless=r"(?:screen is cracked|fix (?:it|my)|it guy|repair)",
    ),
    _r(
        "concern",
        "abuse",
        r"(?:won'?t|doesn'?t|does not|wont|doesnt|will not|never|don'?t) lets? me (?:see|visit|talk|go|"
        r"leave|have|work|get|use|drive|call|text|wear|spend|eat|sleep|keep|study|out)|(?:not|never) "
        r"allowed to (?:see|visit|talk|go|leave|have|work|get|use|drive|call|text|wear|spend|eat|"
        r"lock|keep|study)|(?:need|needs|ask|asking|get|without) (?:for )?(?:his|her|their|my "
        r"(?:husband|wife|partner|boyfriend|girlfriend)'?s?) (?:permission|approval|ok)|"
        r"(?:have|had|need) to ask (?:him|her|them) (?:for )?(?:permission|before|if i can|for money)"
        r"|(?:ask|asking|beg|begging) (?:him|her|them) for (?:money|permission)|without my permission|"
        r"(?:need|have) to ask me before|(?:you'?re|you are|ur) not (?:going|allowed) (?:anywhere|out|"
        r"to go|to see|to talk)|(?:cut|cuts|cutting|keeps?|kept|stops?|stopped|isolat\w*) me (?:off )?"
        r"(?:from|away from) (?:my |all my )?(?:friends|family|seeing|going|working|talking|a doctor|"
        r"visiting)|isolat\w* me|lost all my friends because of|you don'?t need (?:friends|your "
        r"friends|anyone (?:else|but me))|(?:decides|decide|decided|tells me|controls) (?:what i "
        r"(?:wear|eat|can)|who i (?:can )?(?:see|talk|text))|made me (?:quit|delete|stop seeing|"
        r"give up|stop talking)|(?:forbids|forbade|forbidden) (?:me )?(?:from|to)|(?:locks|locked) "
        r"me (?:in|out)|(?:changed|changes) the locks|(?:controls?|controlling) (?:all (?:of )?)?"
        r"(?:the |my |our )?(?:money|finances|bank|spending|accounts?|paycheck|cards?|everything i "
        r"do|every (?:move|aspect|part))|controls everything|i said so|(?:blocks?|blocked|blocking) "
        r"(?:the door|the doorway|my way)|stands? in the doorway|won'?t let me (?:leave|out)|"
        r"keeps me from seeing|won'?t let me sleep|hides my (?:medication|meds|pills|id|passport|"
        r"keys)",
        "tells let lets allowed permission approval ok money anywhere out friends family seeing doctor visiting isolate isolates isolated isolating decides decide decided controls control controlling quit delete forbids forbade forbidden locks locked said blocks blocked blocking doorway door way hides sleep",
        unless=r"(?:\bi'?m 1[0-7]\b|at work|at school|in class|under 18|my boss|the teacher|"
        r"the rules|the gym|the pool|the museum|the library|the office|my doctor|the doctor)",
    ),
    _r(
        "concern",
        "abuse",
        r"(?:takes|took|keeps|kept|hides|hid|forces me to give (?:him|her|them)|steals|stole) (?:all )?"
        r"(?:of )?(?:my|our) (?:money|paycheck|wages|salary|earnings|bank card|cards?|credit card|"
        r"benefits|keys|car keys|passport|id|phone|documents)|gives me an allowance|(?:no|don'?t "
        r"have|without) access to (?:our|my|the|any) (?:bank|money|account|accounts|finances)|"
        r"account for every (?:penny|cent|dollar|pound)|down to the (?:last )?(?:penny|cent)|"
        r"receipts for everything|(?:debt|loans?) in my name|(?:have|has|allowed) (?:my|your) own "
        r"(?:bank account|money|card)|beg for (?:grocery )?money|hand over your|from now on i "
        r"(?:handle|control|keep|take) (?:all )?(?:the|your) money|(?:i'?ll|i will|i'?m going to) "
        r"(?:handle|control|keep|take) (?:all )?(?:the|your) money|money of my own|leave me with "
        r"nothing",
        "money paycheck wages salary earnings card cards benefits keys passport id phone documents allowance access penny cent dollar pound receipts debt loan loans account beg hand nothing",
    ),
    _r(
        "concern",
        "abuse",
        r"(?:threaten\w*|says? (?:he|she|they)(?:'?ll| will| would|'?d)|said (?:he|she|they)(?:'?d| "
        r"would| will|'?ll)|(?:he|she|they)(?:'?ll| will)) (?:to )?(?:take|get|keep) (?:the kids|my "
        r"kids|the children|my children|custody|the baby|the house|everything)|never see (?:the|"
        r"your|my) (?:kids|children|baby|son|daughter) again|lose custody|(?:i'?ll|i will) take the "
        r"(?:kids|children|baby)|you'?ll never (?:see|find) (?:the|your|us)|(?:call|report|calling|"
        r"reporting) (?:immigration|ice|cps|social services|the police) on me|report me to|(?:have|"
        r"get) me deported|deport\w*|(?:post|share|send|leak|release|show)\w* (?:my|your) (?:nudes|"
        r"naked pictures|pictures|photos|videos)|(?:out|outing) me (?:to|as)|tell (?:my|your) "
        r"(?:family|parents|boss|everyone|friends|wife|husband|mom|dad) (?:i'?m|about|that|my)|"
        r"tell everyone (?:my|about)|ruin (?:my|your) life|make (?:my|your) life (?:hell|a living "
        r"hell|miserable)|(?:there'?ll|there will) be consequences|\bor else\b|nobody will believe "
        r"(?:you|me)|no one will believe (?:you|me)|(?:pressur\w*|guilt\w*|forc\w*|coerc\w*|made|makes)"
        r" (?:me )?(?:into )?(?:to )?(?:have sex|having sex|sex|sleep with (?:him|her|them)|do things|"
        r"send nudes|send (?:him|her|them) nudes)|(?:doesn'?t|won'?t|does not|will not) take no for an"
        r" answer|(?:even )?when i (?:say|said) no|owe me sex|(?:without|didn'?t get|didn'?t ask "
        r"for) (?:my )?consent|sabotag\w* my (?:birth control|contraception)|recorded (?:us|me) "
        r"without|(?:if|unless) you (?:don'?t )?have sex with me|(?:threaten\w*|keeps threatening) "
        r"(?:me|to)|(?:you'?ll|you will) regret (?:this|it)|make you pay|(?:i'?ll|i will) (?:find|"
        r"come for) you|kys|(?:go )?kill (?:yourself|urself|your self)",
        "made makes things kids children custody baby house everything immigration ice cps services police report deport deported deporting nudes pictures photos videos out outing family parents boss everyone friends ruin hell miserable consequences else believe sex nudes answer no consent birth contraception recorded threaten threatens threatened threatening regret pay find come kys yourself urself self",
    ),
    _r(
        "concern",
        "abuse",
        r"(?:i'?m|i am|im) (?:so |really |very |honestly )?(?:scared|afraid|terrified|frightened) "
        r"(?:of (?:him|her|them|my (?:partner|husband|wife|boyfriend|girlfriend|ex|bf|gf|dad|father|"
        r"mom|mother|stepdad)|what (?:he|she|they)(?:'ll| will| might| would)(?: do)?)|to (?:go home|"
        r"leave|tell (?:him|her|them)))|walk(?:ing)? on eggshells|(?:punch\w*|kick\w*|smash\w*|"
        r"break\w*|broke|hit\w*|bang\w*) (?:(?:a )?holes? in )?(?:the |a )?(?:walls?|doors?|table|"
        r"things|stuff|my (?:phone|things|stuff|laptop))|(?:throws|threw|throwing) (?:things|stuff|"
        r"plates|dishes|my (?:things|stuff|clothes))|screams? in my face|(?:yell|scream|shout)\w* "
        r"(?:at me )?(?:in my face|until i)|standing over me|to (?:scare|intimidate) me|(?:calls?|"
        r"called) me (?:worthless|stupid|fat|ugly|useless|a whore|a slut|a bitch|names|crazy|pathetic|"
        r"an idiot|nothing|a failure)|no one (?:else )?(?:would|will) (?:ever )?(?:want|love) (?:me|"
        r"you)|nobody (?:else )?(?:would|will) (?:ever )?(?:want|love) (?:me|you)|(?:i'?m|you'?re|"
        r"you are|i am) nothing without (?:him|her|me)|end up alone without (?:him|her|me)|"
        r"gaslight\w*|can'?t trust my own (?:memory|mind)|(?:feel )?trapped (?:in|with|by) (?:this "
        r"relationship|my marriage|him|her|them|my own home)|prisoner in my own|accuses me of "
        r"cheating|abus\w*|domestic violence|restraining order|protective order|wakes me up to "
        r"(?:yell|scream|fight)|drove (?:really |so )?fast to scare|gets (?:mad|angry|furious) if i "
        r"(?:talk|see|go|am|'m|smile)|delete all my (?:social media|accounts)|stands over me",
        "scared afraid terrified frightened eggshells walls wall doors door table things stuff plates dishes clothes phone laptop face over scare intimidate worthless stupid fat ugly useless whore slut bitch names crazy pathetic idiot nothing failure nobody one without gaslight gaslights gaslighting gaslighted gaslit trust trapped prisoner cheating abuse abusive abused abuser abusing domestic restraining protective wakes fast mad angry furious social accounts",
    ),
]
