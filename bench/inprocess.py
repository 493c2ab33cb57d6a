"""The parts of the benchmark that run inside Django: `python bench/inprocess.py <step> [args]`.

bench/run.py starts one process per step with DATABASE_URL pointing at the database the step is
about, and reads the JSON the step prints on its last line.
"""

import contextlib
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from portal.management.commands.generate_scale_data import (  # noqa: E402
    BENCH_USER_EMAIL,
    VOCABULARY,
)

# Pages whose query count must not grow with the data: the same demo objects in both databases.
DEMO_PAGES = {
    "home": "/",
    "cluster": "/clusters/disaster-risk-reduction/",
    "city": "/cities/tripoli-lebanon/",
    "pilot": "/projects/lebanon-disaster-risk-governance/",
    "events_filtered": "/events/?kind=webinar",
    "search": "/search/?q=flood",
    "api_resources_list": "/api/v1/resources/",
    "api_events_list": "/api/v1/events/",
    "api_projects_list": "/api/v1/projects/",
    "api_cities_list": "/api/v1/cities/",
    "api_project_detail": "/api/v1/projects/lebanon-disaster-risk-governance/",
    "api_resource_detail": "/api/v1/resources/unossc-director-visits-ndrcc-2023/",
    "api_city_matches": "/api/v1/cities/tripoli-lebanon/matches/",
}
# The pages again in French and Arabic: their counts must not grow with the data either.
LANGUAGE_PAGES = ("home", "cluster", "city", "pilot", "events_filtered", "search")
for _language in ("fr", "ar"):
    for _name in LANGUAGE_PAGES:
        DEMO_PAGES[f"{_name}_{_language}"] = f"/{_language}{DEMO_PAGES[_name]}"
# Signed in only: the reader's own page.
SIGNED_IN_PAGES = {"me": "/me/"}


def emit(result) -> None:
    print(json.dumps(result, default=str))


BENCH_STAFF_EMAIL = "bench-staff@example.org"
# The signed-in reader is a city official of this city (the scale data's first, else the demo's
# Tripoli): their city page shows "Propose an exchange" and "My portal" their city's suggestions.
BENCH_CITY_SLUGS = ("scale-city-000001", "tripoli-lebanon")


def bench_user():
    """The signed-in reader of the load test: a city official, set up the same way in the demo
    and the scale database so their query counts compare."""
    from django.contrib.auth.models import Group

    from accounts.models import User
    from cities.models import City
    from core.roles import CITY_OFFICIAL

    user, _created = User.objects.get_or_create(email=BENCH_USER_EMAIL, defaults={"name": "Bench"})
    city = City.objects.filter(slug__in=BENCH_CITY_SLUGS).order_by("slug").last()
    if city is not None and user.city_id != city.pk:
        user.city = city
        user.save(update_fields=["city"])
    user.groups.add(Group.objects.get_or_create(name=CITY_OFFICIAL)[0])
    return user


def bench_staff():
    """UN staff, for the editor's desk."""
    from django.contrib.auth.models import Group

    from accounts.models import User
    from core.roles import UN_STAFF

    user, _created = User.objects.get_or_create(
        email=BENCH_STAFF_EMAIL, defaults={"name": "Bench staff"}
    )
    user.groups.add(Group.objects.get_or_create(name=UN_STAFF)[0])
    return user


def step_querycounts(_args) -> dict:
    """Queries per page for an anonymous and a signed-in visitor, each on a cold cache."""
    user = bench_user()
    counts = {}
    for who in ("anonymous", "signed_in"):
        client = Client()
        if who == "signed_in":
            client.force_login(user)
        pages = {**DEMO_PAGES, **(SIGNED_IN_PAGES if who == "signed_in" else {})}
        for name, url in pages.items():
            cache.clear()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
            counts[f"{who}:{name}"] = {"status": response.status_code, "queries": len(queries)}
    return counts


def step_session(_args) -> dict:
    """Signed-in sessions for the load test (the city official, and staff for the editor's
    desk); gunicorn must share SECRET_KEY and the database."""
    from django.conf import settings

    cookies = {}
    for label, user in (("cookie", bench_user()), ("staff_cookie", bench_staff())):
        client = Client()
        client.force_login(user)
        value = client.cookies[settings.SESSION_COOKIE_NAME].value
        cookies[label] = f"{settings.SESSION_COOKIE_NAME}={value}"
    return cookies


CPU_PAGES = {
    "cluster": "/clusters/disaster-risk-reduction/",
    "home": "/",
    "city": "/cities/{city}/",
    "me": "/me/",
}


def step_cpu(_args) -> dict:
    """CPU time of the Django process for one signed-in page, under the production settings
    the load test uses (Redis cache and sessions): time.process_time() around 200 requests of
    the test client after 10 to warm up, so the database server's own CPU is not in it."""
    client = Client(headers={"accept-encoding": "gzip, deflate, br"})  # as a browser asks
    user = bench_user()
    client.force_login(user)
    results = {}
    for name, url in CPU_PAGES.items():
        url = url.format(city=user.city.slug if user.city_id else "tripoli-lebanon")
        for _ in range(10):
            response = client.get(url)
        count = 200
        started = time.process_time()
        for _ in range(count):
            response = client.get(url)
        results[name] = {
            "url": url,
            "status": response.status_code,
            "render": response.get("X-Page-Render", ""),
            "cpu_ms": round((time.process_time() - started) * 1000 / count, 2),
        }
    return results


def search_queries(count: int = 200, seed: int = 7) -> list[str]:
    """Varied queries in the site's websearch syntax: common and rare words, pairs, phrases, OR."""
    rng = random.Random(seed)  # noqa: S311 (repeatable, not secret)
    common, rare = VOCABULARY[:40], VOCABULARY[40:]
    shapes = [
        lambda: rng.choice(rare),
        lambda: rng.choice(common),
        lambda: f"{rng.choice(common)} {rng.choice(rare)}",
        lambda: f"{rng.choice(rare)} {rng.choice(rare)}",
        lambda: f'"{rng.choice(common)} {rng.choice(common)}"',
        lambda: f"{rng.choice(rare)} or {rng.choice(rare)}",
        lambda: f"{rng.choice(common)} -{rng.choice(rare)}",
        lambda: f"nosuchword{rng.randint(1, 999)}",
    ]
    return [shapes[i % len(shapes)]() for i in range(count)]


# Words a French or an Arabic reader types: the demo's translated content holds some of them, the
# generated resources (English) none, so these sets time what a query in another language costs:
# its parse with every language's configuration and the index lookups of each parse.
FRENCH_WORDS = [
    "inondation",
    "inondations",
    "santé",
    "sante",
    "risques",
    "catastrophe",
    "gouvernance",
    "villes",
    "formation",
    "alerte",
    "précoce",
    "séisme",
    "résilience",
    "coopération",
    "sud-sud",
    "urbanisme",
    "eau",
    "assainissement",
    "chaleur",
    "patrimoine",
    "Tripoli",
    "Shenzhen",
    "Liban",
    "Chine",
    "pilote",
    "évacuation",
    "secours",
    "épidémie",
    "climat",
    "littoral",
]
ARABIC_WORDS = [
    "طرابلس",
    "شنتشن",
    "لبنان",
    "الصين",
    "فيضانات",
    "فيضان",
    "الصحة",
    "مخاطر",
    "الكوارث",
    "حوكمة",
    "المدن",
    "تدريب",
    "الإنذار",
    "المبكر",
    "زلزال",
    "الصمود",
    "التعاون",
    "الجنوب",
    "المياه",
    "الحرارة",
    "التراث",
    "مشروع",
    "تجريبي",
    "الإخلاء",
    "الإغاثة",
    "الوباء",
    "المناخ",
    "الساحل",
    "التخطيط",
    "الحضري",
]


def language_queries(words: list[str], count: int, seed: int) -> list[str]:
    """Queries of one language's words in the shapes of search_queries, and a typo in one of
    eight (a letter doubled), which the search page then corrects from the names' dictionary."""
    rng = random.Random(seed)  # noqa: S311 (repeatable, not secret)

    def typo():
        word = rng.choice(words)
        at = rng.randrange(len(word))
        return word[: at + 1] + word[at:]

    shapes = [
        lambda: rng.choice(words),
        lambda: f"{rng.choice(words)} {rng.choice(words)}",
        lambda: f'"{rng.choice(words)} {rng.choice(words)}"',
        lambda: f"{rng.choice(words)} or {rng.choice(words)}",
        lambda: f"{rng.choice(words)} -{rng.choice(words)}",
        lambda: rng.choice(words),
        lambda: f"{rng.choice(words)} {rng.choice(words)}",
        typo,
    ]
    return [shapes[i % len(shapes)]() for i in range(count)]


def _percentiles(samples_ms: list[float]) -> dict:
    ordered = sorted(samples_ms)
    cuts = statistics.quantiles(ordered, n=100, method="inclusive")
    return {
        "n": len(ordered),
        "p50_ms": round(cuts[49], 2),
        "p95_ms": round(cuts[94], 2),
        "max_ms": round(ordered[-1], 2),
    }


WARM_UP_QUERIES = 50
WARM_UP_SEED = 8


def step_search(_args) -> dict:
    """Time the search service in-process: the whole search page's work (every type with its
    facets) and resources only, for English, French and Arabic queries."""
    from django.db.utils import OperationalError
    from django.utils import translation

    from portal.search import (
        SEARCH_TYPES_BY_KEY,
        SearchFilters,
        _matching,
        _prepared,
        search_forgiving,
        search_run,
    )
    from resources.models import Resource

    queries = search_queries(int(os.environ.get("BENCH_SEARCH_QUERIES", "200")))
    results = {"resources": Resource.objects.published().count(), "queries": len(queries)}
    # A query slower than this is cut off and counted at the cut-off: the step must end.
    timeout_ms = int(os.environ.get("BENCH_SEARCH_TIMEOUT_MS", "2000"))
    with connection.cursor() as cursor:
        cursor.execute(f"SET statement_timeout = {timeout_ms}")
    # A live server has searched before: other queries (another seed, so none of the timed ones
    # finds its rows cached) warm the index's upper pages and the process, as a first hour would.
    # Without it the first timed queries pay for whatever ran before the step (the generator, a
    # digest run) having pushed the search tables out of the cache.
    for query in search_queries(WARM_UP_QUERIES, seed=WARM_UP_SEED):
        with contextlib.suppress(OperationalError):
            search_run(query=query, filters=SearchFilters())
    french = language_queries(FRENCH_WORDS, len(queries), seed=11)
    arabic = language_queries(ARABIC_WORDS, len(queries), seed=13)

    def quarter(sample):
        # Every type with its facets is what /search/ does; a quarter of the queries is enough.
        return sample[: max(20, len(sample) // 4)]

    for label, language, filters, sample in (
        ("resources_only", "en", SearchFilters(type="resource"), queries),
        ("all_types", "en", SearchFilters(), quarter(queries)),
        # The French and Arabic pages: the same page's work, typo correction included.
        ("resources_only_fr", "fr", SearchFilters(type="resource"), french),
        ("resources_only_ar", "ar", SearchFilters(type="resource"), arabic),
        ("all_types_fr", "fr", SearchFilters(), quarter(french)),
        ("all_types_ar", "ar", SearchFilters(), quarter(arabic)),
    ):
        samples, timed_out = [], 0
        for query in sample:
            started = time.perf_counter()
            try:
                with translation.override(language):
                    outcome = search_forgiving(query=query, filters=filters)
                    # Render the results as the page would: force every lazy value.
                    for group in outcome.groups:
                        list(group.results)
            except OperationalError:
                timed_out += 1
            samples.append((time.perf_counter() - started) * 1000)
        results[label] = _percentiles(samples)
        results[label]["timed_out"] = timed_out
        results[label]["slowest_queries"] = [
            sample[i] for i in sorted(range(len(samples)), key=samples.__getitem__)[-3:]
        ]
    # The candidates search ranks: up to CANDIDATE_LIMIT + 1 matches, in no order, planned under
    # the search's own planner settings (portal.search._prepared), as the page runs it.
    with _prepared("flooding warning") as parsed:
        matched = _matching(SEARCH_TYPES_BY_KEY["resource"], parsed)
        plan = matched.order_by().values("pk")[:301].explain(analyze=True)
    results["explain_query"] = "flooding warning"
    results["explain"] = plan
    results["gin_index_used"] = "clusters_resource_search_document_idx" in plan
    return results


def step_digest_prepare(args) -> dict:
    """Make the first N generated readers the weekly-digest readers and forget earlier runs."""
    from accounts.models import User
    from notifications.models import Digest, DigestFrequency, Notification, OutboxEmail

    readers = int(args[0])
    Digest.objects.all().delete()
    OutboxEmail.objects.all().delete()
    Notification.objects.all().delete()
    # What the deletes left behind, as autovacuum would clear it on a live database. With
    # autovacuum off (as on this machine) every run left hundreds of thousands of dead rows of
    # ~3.5 kB, and each run was slower than the one before.
    with connection.cursor() as cursor:
        for model in (Digest, OutboxEmail, Notification):
            cursor.execute(f"VACUUM (ANALYZE) {connection.ops.quote_name(model._meta.db_table)}")
    generated = User.objects.filter(email__startswith="reader").order_by("pk")
    User.objects.update(digest_frequency=DigestFrequency.OFF)
    cutoff = generated.values_list("pk", flat=True)[readers - 1 : readers]
    if cutoff:
        generated.filter(pk__lte=cutoff[0]).update(digest_frequency=DigestFrequency.WEEKLY)
    from notifications.readers import digest_reader_count

    return {"readers": digest_reader_count(period="weekly")}


def step_digest_status(_args) -> dict:
    from django.db.models import Count

    from notifications.models import Digest, OutboxEmail

    states = dict(OutboxEmail.objects.values_list("state").annotate(n=Count("pk")))
    return {"digests": Digest.objects.count(), "outbox": states}


def step_digest_trigger(_args) -> dict:
    """Queue the weekly digest on the broker, exactly as celery beat does."""
    from notifications.tasks import send_digests

    result = send_digests.delay("weekly")
    return {"task_id": result.id}


STEPS = {
    "querycounts": step_querycounts,
    "session": step_session,
    "cpu": step_cpu,
    "search": step_search,
    "digest_prepare": step_digest_prepare,
    "digest_status": step_digest_status,
    "digest_trigger": step_digest_trigger,
}

if __name__ == "__main__":
    emit(STEPS[sys.argv[1]](sys.argv[2:]))
