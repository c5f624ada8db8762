"""The Rust work runs without the GIL: two Python threads clean at the same time."""

from __future__ import annotations

import sys
import threading

import matn


def test_two_threads_clean_at_once(article_page):
    # A page large enough that one call lasts far longer than a thread's wake-up.
    html = article_page.read_bytes() * 60
    cleaner = matn.Cleaner(max_input_bytes=64 << 20)
    started = threading.Event()
    state = {"other_done": False, "results": []}

    def other() -> None:
        started.set()
        state["results"].append(cleaner.clean(html))
        state["other_done"] = True

    # With a switch interval of minutes, a thread gives the GIL away only when it releases it
    # itself: the main thread can run while `other` is in cleaner.clean only if matn releases
    # the GIL there.
    old = sys.getswitchinterval()
    sys.setswitchinterval(100.0)
    try:
        t = threading.Thread(target=other)
        t.start()
        started.wait()
        ran_while_other_cleaned = not state["other_done"]
        state["results"].append(cleaner.clean(html))
        t.join()
    finally:
        sys.setswitchinterval(old)
    assert ran_while_other_cleaned
    assert len(state["results"]) == 2 and state["results"][0] == state["results"][1]


def test_one_cleaner_shared_by_many_threads(article_page):
    html = article_page.read_bytes()
    cleaner = matn.Cleaner(url="https://www.sada-almadina.example/story/2024/3/15/x/1")
    expected = cleaner.extract(html)
    out: list[dict] = []

    def work() -> None:
        for _ in range(5):
            out.append(cleaner.extract(html))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(out) == 20 and all(a == expected for a in out)
