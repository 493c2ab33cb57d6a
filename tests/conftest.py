"""Test set-up shared by every app.

Tests marked `postgres`, `redis` or `browser` need a real server or Chromium. Where one is not
configured they are deselected (not skipped) in a developer's run; in CI (`CI=true`) a missing
one fails the run, so a green CI always means those tests ran.
"""

import os
import shutil

import pytest
from django.conf import settings

from tests.db_sessions import other_sessions_end

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def _database_is_postgres() -> bool:
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def _missing_requirement(item) -> str | None:
    if item.get_closest_marker("postgres") and not _database_is_postgres():
        return "needs DATABASE_URL on PostgreSQL"
    if item.get_closest_marker("redis") and not settings.REDIS_URL:
        return "needs REDIS_URL"
    if item.get_closest_marker("browser") and not shutil.which(CHROMIUM):
        return f"needs Chromium at {CHROMIUM}"
    return None


MISSING_REQUIREMENT = pytest.StashKey[str]()


def _must_run_in_this_pass(item) -> bool:
    # In CI the SQLite pass legitimately leaves PostgreSQL/Redis tests to the second pass, which
    # sets REQUIRE_SERVICES=1; a browser test, or any service test in that pass, must run.
    if not IN_CI:
        return False
    return os.environ.get("REQUIRE_SERVICES") == "1" or bool(item.get_closest_marker("browser"))


def pytest_collection_modifyitems(config, items):
    selected, deselected, missing = [], [], set()
    for item in items:
        reason = _missing_requirement(item)
        if reason is None:
            selected.append(item)
        elif _must_run_in_this_pass(item):
            # Kept, to fail at set-up with the reason (pytest_runtest_setup below): a green CI
            # always means the test ran, and the failure names what was missing, with or
            # without pytest-xdist.
            item.stash[MISSING_REQUIREMENT] = reason
            selected.append(item)
        else:
            deselected.append(item)
            missing.add(reason)
    if not deselected:
        return
    config.hook.pytest_deselected(items=deselected)
    items[:] = selected
    config._cities_deselected_reasons = sorted(missing)
    if hasattr(config, "workeroutput"):
        # Under pytest-xdist the workers collect; they hand the reasons to the controlling
        # process, which writes the summary.
        config.workeroutput["cities_deselected_reasons"] = sorted(missing)


def pytest_runtest_setup(item):
    reason = item.stash.get(MISSING_REQUIREMENT, None)
    if reason:
        pytest.fail(f"CI must run every test, but this one {reason}", pytrace=False)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    reasons = getattr(node, "workeroutput", {}).get("cities_deselected_reasons", [])
    known = getattr(node.config, "_cities_deselected_reasons", [])
    node.config._cities_deselected_reasons = sorted(set(known) | set(reasons))


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    reasons = getattr(config, "_cities_deselected_reasons", None)
    if reasons:
        terminalreporter.write_line("deselected tests that " + "; ".join(reasons))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, with every other session on it ended before it is dropped.

    A process that a test started and killed (a Celery worker, a server) can leave a session that
    PostgreSQL has not yet seen end. The drop then failed ("is being accessed by other users"),
    the run ended with a warning, and the database stayed behind.
    """
    yield
    if _database_is_postgres():
        with django_db_blocker.unblock():
            other_sessions_end()


@pytest.fixture(autouse=True)
def _eager_celery(request):
    """Tasks run in-process, whatever REDIS_URL says; tests marked `redis` drive a real worker."""
    if request.node.get_closest_marker("redis"):
        yield
        return
    from config.celery import app as celery_app

    saved = celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    yield
    celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates = saved


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the database is rolled back after a test, the
    cache is not, and what one test kept (a page, the clusters partners reach) would describe rows
    the next test does not have."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _english_unless_a_test_says_otherwise():
    """Requests in another language leave it active in the thread; the next test must not inherit it."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _isolated_email_and_media(settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    # Real hashing costs ~0.2 s a user; tests create thousands of users and check no hash strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The test cast's superusers (admin_client, factories) predate two-factor authentication;
    # tests/security/test_superuser_mfa*.py turn the requirement back on and check it.
    settings.MFA_REQUIRED_FOR_SUPERUSERS = False


@pytest.fixture
def calls_to(monkeypatch):
    """`calls_to(owner, "name")` wraps `owner.name` for the test: every call still runs the
    original, and its (args, kwargs) are added to the list returned."""

    def spy(owner, name: str) -> list:
        calls = []
        original = getattr(owner, name)

        def recorded(*args, **kwargs):
            calls.append((args, kwargs))
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, recorded)
        return calls

    return spy
