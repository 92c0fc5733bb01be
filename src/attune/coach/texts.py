"""Everything the scripted coach says, kept apart from the logic so it can be read and edited.

The voice (SPEC.md, "Voice"): warm, brief, plain words, never judging, never
diagnosing, gender-neutral, one question and one next step at a time. Every
sentence here was written for Attune.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Script:
    """How the coach meets one situation."""

    reflection: str  # used when no feeling word was found; "{feeling}" absent
    question: str
    candidates: tuple[tuple[str, str], ...]  # (content id, why it fits), in order of preference
    search: str  # keywords for the content library when no candidate is available
    solo_first: bool = False


SCRIPTS: dict[str, Script] = {
    "fight": Script(
        reflection="That sounds like it was a rough one, and it is probably still buzzing in you.",
        question="What part of it is staying with you most right now?",
        candidates=(
            (
                "regulation-break.v1",
                "after a fight the body needs about twenty minutes to settle before words can "
                "land, and this gives that time a shape",
            ),
            (
                "repair-after-rupture.v1",
                "once you are both calm, it walks you through owning your part and coming back "
                "together",
            ),
            (
                "meta-communication-pause.v1",
                "it helps you agree on how to pause next time before things heat up",
            ),
        ),
        search="conflict repair calm flooding",
    ),
    "distant": Script(
        reflection="Feeling far from someone you care about can be quietly painful.",
        question="When did you last feel close to each other, and what was happening then?",
        candidates=(
            (
                "turning-toward-bids.v1",
                "closeness is often rebuilt in tiny moments, and this helps you notice and answer "
                "the small bids that are already there",
            ),
            (
                "goodnight-minutes.v1",
                "a few unhurried minutes at the end of the day is a small, low-pressure way back "
                "to each other",
            ),
            (
                "three-level-conversation.v1",
                "it moves gently from everyday talk to what each of you really feels",
            ),
            (
                "specific-appreciation.v1",
                "naming something specific you value is one of the quickest ways to warm things up",
            ),
        ),
        search="closeness connection bids daily ritual",
        solo_first=True,
    ),
    "wont_engage": Script(
        reflection="It is lonely to be the one who wants to work on things when the other does "
        "not (yet).",
        question="What do you imagine is behind their reluctance?",
        candidates=(
            (
                "turning-toward-bids.v1",
                "it is something you can do on your own, and small moments of warmth often make "
                "a reluctant person more open",
            ),
            (
                "prepare-hard-conversation.v1",
                "it helps you say what you need in a way that is easy to hear, without pushing",
            ),
            (
                "emotion-naming.v1",
                "getting clear on your own feelings first makes whatever you say next land better",
            ),
        ),
        search="solo awareness own feelings",
        solo_first=True,
    ),
    "hard_talk": Script(
        reflection="It makes sense to want to get this conversation right.",
        question="What happened, as a camera would have seen it?",
        candidates=(
            (
                "prepare-hard-conversation.v1",
                "it breaks the talk into what happened, what you feel, what you need and what you "
                "ask for",
            ),
        ),
        search="prepare conversation request",
        solo_first=True,
    ),
    "betrayal": Script(
        reflection="Finding out something like that can shake the ground under you.",
        question="What do you need most right now: space to take it in, answers, or a way forward?",
        candidates=(
            (
                "readiness-to-rebuild.v1",
                "it helps you see, privately and at your own pace, whether you feel ready to "
                "rebuild and what would need to be true first",
            ),
            (
                "repair-after-rupture.v1",
                "if you both choose to rebuild, it gives the apology and the follow-through a "
                "clear shape",
            ),
            (
                "emotion-naming.v1",
                "putting names to the mix of feelings can make them a little easier to hold",
            ),
        ),
        search="rebuild trust repair rupture",
        solo_first=True,
    ),
    "long_distance": Script(
        reflection="Distance asks a lot: missing someone while life keeps moving in two places.",
        question="What does a good week between you look like, even from far away?",
        candidates=(
            (
                "long-distance-rituals.v1",
                "it gives you small shared rituals that work across time zones",
            ),
            (
                "good-morning-voice-note.v1",
                "a short voice note lets the other hear you even when your days do not overlap",
            ),
            (
                "watch-together-apart.v1",
                "doing the same thing at the same time creates a shared moment despite the "
                "distance",
            ),
        ),
        search="long distance ritual apart",
    ),
    "phones": Script(
        reflection="It can feel like competing for attention with a screen, and that stings.",
        question="When do the phones get in the way most: meals, evenings, or in bed?",
        candidates=(
            (
                "phone-free-dinner.v1",
                "one protected meal a day is a small, concrete change you can both try",
            ),
            (
                "tech-free-hour.v1",
                "an agreed hour without screens gives attention somewhere to land",
            ),
            (
                "digital-detox-7-day.v1",
                "a short, gentle week of experiments shows what you both want from your phones",
            ),
        ),
        search="technology phones screen digital detox",
    ),
    "burnout": Script(
        reflection="It sounds like working on the relationship has started to feel like one "
        "more job.",
        question="What would feel like relief this week, rather than another task?",
        candidates=(
            (
                "silent-connection.v1",
                "it asks for no talking and no homework, just a few quiet minutes together",
            ),
            (
                "goodnight-minutes.v1",
                "it is tiny, and it counts: a few minutes before sleep, nothing to prepare",
            ),
        ),
        search="quiet easy small ritual",
    ),
    "rift": Script(
        reflection="A rift with someone close can ache for a long time, even when life goes on.",
        question="If things were a little better between you, what would be different?",
        candidates=(
            (
                "prepare-hard-conversation.v1",
                "if you want to reach out, it helps you find an opening that invites rather than "
                "accuses",
            ),
            (
                "readiness-to-rebuild.v1",
                "it helps you check, for yourself, whether and how you want to rebuild",
            ),
            (
                "emotion-naming.v1",
                "naming what you feel about it is a useful first step, whatever you decide",
            ),
        ),
        search="family friend repair reach out",
        solo_first=True,
    ),
    "label_request": Script(
        reflection="When someone's behaviour hurts or confuses you, it is natural to look for a "
        "name for it.",
        question="What did they do or say that is weighing on you most?",
        candidates=(
            (
                "emotion-naming.v1",
                "it keeps the focus on what you feel and need, which you can act on whatever "
                "the reason for their behaviour",
            ),
            (
                "prepare-hard-conversation.v1",
                "it helps you talk about the specific behaviour instead of a label",
            ),
        ),
        search="feelings needs own",
        solo_first=True,
    ),
    "good_moment": Script(
        reflection="That sounds lovely. Good moments are worth noticing.",
        question="What made it feel good, do you think?",
        candidates=(
            (
                "specific-appreciation.v1",
                "telling them exactly what you enjoyed helps the good moment last",
            ),
            (
                "gratitude-map.v1",
                "writing down what works between you helps you find your way back to it",
            ),
        ),
        search="appreciation gratitude savour",
    ),
    "general": Script(
        reflection="Thank you for telling me. It sounds like this matters to you.",
        question="What would you most like to be different?",
        candidates=(
            (
                "emotion-naming.v1",
                "putting a precise name to what you feel is a small step that makes the next one "
                "clearer",
            ),
            (
                "turning-toward-bids.v1",
                "it helps you notice the small moments of connection that are already there",
            ),
        ),
        search="feelings connection",
        solo_first=True,
    ),
}

FEELING_REFLECTIONS: tuple[str, ...] = (
    "It sounds like you are feeling {feeling}.",
    "I hear that you feel {feeling}.",
    "That sounds like it left you feeling {feeling}.",
)

LABEL_NOTE = (
    "I can't put a label on anyone, and a label rarely tells you what to do next. What helps "
    "more is looking at the behaviour and what it does to you."
)

STEP_LINE = "One thing you could try: {title} ({minutes} min), because {why}."
STEP_LINE_NO_MINUTES = "One thing you could try: {title}, because {why}."
FROM_RESULT = " It is also one of the practices suggested for your result on '{assessment}'."
LOW_MOOD_NOTE = "Your recent check-ins have been on the heavy side, so let's keep this small."
PROGRAM_NOTE = "You are {done} days into '{program}'."

BURNOUT_SNOOZE = (
    "You are allowed to rest: you can snooze today in '{program}' without losing your streak. "
    "Connection does not have to be homework."
)
BURNOUT_REST = "Connection does not have to be homework; skipping a week is fine."

# Professional help, offered calmly.
PROFESSIONAL: dict[str, str] = {
    "escalating": (
        "When fights keep getting sharper, a couples or family counsellor can help you both "
        "break the cycle. Lots of people go, and going early tends to help most."
    ),
    "shutdown": (
        "When one person keeps shutting down, a counsellor can make it safer for both of you "
        "to stay in the conversation. It is a common and sensible step."
    ),
    "trauma": (
        "When old hurts show up in the present, a therapist who works with trauma can help in "
        "ways an app can't. It is a strength to ask for that kind of support."
    ),
}
PROFESSIONAL_FIND = "If you want, '{name}' is a good place to start: {how}"

# The hard-conversation flow.
FLOW_FIRST_QUESTION = "What happened, as a camera would have seen it?"
FLOW_START = (
    "Let's prepare it one piece at a time: what happened, how you feel, what you need and what "
    "you want to ask for. " + FLOW_FIRST_QUESTION
)
FLOW_ASK_FEELING = "Thanks. When that happened, what did you feel?"
FLOW_ASK_FEELING_SEEN = (
    "Thanks. It sounds like you felt {feeling}. Is that right, or is there more?"
)
FLOW_ASK_NEED = (
    "That makes sense. What do you need here, or what matters to you underneath that feeling? "
    "For example rest, fairness, being considered, closeness."
)
FLOW_ASK_REQUEST = (
    "What would you like to ask them for? One clear, doable request they can say yes or no to."
)
FLOW_DRAFT = (
    "Here is a draft opening built from your words:\n\n"
    '"When {observation}, I felt {feeling}. I need {need}. '
    'Would you be willing to {request}?"\n\n'
    "Now try saying the first line in your own words, the way you would really say it, and "
    "I'll check its tone."
)
FLOW_TONE_OK = (
    "That opening sounds clear and gentle; it talks about you and what you need, without "
    "blame. Pick a calm moment to say it, and if either of you gets flooded, take a break "
    "of twenty minutes and come back."
)
FLOW_TONE_FIX = (
    "Nearly there. I noticed {found}: {why} A gentler version could be:\n\n{rewrite}\n\n"
    "Want to try your line once more?"
)
FLOW_TONE_FIX_NO_REWRITE = (
    "Nearly there. I noticed {found}: {why} Try starting with what you saw and what you felt, "
    "then what you need. Want to try once more?"
)
FLOW_TONE_GIVE_UP = (
    "It is hard to find the words when something matters this much. Use the draft above as a "
    "starting point; a gentle, imperfect start is better than a perfect one never said."
)
FLOW_STOPPED = "Of course, we can leave it there. What would you like to talk about instead?"

STOP_WORDS = ("stop", "cancel", "never mind", "nevermind", "forget it", "not now", "skip")

# Safety. The crisis and concern replies never suggest a joint exercise or
# talking it out with the partner, and never say the partner will be told.
CRISIS_SELF_HARM = (
    "I'm really glad you told me. What you're carrying sounds very heavy, and you deserve "
    "support from a person right now, not an app."
)
CRISIS_VIOLENCE = (
    "What you describe sounds dangerous, and your safety and everyone else's comes first."
)
CRISIS_NOW = "If you or anyone else is in danger right now, call {emergency}."
CRISIS_LINE = "You can reach {name} {how}. They are there for exactly this."
CRISIS_TRUSTED = (
    "If you can, let someone you trust know how things are for you today, and don't stay "
    "alone with this."
)
CRISIS_VIOLENCE_DISTANCE = (
    "If you are afraid of what might happen, put distance between you and the situation if you "
    "can, and go somewhere you feel safe."
)
CRISIS_FOOTER = "I'm here to keep talking, but I'm not a crisis service."

CONCERN_OPEN = (
    "Thank you for telling me. What you describe is not a communication problem to fix with "
    "an exercise, and it is not your fault. You deserve to feel safe and free in your "
    "relationship."
)
CONCERN_LINE = "{name} can talk with you confidentially {how}."
CONCERN_PLAN = "Something people find useful: {tip}"
CONCERN_PRIVATE = "Nothing you write here is shown to anyone else. You decide what happens next."

SAFETY_FOLLOW_UP = (
    "I'm still here with you. Your safety matters more than any exercise, so I'll keep the "
    "focus there."
)
SAFETY_FOLLOW_QUESTION = "Is there someone you trust you could reach today?"
SAFETY_REMIND = "{name}: {how}."

FALLBACK_HELP = (
    "If you are in danger, call your local emergency number (112 works in many countries, "
    "911 in North America). A local crisis line can also listen; your doctor can point you to "
    "one."
)
