"""Issue 19's goals in the bench report: signed-in pages and API lists against the baseline,
the anonymous cache miss in English, French and Arabic, and one signed-in page's CPU time."""

from bench import report
from tests.bench.test_report import WRK_BASELINE


def _row(name, who, requests, **extra):
    return report.http_row(name, who, {**WRK_BASELINE, "requests": requests, **extra}, 2000.0)


def _verdict(verdicts, start):
    return next(v for v in verdicts if v["goal"].startswith(start))


def test_a_signed_in_page_is_judged_against_35_percent_of_the_baseline_and_150_ms():
    baseline = _row("baseline", "signed_in", 10_000)
    fast = _row("cluster", "signed_in", baseline["requests"] // 2)  # half the baseline's rate
    slow = _row("me", "signed_in", baseline["requests"] // 10)

    verdicts = report.goals({"http": [fast, slow]})

    assert _verdict(verdicts, "cluster: signed in")["reached"] is (
        fast["p95_ms"] < 150 and fast["ratio"] >= 0.35
    )
    assert _verdict(verdicts, "me: signed in")["reached"] is False


def test_the_cache_miss_goal_takes_the_slowest_of_the_three_languages():
    row = _row(
        "city", "anonymous", 10_000, uncached_ms=12.0, uncached_fr_ms=15.5, uncached_ar_ms=41.0
    )

    verdict = _verdict(report.goals({"http": [row]}), "city: anonymous cache miss")

    assert verdict["measured"] == "12.0 ms / 15.5 ms / 41.0 ms"
    assert verdict["reached"] is False
    assert "12.0 / 15.5 / 41.0" in report.render({"http": [row]})


def test_the_cpu_goal_reads_the_signed_in_cluster_page():
    cpu = {"cluster": {"url": "/clusters/x/", "status": 200, "render": "shared", "cpu_ms": 4.2}}

    verdict = _verdict(report.goals({"cpu": cpu}), "signed-in cluster page")

    assert verdict["reached"] is True
    assert "4.2 ms (shared)" in verdict["measured"]
    assert "signed-in page (in-process)" in report.render({"cpu": cpu})
