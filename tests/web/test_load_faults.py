"""Faults against a real ``attune serve`` process: SIGKILL under load, partners at one instant.

The short version of ``benchmarks/bench_web_load.py`` (which runs 50 clients for
60 s and writes ``docs/benchmarks-web.md``): 20 clients post check-ins for 5 s,
the server is killed with SIGKILL half-way and started again, and afterwards
every check-in acknowledged with a 200 is in the database with the text its
client sent, nobody has two check-ins for one space and day, and the database
passes its integrity check. Then two partners post their check-ins at the same
instant, many times over: each sees the other's answer exactly once, and the
database holds exactly two check-ins for the day.

SQLite always; PostgreSQL too when ``ATTUNE_TEST_POSTGRES_URL`` is set (each test
makes a database of its own there and drops it).
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]


def _bench() -> Any:
    if "bench_web_load" in sys.modules:
        return sys.modules["bench_web_load"]
    spec = importlib.util.spec_from_file_location(
        "bench_web_load", REPO / "benchmarks" / "bench_web_load.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_web_load"] = module
    spec.loader.exec_module(module)
    return module


bench = _bench()
PG_URL = os.environ.get("ATTUNE_TEST_POSTGRES_URL")

BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=[
            pytest.mark.postgres,
            pytest.mark.skipif(not PG_URL, reason="ATTUNE_TEST_POSTGRES_URL is not set"),
        ],
    ),
]


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest) -> Iterator[str]:
    if request.param == "sqlite":
        yield ""
    else:
        assert PG_URL
        with bench.pg_database(PG_URL) as url:
            yield url


@pytest.mark.slow
def test_sigkill_under_load_loses_no_acknowledged_write(tmp_path: Path, database_url: str) -> None:
    store = bench.open_store(tmp_path, database_url)
    seeded = bench.seed(store, pairs=10, spaces_per_pair=300, prefix="k")
    server = bench.LiveServer(tmp_path, database_url=database_url)
    server.start()
    try:
        sessions = bench.sign_in(server.url, seeded.handles)
        result = bench.run_load(
            server.url, seeded, sessions, clients=20, seconds=5, kill_after=2.5, server=server
        )
        # The restarted server still knows the sessions and takes new writes.
        handle = seeded.handles[0]
        cookie, csrf = sessions[handle]
        with httpx.Client(base_url=server.url, cookies={"attune_session": cookie}) as client:
            late = client.post(
                f"/api/v1/relationships/{seeded.spaces[handle][-1]}/checkin",
                json={"mood": 5, "high": "after the restart"},
                headers={"X-CSRF-Token": csrf},
            )
    finally:
        server.stop()
    store.close()

    assert result.errors == {}, result.errors
    assert result.exhausted == 0, "the clients ran out of spaces: seed more"
    assert result.restarted_at is not None and result.downtime > 0
    killed_at = result.restarted_at - result.downtime
    assert sum(t < killed_at for t in result.ack_times) > 0, "nothing was written before the kill"
    assert late.status_code == 200, late.text
    result.acked[(handle, seeded.spaces[handle][-1])] = "after the restart"

    # Reopen the database from scratch, as after a crash, and compare.
    store = bench.open_store(tmp_path, database_url)
    verdict = bench.verify(store, seeded, result)
    store.close()
    assert verdict.lost == [], f"{len(verdict.lost)} acknowledged check-ins are gone"
    assert verdict.altered == [], f"{len(verdict.altered)} check-ins have other text"
    assert verdict.duplicates == 0
    assert verdict.integrity == "ok"
    # What is there is exactly what was acknowledged, plus at most the writes cut off by
    # the kill (those got no answer, so they may or may not have landed).
    assert len(result.acked) <= verdict.rows <= len(result.acked) + len(result.unacked)


OTHER = re.compile(r'<article class="checkin other" id="checkin-(\d+)"')
MINE = 'id="my-checkin"'


def _post_together(calls: list[Any]) -> list[Any]:
    """Run each call on its own thread, released at the same instant by a barrier."""
    barrier = threading.Barrier(len(calls))
    out: list[Any] = [None] * len(calls)

    def run(i: int) -> None:
        barrier.wait()
        try:
            out[i] = calls[i]()
        except Exception as e:  # handed back to the test thread
            out[i] = e

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for value in out:
        if isinstance(value, Exception):
            raise value
    return out


@pytest.mark.slow
def test_partners_checking_in_at_the_same_instant_each_see_the_reveal_once(
    tmp_path: Path, database_url: str
) -> None:
    from sqlalchemy import func, select

    from attune.domain import find_person
    from attune.store.models import CheckinRow

    rounds = 6
    store = bench.open_store(tmp_path, database_url)
    seeded = bench.seed(store, pairs=1, spaces_per_pair=2 * rounds, prefix="t")
    a, b = seeded.handles
    ids = {h: find_person(store, h).id for h in (a, b)}
    server = bench.LiveServer(tmp_path, database_url=database_url)
    server.start()
    try:
        sessions = bench.sign_in(server.url, [a, b])
        clients = {
            h: httpx.Client(
                base_url=server.url, cookies={"attune_session": sessions[h][0]}, timeout=30
            )
            for h in (a, b)
        }
        spaces = seeded.spaces[a]
        # Through the pages: the form posts, then the page it leads to.
        for rel in spaces[:rounds]:

            def form(h: str, rel: int = rel) -> httpx.Response:
                data = {"csrf_token": sessions[h][1], "rel": str(rel), "mood": "3", "high": h}
                r = clients[h].post("/today/checkin", data=data)
                assert r.status_code == 303, r.status_code
                return r

            # Post at the same instant; open the pages once both posts have been answered
            # (a page read while the partner's post is still in flight rightly shows "waiting").
            posted = _post_together([lambda: form(a), lambda: form(b)])
            pages = [
                clients[h].get(r.headers["location"]) for h, r in zip((a, b), posted, strict=True)
            ]
            for me, other, page in ((a, b, pages[0]), (b, a, pages[1])):
                assert page.status_code == 200
                assert page.text.count(MINE) == 1
                assert OTHER.findall(page.text) == [str(ids[other])], (me, rel)
                assert "hasn't checked in yet" not in page.text

        # Through the API: both responses come back; at least the later one carries the
        # reveal, none shows it twice, and a read afterwards shows it to both, once.
        for rel in spaces[rounds:]:

            def api(h: str, rel: int = rel) -> httpx.Response:
                return clients[h].post(
                    f"/api/v1/relationships/{rel}/checkin",
                    json={"mood": 4, "high": h},
                    headers={"X-CSRF-Token": sessions[h][1]},
                )

            answers = _post_together([lambda: api(a), lambda: api(b)])
            assert [r.status_code for r in answers] == [200, 200]
            shown = [[c["person_id"] for c in r.json()["day"]["revealed"]] for r in answers]
            assert shown[0] in ([], [ids[b]]) and shown[1] in ([], [ids[a]]), shown
            assert shown[0] or shown[1], "whoever committed second must see the first"
            for me, other in ((a, b), (b, a)):
                day = clients[me].get(f"/api/v1/relationships/{rel}/checkin").json()
                assert [c["person_id"] for c in day["revealed"]] == [ids[other]]
                assert day["mine"]["high"] == me and day["waiting_for"] == []
        for c in clients.values():
            c.close()
    finally:
        server.stop()
    with store.session() as s:
        counts = dict(
            s.execute(
                select(CheckinRow.relationship_id, func.count())
                .where(CheckinRow.relationship_id.in_(spaces))
                .group_by(CheckinRow.relationship_id)
            ).all()
        )
    store.close()
    assert counts == {rel: 2 for rel in spaces}
