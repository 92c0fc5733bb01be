"""Round-trips on SQLite and PostgreSQL, and encryption at rest."""

from __future__ import annotations

import pytest

from attune.domain import (
    checkin_day,
    create_person,
    export_person,
    get_entry,
    submit_checkin,
    write_entry,
)
from attune.errors import StoreError
from attune.store import Store
from conftest import make_pair

MARKER = "PLANTED-MARKER-4471-QX"


def _round_trip(store: Store) -> None:
    p = make_pair(store)
    e = write_entry(store, p.alex, f"private {MARKER} ünïcödé ✨", title="title").entry
    submit_checkin(store, p.alex, p.rel, mood=5, feelings=["joyful"], need=f"need {MARKER}")
    submit_checkin(store, p.sam, p.rel, mood=3)
    assert get_entry(store, p.alex, e.id).body == f"private {MARKER} ünïcödé ✨"
    day = checkin_day(store, p.sam, p.rel)
    assert day.revealed[0].need == f"need {MARKER}"
    assert export_person(store, p.alex)["journal"][0]["title"] == "title"


def test_round_trip_sqlite_memory(store):
    _round_trip(store)


def test_round_trip_sqlite_file(store_path):
    _round_trip(store_path[0])


@pytest.mark.postgres
def test_round_trip_postgres(pg_store):
    _round_trip(pg_store)
    assert "people" in pg_store.tables()


@pytest.mark.postgres
def test_private_text_is_ciphertext_in_postgres(pg_store):
    from sqlalchemy import text

    p = make_pair(pg_store)
    write_entry(pg_store, p.alex, f"secret {MARKER}")
    with pg_store.engine.connect() as conn:
        rows = conn.execute(text("SELECT body_enc FROM journal_entries")).all()
    assert rows and all(MARKER.encode() not in bytes(r[0]) for r in rows)


def test_planted_marker_is_not_in_the_raw_database_file(store_path):
    store, path = store_path
    p = make_pair(store)
    write_entry(store, p.alex, f"journal {MARKER}")
    submit_checkin(store, p.alex, p.rel, mood=2, high=f"high {MARKER}", low=f"low {MARKER}")
    store.close()  # flush the WAL into the main file
    raw = b"".join(f.read_bytes() for f in path.parent.glob("attune.db*"))
    assert raw, "the database file should exist"
    assert MARKER.encode() not in raw
    assert MARKER.encode("utf-16-le") not in raw


def test_wrong_key_cannot_read_and_says_so(tmp_path):
    db = f"sqlite:///{tmp_path / 'a.db'}"
    s1 = Store.open(db, key_file=tmp_path / "k1")
    alex = create_person(s1, "alex", "Alex").id
    e = write_entry(s1, alex, "hello").entry
    s1.close()
    s2 = Store.open(db, key_file=tmp_path / "k2")
    with pytest.raises(StoreError, match="key file does not match"):
        get_entry(s2, alex, e.id)


def test_key_file_is_private(tmp_path):
    import os
    import stat

    Store.open(f"sqlite:///{tmp_path / 'a.db'}", key_file=tmp_path / "attune.key").close()
    mode = stat.S_IMODE(os.stat(tmp_path / "attune.key").st_mode)
    assert mode == 0o600


def test_integrity_check(store_path):
    assert store_path[0].integrity_check() == "ok"


def test_unreachable_database_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="Can't open the database"):
        Store.open("postgresql://nobody@127.0.0.1:1/none", key_file=tmp_path / "k")
