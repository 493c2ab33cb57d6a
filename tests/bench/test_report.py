import datetime as dt
import json

from bench import report

WRK_BASELINE = {
    "requests": 20000,
    "duration_us": 10_000_000,
    "p50_us": 1500,
    "p95_us": 4000,
    "p99_us": 9000,
    "errors_connect": 0,
    "errors_read": 0,
    "errors_write": 0,
    "errors_status": 0,
    "errors_timeout": 0,
}


def results_with(home_requests, home_p95_us, errors_status=0):
    baseline = report.http_row("baseline", "anonymous", WRK_BASELINE, 2000.0)
    home = report.http_row(
        "home",
        "anonymous",
        {
            **WRK_BASELINE,
            "requests": home_requests,
            "p95_us": home_p95_us,
            "errors_status": errors_status,
        },
        2000.0,
    )
    return {"scale": "small", "http": [baseline, home]}


def test_it_turns_wrk_microseconds_into_rates_milliseconds_and_a_baseline_ratio():
    row = report.http_row("home", "anonymous", {**WRK_BASELINE, "requests": 12000}, 2000.0)

    assert row["rps"] == 1200.0
    assert row["p50_ms"] == 1.5
    assert row["p95_ms"] == 4.0
    assert row["p99_ms"] == 9.0
    assert row["ratio"] == 0.6
    assert row["errors"] == 0


def test_it_counts_every_kind_of_wrk_error():
    row = report.http_row(
        "home", "anonymous", {**WRK_BASELINE, "errors_status": 3, "errors_timeout": 2}, 2000.0
    )

    assert row["errors"] == 5


def test_it_reaches_the_page_goal_only_with_half_the_baseline_and_a_fast_p95():
    reached = report.goals(results_with(home_requests=12000, home_p95_us=50_000))
    too_slow = report.goals(results_with(home_requests=12000, home_p95_us=150_000))
    too_few = report.goals(results_with(home_requests=8000, home_p95_us=50_000))

    assert [v["reached"] for v in reached if v["goal"].startswith("home")] == [True]
    assert [v["reached"] for v in too_slow if v["goal"].startswith("home")] == [False]
    assert [v["reached"] for v in too_few if v["goal"].startswith("home")] == [False]


def test_it_fails_a_page_that_answered_with_errors():
    verdicts = report.goals(results_with(home_requests=12000, home_p95_us=50_000, errors_status=1))

    assert [v["reached"] for v in verdicts if v["goal"].startswith("home")] == [False]


def test_it_flags_pages_whose_query_count_grows_with_the_data():
    verdicts = report.goals(
        {
            "query_counts": {
                "anonymous:home": {"demo": 9, "scale": 9},
                "anonymous:city": {"demo": 12, "scale": 40},
            }
        }
    )

    assert verdicts == [
        {
            "goal": "queries per page equal at demo and scale size",
            "measured": "anonymous:city",
            "reached": False,
        }
    ]


def test_it_judges_the_largest_digest_run_on_time_memory_and_reruns():
    verdicts = report.goals(
        {
            "digests": [
                {"readers": 10000, "seconds": 20.0, "peak_rss_mb": 120.0, "rerun_new_messages": 0},
                {
                    "readers": 100000,
                    "seconds": 400.0,
                    "peak_rss_mb": 130.0,
                    "peak_tree_pss_mb": 260.0,
                    "rerun_new_messages": 0,
                },
            ]
        }
    )

    assert [(v["measured"], v["reached"]) for v in verdicts] == [
        ("400.0 s", False),
        ("130.0 MB", True),
        ("260.0 MB", False),
        ("0 new messages", True),
    ]


def test_it_leaves_out_the_worker_memory_line_for_results_measured_without_it():
    verdicts = report.goals({"digests": [{"readers": 100, "seconds": 2.0, "peak_rss_mb": 120.0}]})

    assert [v["goal"] for v in verdicts] == [
        "digest to 100 followers < 150 s",
        "peak worker RSS < 250 MB (busiest pool process)",
    ]


def test_it_prints_one_table_with_every_target_and_the_goals():
    results = results_with(home_requests=12000, home_p95_us=50_000)

    table = report.render(results)

    assert "baseline" in table
    assert "home" in table
    assert "0.60" in table
    assert "× baseline" in table
    assert "yes" in table


def test_it_writes_a_timestamped_file_and_latest_json(tmp_path):
    results = results_with(home_requests=12000, home_p95_us=50_000)

    path = report.write(results, tmp_path, now=dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC))

    assert path.name == "bench-20260302T093000Z.json"
    assert json.loads(path.read_text()) == json.loads((tmp_path / "latest.json").read_text())
    assert json.loads(path.read_text())["http"][1]["target"] == "home"


def _search_row(p95_ms):
    return {"n": 200, "p50_ms": 5.0, "p95_ms": p95_ms, "max_ms": 90.0}


def test_it_judges_and_prints_the_french_and_arabic_search_rows():
    search = {
        "resources": 200000,
        "queries": 200,
        "all_types": _search_row(45.0),
        "resources_only": _search_row(30.0),
        "resources_only_fr": _search_row(20.0),
        "resources_only_ar": _search_row(70.0),
        "gin_index_used": True,
    }

    verdicts = report.goals({"search": search})
    table = report.render({"scale": "full", "http": [], "search": search})

    assert [(v["goal"].split(" p95")[0], v["reached"]) for v in verdicts[:4]] == [
        ("search (all_types)", True),
        ("search (resources_only)", True),
        ("search (resources_only_fr)", True),
        ("search (resources_only_ar)", False),
    ]
    assert "resources_only_fr" in table
    assert "resources_only_ar" in table


def test_it_still_reads_a_search_result_without_the_language_rows():
    search = {
        "resources": 100,
        "all_types": _search_row(10.0),
        "resources_only": _search_row(10.0),
        "gin_index_used": True,
    }

    assert len(report.goals({"search": search})) == 3


def test_it_judges_all_types_and_resource_search_in_three_languages_by_their_own_goals():
    search = {
        "resources": 200000,
        "queries": 200,
        "all_types": _search_row(59.0),
        "all_types_fr": _search_row(55.0),
        "all_types_ar": _search_row(61.0),
        "resources_only": _search_row(36.0),
        "resources_only_fr": _search_row(34.0),
        "resources_only_ar": _search_row(20.0),
        "gin_index_used": True,
    }

    verdicts = report.goals({"search": search})
    table = report.render({"scale": "full", "http": [], "search": search})

    assert [(v["goal"].split(" over")[0], v["reached"]) for v in verdicts[:6]] == [
        ("search (all_types) p95 < 60 ms", True),
        ("search (all_types_fr) p95 < 60 ms", True),
        ("search (all_types_ar) p95 < 60 ms", False),
        ("search (resources_only) p95 < 35 ms", False),
        ("search (resources_only_fr) p95 < 35 ms", True),
        ("search (resources_only_ar) p95 < 35 ms", True),
    ]
    rows = [line.split()[0] for line in table.splitlines() if line.startswith(("all_", "resou"))]
    assert rows == [
        "all_types",
        "all_types_fr",
        "all_types_ar",
        "resources_only",
        "resources_only_fr",
        "resources_only_ar",
    ]


def test_it_states_how_fast_the_machine_ran_python_at_the_start_and_the_end():
    results = {**results_with(10000, 5000), "machine": {"python_loop_seconds": [0.52, 1.05]}}

    assert (
        "Machine: ten million Python additions in 0.52 s, then 1.05 s (at the start and at the end)"
        in report.render(results)
    )


def test_an_older_run_without_the_figure_still_renders():
    assert "Machine:" not in report.render(results_with(10000, 5000))
