"""Tone check: paste a draft, see highlighted spans with reasons, emotions and a gentler rewrite."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from attune.analysis.types import Analysis, PatternHit
from attune.web.deps import check_csrf
from attune.web.render import page, require_person
from attune.web.safety import panel_for

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)

MAX_DRAFT = 5000


@dataclass(frozen=True)
class Segment:
    """A stretch of the draft and the patterns that cover it (none for plain text)."""

    text: str
    hits: tuple[PatternHit, ...]

    @property
    def harmful(self) -> bool:
        return any(h.harmful for h in self.hits)


def segments(text: str, hits: tuple[PatternHit, ...]) -> list[Segment]:
    """Cut ``text`` at every span edge so overlapping spans can be marked without nesting."""
    valid = [h for h in hits if 0 <= h.start < h.end <= len(text)]
    cuts = sorted({0, len(text), *(h.start for h in valid), *(h.end for h in valid)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = tuple(h for h in valid if h.start <= a and b <= h.end)
        out.append(Segment(text[a:b], covering))
    return out


def analyse(text: str) -> Analysis:
    from attune.analysis import analyze_one

    return analyze_one(text)


@router.get("/tone")
def tone_page(request: Request) -> Response:
    require_person(request)
    return page(request, "tone.html", title="Tone check", draft="", analysis=None)


@router.post("/tone")
def tone_check(request: Request, draft: str = Form("")) -> Response:
    me = require_person(request)
    draft = draft.strip()
    if not draft:
        return page(
            request,
            "tone.html",
            status_code=400,
            title="Tone check",
            draft="",
            analysis=None,
            error="Paste a message first, even a single line.",
        )
    if len(draft) > MAX_DRAFT:
        return page(
            request,
            "tone.html",
            status_code=400,
            title="Tone check",
            draft=draft[:MAX_DRAFT],
            analysis=None,
            error=f"That is {len(draft)} characters; keep a draft under {MAX_DRAFT}.",
        )
    analysis = analyse(draft)
    safety = panel_for(analysis.risk, me.country)
    return page(
        request,
        "tone.html",
        title="Tone check",
        draft=draft,
        analysis=analysis,
        segments=segments(draft, analysis.patterns),
        harmful=[p for p in analysis.patterns if p.harmful],
        positive=[p for p in analysis.patterns if not p.harmful],
        safety=safety,
    )
