"""What the coach knows about the person it talks to: only that person's own data.

Gathered through domain functions called with the actor's own id: their own
check-ins (never the partner's, revealed or not), their own assessment
results, their active programs and goals, and the kind of relationship they
are in. Nothing a partner wrote is read here, so nothing a partner wrote can
reach a reply or a language-model prompt.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from attune.errors import AttuneError
from attune.store import Store


@dataclass(frozen=True)
class ProgramNow:
    enrollment_id: int
    program_id: str
    title: str
    days_done: int
    task_title: str | None
    practice: str | None


@dataclass(frozen=True)
class PersonContext:
    """A small, private summary of the actor's own recent practice."""

    name: str = ""
    country: str = ""
    relationship_kind: str | None = None
    has_partner: bool = False
    recent_moods: tuple[int, ...] = ()
    recent_feelings: tuple[str, ...] = ()
    bands: dict[str, tuple[str, str, tuple[str, ...]]] = field(default_factory=dict)
    programs: tuple[ProgramNow, ...] = ()
    goals: tuple[str, ...] = ()

    @property
    def low_mood(self) -> bool:
        """Two or more recent check-ins averaging 'low' or below."""
        moods = self.recent_moods
        return len(moods) >= 2 and sum(moods) / len(moods) <= 2.2

    def suggested_by_results(self) -> dict[str, str]:
        """Practice id -> title of the assessment whose band suggested it."""
        out: dict[str, str] = {}
        for _aid, (title, _band, suggest) in self.bands.items():
            for item in suggest:
                out.setdefault(item, title)
        return out

    def summary_lines(self) -> list[str]:
        """Plain lines for a language-model prompt (the actor's own data only)."""
        lines: list[str] = []
        if self.relationship_kind:
            lines.append(f"Relationship kind: {self.relationship_kind}.")
        if self.recent_moods:
            avg = sum(self.recent_moods) / len(self.recent_moods)
            lines.append(
                f"Own check-ins in the last two weeks: {len(self.recent_moods)}, "
                f"average mood {avg:.1f} of 5."
            )
        if self.recent_feelings:
            lines.append("Feelings they named: " + ", ".join(self.recent_feelings) + ".")
        for title, band, _ in self.bands.values():
            lines.append(f"Latest result on '{title}': {band}.")
        for p in self.programs:
            task = f"; today: {p.task_title}" if p.task_title else ""
            lines.append(f"Doing the program '{p.title}', {p.days_done} days done{task}.")
        for g in self.goals:
            lines.append(f"Goal: {g}.")
        return lines


def gather(
    store: Store,
    actor: int,
    library: Any | None,
    *,
    today: date | None = None,
    with_goals: bool = False,
) -> PersonContext:
    """Collect the actor's own context; any part that fails is simply left out."""
    from attune import domain

    today = today or date.today()
    try:
        name, country, kind, has_partner = _person_and_space(store, actor)
    except AttuneError:
        return PersonContext()
    moods: tuple[int, ...] = ()
    feelings: tuple[str, ...] = ()
    try:
        mine = domain.my_checkins(store, actor, since=today - timedelta(days=14))
        moods = tuple(c.mood for c in mine)
        counts = Counter(f for c in mine for f in c.feelings)
        feelings = tuple(f for f, _ in counts.most_common(3))
    except AttuneError:
        pass
    bands: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    try:
        for result in domain.assessment_history(store, actor):
            title, band_label, suggest = result.assessment_id, "", ()
            if library is not None and result.assessment_id in library.assessments:
                a = library.assessments[result.assessment_id]
                title = a.title
                chosen = [b for b in a.bands if result.bands.get(b.dimension) == b.id]
                band_label = ", ".join(b.label for b in chosen)
                suggest = tuple(s for b in chosen for s in b.suggest)
            bands[result.assessment_id] = (title, band_label, suggest)  # newest wins
    except AttuneError:
        pass
    programs: list[ProgramNow] = []
    try:
        for e in domain.my_programs(store, actor):
            t = domain.program_today(store, actor, e.id, today=today)
            programs.append(
                ProgramNow(
                    e.id,
                    e.program_id,
                    e.title,
                    e.days_done,
                    t.task.title if t.task else None,
                    t.task.practice if t.task else None,
                )
            )
    except AttuneError:
        pass
    goals: tuple[str, ...] = ()
    if with_goals:
        with contextlib.suppress(AttuneError):
            goals = tuple(g.summary() for g in domain.list_goals(store, actor, today=today))
    return PersonContext(
        name=name,
        country=country,
        relationship_kind=kind,
        has_partner=has_partner,
        recent_moods=moods,
        recent_feelings=feelings,
        bands=bands,
        programs=tuple(programs),
        goals=goals,
    )


def _person_and_space(store: Store, actor: int) -> tuple[str, str, str | None, bool]:
    """Name, country, first relationship's kind and whether someone else is in it (one query)."""
    from attune.domain.access import active_member_ids, actor_relationship_ids, person_row
    from attune.store.models import RelationshipRow

    with store.session() as s:
        me = person_row(s, actor)
        kind: str | None = None
        has_partner = False
        for rid in sorted(actor_relationship_ids(s, actor))[:1]:
            rel = s.get(RelationshipRow, rid)
            if rel is not None:
                kind = rel.kind
                has_partner = any(pid != actor for pid in active_member_ids(s, rid))
        return me.display_name, me.country, kind, has_partner
