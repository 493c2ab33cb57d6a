"""Turn one benchmark run's results into the printed table, the goal verdicts and the JSON files."""

import datetime as dt
import json
from pathlib import Path

# The goals. Pages are judged anonymously: signed-in pages are reported beside them.
PAGE_MIN_RATIO = 0.50
PAGE_MAX_P95_MS = 100.0
API_LIST_MIN_RATIO = 0.40
# Search p95 at 200k resources, in English, French and Arabic: the all-types page with its facets,
# and resource search (the goals of the issue "Signed-in pages and API as fast as a cache hit...").
ALL_TYPES_MAX_P95_MS = 60.0
RESOURCE_SEARCH_MAX_P95_MS = 35.0
SEARCH_GOALS_MS = {
    "all_types": ALL_TYPES_MAX_P95_MS,
    "all_types_fr": ALL_TYPES_MAX_P95_MS,
    "all_types_ar": ALL_TYPES_MAX_P95_MS,
    "resources_only": RESOURCE_SEARCH_MAX_P95_MS,
    "resources_only_fr": RESOURCE_SEARCH_MAX_P95_MS,
    "resources_only_ar": RESOURCE_SEARCH_MAX_P95_MS,
}
SEARCH_LABELS = tuple(SEARCH_GOALS_MS)
DIGEST_MAX_SECONDS = 150.0  # issue 19: the 100k-follower weekly digest
DIGEST_MAX_RSS_MB = 250.0

PAGE_TARGETS = ("home", "cluster", "city", "pilot", "events_filtered", "search")
# Signed in (issue 19): the pages, the official's "My portal" and the editor's desk.
SIGNED_IN_PAGE_TARGETS = (*PAGE_TARGETS, "me", "editor_desk")
SIGNED_IN_PAGE_MIN_RATIO = 0.35
SIGNED_IN_PAGE_MAX_P95_MS = 150.0
SIGNED_IN_API_MIN_RATIO = 0.40
UNCACHED_MAX_MS = 40.0
CPU_MAX_MS = 10.0
API_LIST_TARGETS = ("api_resources_list", "api_events_list", "api_projects_list", "api_cities_list")


def http_row(name: str, who: str, stats: dict, baseline_rps: float | None) -> dict:
    """One load-test line from wrk's summary (microseconds) in the units the table shows."""
    seconds = stats["duration_us"] / 1_000_000 or 1
    rps = stats["requests"] / seconds
    errors = sum(stats[key] for key in stats if key.startswith("errors_"))
    return {
        "target": name,
        "who": who,
        "requests": stats["requests"],
        "rps": round(rps, 1),
        "p50_ms": round(stats["p50_us"] / 1000, 1),
        "p95_ms": round(stats["p95_us"] / 1000, 1),
        "p99_ms": round(stats["p99_us"] / 1000, 1),
        "errors": errors,
        "ratio": round(rps / baseline_rps, 2) if baseline_rps else None,
        "uncached_ms": stats.get("uncached_ms"),
        # The anonymous page's cache miss in French and Arabic too (pages only).
        **{
            key: stats[key]
            for key in ("uncached_fr_ms", "uncached_ar_ms")
            if stats.get(key) is not None
        },
    }


def miss_row(name: str, stats: dict) -> dict:
    """A page timed only on an anonymous cache miss, in English, French and Arabic."""
    return {
        "target": name,
        "status": stats["status"],
        **{key: stats[key] for key in ("uncached_ms", "uncached_fr_ms", "uncached_ar_ms")},
    }


def goals(results: dict) -> list[dict]:
    """Each goal with the measured figure and whether it was reached (None: not measured)."""
    verdicts = []
    rows = {(row["target"], row["who"]): row for row in results.get("http", [])}

    def add(goal, measured, reached):
        verdicts.append({"goal": goal, "measured": measured, "reached": reached})

    # The bare view's own p95 shows how much of a page's p95 is the machine's load, not the page.
    baseline_p95 = [
        row["p95_ms"]
        for (target, who), row in rows.items()
        if target.startswith("baseline") and who == "anonymous"
    ]
    baseline_note = f" (baseline's {max(baseline_p95)} ms)" if baseline_p95 else ""
    for target in PAGE_TARGETS:
        row = rows.get((target, "anonymous"))
        if row:
            uncached = row.get("uncached_ms")
            add(
                f"{target}: anonymous ≥ {PAGE_MIN_RATIO:.0%} of baseline, p95 < {PAGE_MAX_P95_MS:.0f} ms",
                f"{row['ratio']:.0%}, p95 {row['p95_ms']} ms{baseline_note}, "
                + (f"uncached {uncached} ms, " if uncached is not None else "")
                + f"{row['errors']} errors",
                row["ratio"] >= PAGE_MIN_RATIO
                and row["p95_ms"] < PAGE_MAX_P95_MS
                and not row["errors"],
            )
    for target in PAGE_TARGETS:
        row = rows.get((target, "anonymous"))
        if row and row.get("uncached_ms") is not None:
            figures = {
                language: row.get(key)
                for language, key in (
                    ("en", "uncached_ms"),
                    ("fr", "uncached_fr_ms"),
                    ("ar", "uncached_ar_ms"),
                )
                if row.get(key) is not None
            }
            add(
                f"{target}: anonymous cache miss < {UNCACHED_MAX_MS:.0f} ms " + "/".join(figures),
                " / ".join(f"{ms} ms" for ms in figures.values()),
                max(figures.values()) < UNCACHED_MAX_MS,
            )
    for row in results.get("misses", []):
        figures = [row["uncached_ms"], row["uncached_fr_ms"], row["uncached_ar_ms"]]
        add(
            f"{row['target']}: anonymous cache miss < {UNCACHED_MAX_MS:.0f} ms en/fr/ar",
            " / ".join(f"{ms} ms" for ms in figures) + f", status {row['status']}",
            max(figures) < UNCACHED_MAX_MS and row["status"] == 200,
        )
    for target in SIGNED_IN_PAGE_TARGETS:
        row = rows.get((target, "signed_in"))
        if row:
            add(
                f"{target}: signed in ≥ {SIGNED_IN_PAGE_MIN_RATIO:.0%} of baseline, "
                f"p95 < {SIGNED_IN_PAGE_MAX_P95_MS:.0f} ms",
                f"{row['ratio']:.0%}, p95 {row['p95_ms']} ms, {row['errors']} errors",
                row["ratio"] >= SIGNED_IN_PAGE_MIN_RATIO
                and row["p95_ms"] < SIGNED_IN_PAGE_MAX_P95_MS
                and not row["errors"],
            )
    for target in API_LIST_TARGETS:
        row = rows.get((target, "signed_in"))
        if row:
            add(
                f"{target}: signed in ≥ {SIGNED_IN_API_MIN_RATIO:.0%} of baseline",
                f"{row['ratio']:.0%}, {row['errors']} errors",
                row["ratio"] >= SIGNED_IN_API_MIN_RATIO and not row["errors"],
            )
    cpu = results.get("cpu")
    if cpu and "cluster" in cpu:
        add(
            f"signed-in cluster page < {CPU_MAX_MS:.0f} ms of CPU (Django process)",
            f"{cpu['cluster']['cpu_ms']} ms ({cpu['cluster']['render']})",
            cpu["cluster"]["cpu_ms"] < CPU_MAX_MS,
        )
    for target in API_LIST_TARGETS:
        row = rows.get((target, "anonymous"))
        if row:
            add(
                f"{target}: anonymous ≥ {API_LIST_MIN_RATIO:.0%} of baseline",
                f"{row['ratio']:.0%}, {row['errors']} errors",
                row["ratio"] >= API_LIST_MIN_RATIO and not row["errors"],
            )
    search = results.get("search")
    if search:
        for label, limit in SEARCH_GOALS_MS.items():
            if label not in search:  # a run from before the French and Arabic rows
                continue
            add(
                f"search ({label}) p95 < {limit:.0f} ms over {search['resources']} resources",
                f"{search[label]['p95_ms']} ms",
                search[label]["p95_ms"] < limit,
            )
        add("search uses the GIN index", str(search["gin_index_used"]), search["gin_index_used"])
    digests = results.get("digests", [])
    if digests:
        largest = max(digests, key=lambda run: run["readers"])
        add(
            f"digest to {largest['readers']} followers < {DIGEST_MAX_SECONDS:.0f} s",
            f"{largest['seconds']} s",
            largest["seconds"] is not None and largest["seconds"] < DIGEST_MAX_SECONDS,
        )
        add(
            f"peak worker RSS < {DIGEST_MAX_RSS_MB:.0f} MB (busiest pool process)",
            f"{largest['peak_rss_mb']} MB",
            largest["peak_rss_mb"] < DIGEST_MAX_RSS_MB,
        )
        # Older results have no PSS: the line is left out rather than judged on a guess.
        if largest.get("peak_tree_pss_mb") is not None:
            add(
                f"peak worker memory < {DIGEST_MAX_RSS_MB:.0f} MB (all its processes, PSS)",
                f"{largest['peak_tree_pss_mb']} MB",
                largest["peak_tree_pss_mb"] < DIGEST_MAX_RSS_MB,
            )
        rerun = largest.get("rerun_new_messages")
        if rerun is not None:
            add("rerun sends nothing new", f"{rerun} new messages", rerun == 0)
    counts = results.get("query_counts")
    if counts:
        differing = [
            name
            for name, pair in counts.items()
            if pair.get("demo") is not None and pair["demo"] != pair.get("scale")
        ]
        add(
            "queries per page equal at demo and scale size",
            ", ".join(differing) or "all equal",
            not differing,
        )
    return verdicts


def _table(headers: list[str], lines: list[list]) -> str:
    cells = [headers, *[["" if value is None else str(value) for value in line] for line in lines]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    out = []
    for index, row in enumerate(cells):
        out.append("  ".join(value.ljust(widths[i]) for i, value in enumerate(row)).rstrip())
        if index == 0:
            out.append("  ".join("-" * width for width in widths))
    return "\n".join(out)


def _uncached_cell(row: dict):
    figures = [row.get(key) for key in ("uncached_ms", "uncached_fr_ms", "uncached_ar_ms")]
    shown = [str(value) for value in figures if value is not None]
    return " / ".join(shown) or None


def render(results: dict) -> str:
    """The one table `make bench` prints, with the smaller sections under it."""
    parts = [f"Benchmark {results.get('scale', '')} at {results.get('started_at', '')}"]
    speed = results.get("machine", {}).get("python_loop_seconds")
    if speed:
        # Milliseconds move with the machine, and a shared machine's speed moves during a run:
        # two samples, to read the absolute figures against (between them it may differ again).
        parts.append(
            "Machine: ten million Python additions in "
            + " s, then ".join(f"{seconds:.2f}" for seconds in speed)
            + " s (at the start and at the end)"
        )
    if results.get("http"):
        parts.append(
            _table(
                [
                    "target",
                    "who",
                    "req/s",
                    "p50 ms",
                    "p95 ms",
                    "p99 ms",
                    "errors",
                    "× baseline",
                    "uncached ms (en / fr / ar)",
                ],
                [
                    [
                        row["target"],
                        row["who"],
                        row["rps"],
                        row["p50_ms"],
                        row["p95_ms"],
                        row["p99_ms"],
                        row["errors"],
                        f"{row['ratio']:.2f}" if row["ratio"] is not None else None,
                        _uncached_cell(row),
                    ]
                    for row in results["http"]
                ],
            )
        )
    if results.get("misses"):
        parts.append(
            _table(
                ["other page (anonymous)", "status", "uncached ms (en / fr / ar)"],
                [[row["target"], row["status"], _uncached_cell(row)] for row in results["misses"]],
            )
        )
    if results.get("cpu"):
        parts.append(
            _table(
                ["signed-in page (in-process)", "CPU ms", "render", "status"],
                [
                    [name, row["cpu_ms"], row["render"], row["status"]]
                    for name, row in results["cpu"].items()
                ],
            )
        )
    if results.get("search"):
        search = results["search"]
        parts.append(
            _table(
                ["search (in-process)", "queries", "p50 ms", "p95 ms", "max ms"],
                [
                    [
                        label,
                        search[label]["n"],
                        search[label]["p50_ms"],
                        search[label]["p95_ms"],
                        search[label]["max_ms"],
                    ]
                    for label in SEARCH_LABELS
                    if label in search
                ],
            )
        )
    if results.get("digests"):
        parts.append(
            _table(
                [
                    "weekly digest",
                    "followers",
                    "emails",
                    "seconds",
                    "peak RSS MB (pool)",
                    "peak RSS MB (tree)",
                    "peak PSS MB (tree)",
                    "rerun: new emails",
                ],
                [
                    [
                        "celery, 1 worker",
                        run["readers"],
                        run["messages"],
                        run["seconds"],
                        run["peak_rss_mb"],
                        run["peak_tree_rss_mb"],
                        run.get("peak_tree_pss_mb"),
                        run.get("rerun_new_messages"),
                    ]
                    for run in results["digests"]
                ],
            )
        )
    if results.get("query_counts"):
        parts.append(
            _table(
                ["queries per page", "demo size", "scale size"],
                [
                    [name, pair.get("demo"), pair.get("scale")]
                    for name, pair in results["query_counts"].items()
                ],
            )
        )
    verdicts = results.get("goals") or goals(results)
    if verdicts:
        parts.append(
            _table(
                ["goal", "measured", "reached"],
                [
                    [v["goal"], v["measured"], {True: "yes", False: "NO", None: "?"}[v["reached"]]]
                    for v in verdicts
                ],
            )
        )
    return "\n\n".join(parts) + "\n"


def write(results: dict, directory: Path, now: dt.datetime | None = None) -> Path:
    """Write the run as var/bench/bench-<timestamp>.json and as latest.json beside it."""
    now = now or dt.datetime.now(dt.UTC)
    directory.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(results, indent=2, default=str, ensure_ascii=False)
    path = directory / f"bench-{now.strftime('%Y%m%dT%H%M%SZ')}.json"
    path.write_text(payload, encoding="utf-8")
    (directory / "latest.json").write_text(payload, encoding="utf-8")
    return path
