"""Load and validate the content library from YAML files.

>>> from attune.content import load_content
>>> lib = load_content()
>>> lib.get("three-level-conversation.v1").title  # doctest: +SKIP
'The three-level conversation'
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from attune.content.schema import (
    FOLDERS,
    MODELS,
    Assessment,
    Deck,
    Exercise,
    Feelings,
    Glossary,
    Program,
    Prompt,
    Resources,
    Ritual,
)
from attune.errors import ContentError, ContentNotFound

DATA_DIR = Path(__file__).parent / "data"
SINGLE_FILES = {
    "feelings.yaml": "feelings",
    "glossary.yaml": "glossary",
    "resources.yaml": "resources",
}

T = TypeVar("T", bound=BaseModel)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a content file: where, and how to fix it."""

    file: str
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.path}" if self.path else self.file
        return f"{where}: {self.message}"


@dataclass
class Library:
    """Every content item, by kind and id."""

    exercises: dict[str, Exercise] = field(default_factory=dict)
    decks: dict[str, Deck] = field(default_factory=dict)
    assessments: dict[str, Assessment] = field(default_factory=dict)
    programs: dict[str, Program] = field(default_factory=dict)
    rituals: dict[str, Ritual] = field(default_factory=dict)
    feelings: Feelings | None = None
    glossary: Glossary | None = None
    resources: Resources | None = None

    def by_kind(self, kind: str) -> dict[str, Any]:
        table: dict[str, dict[str, Any]] = {
            "exercise": self.exercises,
            "deck": self.decks,
            "assessment": self.assessments,
            "program": self.programs,
            "ritual": self.rituals,
        }
        if kind not in table:
            raise ContentNotFound(f"Unknown kind '{kind}'. Kinds: {', '.join(table)}.")
        return table[kind]

    def all_items(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for table in (self.exercises, self.decks, self.assessments, self.programs, self.rituals):
            out.update(table)
        return out

    @property
    def prompts(self) -> list[Prompt]:
        return [p for deck in self.decks.values() for p in deck.prompts]

    def prompt(self, prompt_id: str) -> Prompt:
        for p in self.prompts:
            if p.id == prompt_id:
                return p
        raise ContentNotFound(f"Can't find prompt '{prompt_id}'.")

    def get(self, item_id: str) -> Any:
        """Return the item with this id, or raise ``ContentNotFound`` naming near matches."""
        items = self.all_items()
        if item_id in items:
            return items[item_id]
        stem = item_id.split(".v")[0]
        near = sorted(i for i in items if i.startswith(stem) or stem in i)[:5]
        hint = f" Did you mean: {', '.join(near)}?" if near else ""
        raise ContentNotFound(
            f"Can't find '{item_id}'.{hint} Run 'attune content list' to see all."
        )

    def get_kind(self, kind: str, item_id: str, model: type[T]) -> T:
        table = self.by_kind(kind)
        if item_id in table:
            item = table[item_id]
            assert isinstance(item, model)
            return item
        available = ", ".join(sorted(table)[:8])
        raise ContentNotFound(
            f"Can't find {kind} '{item_id}'. Available: {available}. "
            f"Run 'attune content list {kind}' to see all."
        )

    def exercise(self, item_id: str) -> Exercise:
        return self.get_kind("exercise", item_id, Exercise)

    def assessment(self, item_id: str) -> Assessment:
        return self.get_kind("assessment", item_id, Assessment)

    def program(self, item_id: str) -> Program:
        return self.get_kind("program", item_id, Program)

    def ritual(self, item_id: str) -> Ritual:
        return self.get_kind("ritual", item_id, Ritual)

    def stats(self) -> dict[str, int]:
        return {
            "exercises": len(self.exercises),
            "prompts": len(self.prompts),
            "assessments": len(self.assessments),
            "programs": len(self.programs),
            "rituals": len(self.rituals),
        }


def _loc(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _fix_hint(err: dict[str, Any]) -> str:
    kind = err.get("type", "")
    if kind == "missing":
        return "add this field"
    if kind == "extra_forbidden":
        return "remove this field or check its spelling"
    if kind == "literal_error":
        return "use one of the allowed values"
    return "correct the value"


def _read_yaml(path: Path, root: Path, problems: list[Problem]) -> Any:
    rel = str(path.relative_to(root.parent) if root.parent in path.parents else path)
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        line = getattr(getattr(e, "problem_mark", None), "line", None)
        where = f"line {line + 1}" if line is not None else ""
        problems.append(Problem(rel, where, f"not valid YAML ({type(e).__name__}); fix the syntax"))
        return None


def _validate(path: Path, root: Path, kind: str, problems: list[Problem]) -> BaseModel | None:
    rel = str(path.relative_to(root.parent))
    raw = _read_yaml(path, root, problems)
    if raw is None:
        if not any(p.file == rel for p in problems):
            problems.append(Problem(rel, "", "the file is empty; write the item's fields"))
        return None
    if not isinstance(raw, dict):
        problems.append(Problem(rel, "", "expected a mapping of fields at the top level"))
        return None
    raw.setdefault("kind", kind)
    if raw["kind"] != kind:
        problems.append(Problem(rel, "kind", f"is '{raw['kind']}' but files here must be '{kind}'"))
        return None
    try:
        item = MODELS[kind].model_validate(raw)
    except PydanticValidationError as e:
        for err in e.errors():
            problems.append(
                Problem(
                    rel,
                    _loc(err["loc"]),
                    f"{err['msg']} (got {err.get('input')!r:.60}); {_fix_hint(dict(err))}",
                )
            )
        return None
    item_id = getattr(item, "id", None)
    if kind in FOLDERS.values() and item_id != path.stem:
        problems.append(
            Problem(rel, "id", f"id '{item_id}' must match the file name; rename to {item_id}.yaml")
        )
    return item


def check_content(root: Path | None = None) -> tuple[Library, list[Problem]]:
    """Validate every file under ``root`` and return the library and its problems."""
    root = root or DATA_DIR
    problems: list[Problem] = []
    lib = Library()
    if not root.is_dir():
        raise ContentError(f"Content folder {root} does not exist.")
    seen: dict[str, str] = {}
    for folder, kind in FOLDERS.items():
        for path in sorted((root / folder).glob("*.yaml")):
            item = _validate(path, root, kind, problems)
            if item is None:
                continue
            item_id = item.id  # type: ignore[attr-defined]
            rel = str(path.relative_to(root.parent))
            if item_id in seen:
                problems.append(Problem(rel, "id", f"'{item_id}' is also used by {seen[item_id]}"))
                continue
            seen[item_id] = rel
            lib.by_kind(kind)[item_id] = item
    for name, kind in SINGLE_FILES.items():
        path = root / name
        if not path.exists():
            problems.append(Problem(name, "", f"missing; the library needs a {kind} file"))
            continue
        item = _validate(path, root, kind, problems)
        setattr(lib, kind, item)
    problems.extend(_check_references(lib))
    return lib, problems


def _check_references(lib: Library) -> list[Problem]:
    problems: list[Problem] = []
    known = set(lib.all_items())
    prompt_ids: dict[str, str] = {}
    for deck in lib.decks.values():
        for p in deck.prompts:
            if p.id in prompt_ids:
                problems.append(
                    Problem(
                        f"data/decks/{deck.id}.yaml",
                        f"prompts.{p.id}",
                        f"prompt id also used in {prompt_ids[p.id]}; make it unique",
                    )
                )
            prompt_ids[p.id] = deck.id
    for a in lib.assessments.values():
        for b in a.bands:
            for ref in b.suggest:
                if ref not in known:
                    problems.append(
                        Problem(
                            f"data/assessments/{a.id}.yaml",
                            f"bands.{b.id}.suggest",
                            f"'{ref}' is not a known item id",
                        )
                    )
        for pr in a.profiles:
            for ref in pr.suggest:
                if ref not in known:
                    problems.append(
                        Problem(
                            f"data/assessments/{a.id}.yaml",
                            f"profiles.{pr.id}.suggest",
                            f"'{ref}' is not a known item id",
                        )
                    )
    for prog in lib.programs.values():
        for d in prog.days:
            if d.practice and d.practice not in known:
                problems.append(
                    Problem(
                        f"data/programs/{prog.id}.yaml",
                        f"days[{d.day - 1}].practice",
                        f"'{d.practice}' is not a known item id",
                    )
                )
    return problems


_LOAD_LOCK = threading.Lock()


def load_content(root: Path | None = None) -> Library:
    """Load the content library, raising ``ContentError`` listing every problem found.

    Loaded once per process; the lock keeps concurrent first requests of a web server
    from each parsing every file at the same time.
    """
    with _LOAD_LOCK:
        return _load_cached(root)


@functools.lru_cache(maxsize=4)
def _load_cached(root: Path | None) -> Library:
    lib, problems = check_content(root)
    if problems:
        listing = "\n".join(f"  - {p}" for p in problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise ContentError(
            f"The content library has {len(problems)} problem(s):\n{listing}{more}\n"
            "Run 'attune content check' for the full list."
        )
    return lib
