"""The PDF workers' schedule: the plan, which the build waits for last, is never kept waiting
behind the printouts, and the printouts' workers leave the processor to the site and the plan."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader

from bcp.pdf import BACKGROUND_NICENESS, LayoutJob, LayoutPool, PdfFile

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(),
                                reason="the pool forks its workers")


def document(name: str, paragraphs: int) -> LayoutJob:
    body = "".join(f"<p>ย่อหน้าที่ {n} ของ{name} มีข้อความภาษาไทยพอให้จัดหน้าได้หลายบรรทัด</p>" for n in range(paragraphs))
    return LayoutJob(name, f'<html lang="th"><head></head><body>{body}</body></html>', str(ROOT / "docs"),
                     (PdfFile(Path(f"{name}.pdf"), name),))


def test_the_plan_starts_at_once_on_its_own_worker_while_printouts_wait(tmp_path):
    pool = LayoutPool([ROOT / "docs"], None, processes=2)
    finished: list[str] = []
    lock = threading.Lock()

    def record(future):
        with lock:
            finished.append(future.result().name)

    try:
        # more printouts than workers: two run, the others wait in the pool
        printouts = [pool.submit(document(f"printout{n}", 600), tmp_path) for n in range(4)]
        plan = pool.submit(document("plan", 20), tmp_path, first=True)
        for future in [*printouts, plan]:
            future.add_done_callback(record)
        for future in [*printouts, plan]:
            future.result(timeout=120)
    finally:
        pool.close()
    # the plan did not wait for a printout's worker to be free: the short plan was done first
    assert finished[0] == "plan", finished
    assert all(len(PdfReader(tmp_path / f"{name}.pdf").pages) >= 1 for name in finished)


def test_the_printouts_workers_run_at_a_lower_priority_than_the_plans(tmp_path):
    pool = LayoutPool([ROOT / "docs"], None, processes=2)
    try:
        pool.submit(document("plan", 2), tmp_path, first=True).result(timeout=60)
        own = os.getpriority(os.PRIO_PROCESS, 0)
        background = [os.getpriority(os.PRIO_PROCESS, pid) for pid in pool.executor._processes]  # noqa: SLF001
        plans = [os.getpriority(os.PRIO_PROCESS, pid) for pid in pool.first_executor._processes]  # noqa: SLF001
    finally:
        pool.close()
    assert len(background) == 2 and set(background) == {min(own + BACKGROUND_NICENESS, 19)}
    assert plans == [own]
