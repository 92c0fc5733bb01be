"""The question decks and assessments meet the SPEC: breadth, pacing, themes, honesty, bands."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

import pytest

from attune.content.loader import Library, check_content
from attune.content.schema import Assessment

DECKS = (
    "deck-everyday.v1",
    "deck-past.v1",
    "deck-dreams.v1",
    "deck-fears.v1",
    "deck-appreciation.v1",
    "deck-conflict.v1",
    "deck-money.v1",
    "deck-family.v1",
    "deck-intimacy.v1",
    "deck-technology.v1",
    "deck-culture.v1",
    "deck-long-distance.v1",
    "deck-closeness-sets.v1",
    "deck-friends-family.v1",
)
SPEC_THEMES = (
    "past",
    "dreams",
    "fears",
    "appreciation",
    "conflict",
    "money",
    "family",
    "intimacy",
    "technology",
    "culture",
    "long-distance",
)
ASSESSMENTS = {
    "connection-builder-or-breaker.v1": 10,
    "meta-communication-habits.v1": 5,
    "emotional-availability.v1": None,
    "attachment-style.v1": None,
    "appreciation-preferences.v1": None,
    "readiness-to-rebuild.v1": None,
    "dependency-interdependence.v1": None,
    "intimacy-layers.v1": None,
    "weekly-check-up.v1": None,
}


@pytest.fixture(scope="module")
def checked() -> tuple[Library, list[str]]:
    lib, problems = check_content()
    return lib, [str(p) for p in problems]


@pytest.fixture(scope="module")
def lib(checked: tuple[Library, list[str]]) -> Library:
    return checked[0]


def test_deck_and_assessment_files_validate(checked):
    _, problems = checked
    mine = [p for p in problems if "data/decks/" in p or "data/assessments/" in p]
    assert mine == []


def test_all_decks_present_with_enough_prompts(lib):
    assert set(DECKS) <= set(lib.decks)
    assert len(lib.prompts) >= 330
    for deck_id in DECKS:
        assert len(lib.decks[deck_id].prompts) >= 20, deck_id


def test_prompt_ids_are_unique_across_decks(lib):
    ids = [p.id for p in lib.prompts]
    repeated = [i for i, n in Counter(ids).items() if n > 1]
    assert repeated == []


def test_prompt_texts_are_not_repeated(lib):
    texts = Counter(p.text.strip().lower() for p in lib.prompts)
    assert [t for t, n in texts.items() if n > 1] == []


def test_depth_spread_favours_lighter_prompts(lib):
    depths = Counter(p.depth for p in lib.prompts)
    total = sum(depths.values())
    assert depths["core"] / total <= 0.35
    assert depths["surface"] / total >= 0.35
    assert depths["surface"] > depths["personal"] > depths["core"]


@pytest.mark.parametrize("kind", ["partner", "friend", "family", "team"])
def test_every_relationship_type_can_be_paced(lib, kind):
    # Question of the day offers only surface prompts in a space's first week, so every kind of
    # relationship needs plenty of them, and some deeper ones for later.
    mine = Counter(p.depth for p in lib.prompts if kind in p.relationship_types)
    assert mine["surface"] >= 60
    assert mine["personal"] >= 20
    assert mine["core"] >= 3


def test_every_spec_theme_is_covered(lib):
    themes = Counter(t for p in lib.prompts for t in p.themes)
    thin = {t: themes[t] for t in SPEC_THEMES if themes[t] < 15}
    assert thin == {}


def test_intimacy_prompts_are_partner_only(lib):
    intimate = [p for p in lib.prompts if "intimacy" in p.themes]
    intimate += lib.decks["deck-intimacy.v1"].prompts
    assert len(intimate) >= 20
    assert {tuple(p.relationship_types) for p in intimate} == {("partner",)}
    assert lib.decks["deck-intimacy.v1"].relationship_types == ["partner"]


def test_deck_relationship_types_cover_their_prompts(lib):
    for deck in lib.decks.values():
        used = {r for p in deck.prompts for r in p.relationship_types}
        assert used <= set(deck.relationship_types), deck.id


def test_closeness_sets_escalate_in_three_equal_sets(lib):
    prompts = lib.decks["deck-closeness-sets.v1"].prompts
    depths = [p.depth for p in prompts]
    size = len(prompts) // 3
    assert len(prompts) == 3 * size and size >= 10
    assert depths == ["surface"] * size + ["personal"] * size + ["core"] * size


def test_no_published_closeness_questions_are_copied(lib):
    # A few distinctive phrases from Aron's published set; our prompts are written afresh.
    published = ("dinner guest", "crystal ball", "perfect day", "most treasured memory",
                 "house, containing everything", "rehearse what you are going to say")  # fmt: skip
    texts = " ".join(p.text.lower() for p in lib.prompts)
    assert [phrase for phrase in published if phrase in texts] == []


# --------------------------------------------------------------------- assessments


def test_required_assessments_present(lib):
    assert set(ASSESSMENTS) <= set(lib.assessments)
    for aid, n_items in ASSESSMENTS.items():
        a = lib.assessments[aid]
        if n_items is not None:
            assert len(a.items) == n_items, aid
        assert a.duration_minutes <= 10, aid
        assert a.rests_on and a.purpose, aid


def test_attachment_and_layers_have_the_spec_dimensions(lib):
    att = lib.assessments["attachment-style.v1"]
    assert att.dimensions == ["anxiety", "avoidance"]
    assert att.method == "likert_mean"
    combos = {tuple(sorted(p.when.items())) for p in att.profiles}
    assert len(combos) == 4  # every low/high pairing has its profile
    assert {p.id for p in att.profiles} == {"secure", "anxious", "avoidant", "fearful"}
    assert "not a diagnosis" in (att.evidence_note or "")
    layers = lib.assessments["intimacy-layers.v1"]
    assert layers.dimensions == ["safety", "openness", "empathy", "shared_growth", "balance"]
    pref = lib.assessments["appreciation-preferences.v1"]
    assert pref.method == "forced_choice"
    assert pref.dimensions == ["words", "time", "gifts", "acts", "touch"]


def test_appreciation_pairs_cover_every_pair_once(lib):
    pref = lib.assessments["appreciation-preferences.v1"]
    pairs = [frozenset(c.dimension for c in (it.choices or [])) for it in pref.items]
    assert all(len(p) == 2 for p in pairs)
    assert len(set(pairs)) == len(pairs) == 10


def _score_range(a: Assessment, dim: str) -> tuple[float, float]:
    if a.method == "forced_choice":
        return 0, len(a.items)
    assert a.scale is not None
    if a.method == "likert_mean":
        return a.scale.min, a.scale.max
    n = sum(1 for it in a.items if it.dimension == dim)
    return n * a.scale.min, n * a.scale.max


@pytest.mark.parametrize("aid", list(ASSESSMENTS))
def test_bands_cover_each_dimension_without_gaps_or_overlaps(lib, aid):
    a = lib.assessments[aid]
    integer_scores = a.method != "likert_mean"
    for dim in a.dimensions:
        bands = sorted((b for b in a.bands if b.dimension == dim), key=lambda b: b.min)
        lo, hi = _score_range(a, dim)
        assert bands, f"{aid}: no bands for {dim}"
        assert bands[0].min == lo, f"{aid}/{dim} starts at {bands[0].min}, not {lo}"
        assert bands[-1].max == hi, f"{aid}/{dim} ends at {bands[-1].max}, not {hi}"
        assert all(b.min <= b.max for b in bands), f"{aid}/{dim}: a band runs backwards"
        for prev, nxt in pairwise(bands):
            allowed = {prev.max, prev.max + 1} if integer_scores else {prev.max}
            assert nxt.min in allowed, f"{aid}/{dim}: gap or overlap between {prev.id} and {nxt.id}"


@pytest.mark.parametrize("aid", list(ASSESSMENTS))
def test_every_band_suggests_a_practice_and_reads_kindly(lib, aid):
    a = lib.assessments[aid]
    harsh = ("bad", "fail", "wrong with you", "disorder", "toxic", "should be ashamed")
    for b in a.bands:
        assert b.suggest, f"{aid}: band {b.dimension}/{b.id} suggests nothing"
        assert not any(w in b.meaning.lower() for w in harsh), f"{aid}: {b.id}"
    for p in a.profiles:
        assert p.suggest, f"{aid}: profile {p.id} suggests nothing"


def test_likert_assessments_use_reverse_items(lib):
    for aid in ASSESSMENTS:
        a = lib.assessments[aid]
        if a.method != "forced_choice":
            assert any(it.reverse for it in a.items), aid
