"""The loader: one parse per process, even when a server's first requests race to it."""

from __future__ import annotations

import threading

from attune.content import loader


def test_concurrent_first_loads_parse_the_files_once(monkeypatch):
    calls = []
    real = loader.check_content

    def counting(root=None):
        calls.append(root)
        return real(root)

    monkeypatch.setattr(loader, "check_content", counting)
    loader._load_cached.cache_clear()
    results = []
    barrier = threading.Barrier(6)

    def first_request():
        barrier.wait()
        results.append(loader.load_content())

    threads = [threading.Thread(target=first_request) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    assert all(r is results[0] for r in results)
    loader._load_cached.cache_clear()
