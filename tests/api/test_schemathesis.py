"""Schemathesis generates requests from the API's own schema and checks every answer against it.

The schema is loaded from the running app (in-process WSGI); requests carry a UN staff token so
the write endpoints are exercised past their permission checks. Examples are derandomized, so a
run is repeatable and stays within CI's budget.
"""

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import CHECKS, load_all_checks

from config.wsgi import application
from tests.api.conftest import staff
from tests.factories import (
    CityFactory,
    EventFactory,
    NotificationFactory,
    OrganizationFactory,
    ProjectFactory,
    ResourceFactory,
    TrainingSeriesFactory,
)

load_all_checks()
ALL_CHECKS = [check for check in CHECKS.get_all() if callable(check)]


@pytest.fixture
def staff_user(db):
    user = staff()
    # A few rows so list endpoints return something to validate.
    ProjectFactory(slug="tripoli-shenzhen")
    CityFactory(slug="tripoli")
    OrganizationFactory(slug="undp")
    EventFactory(slug="dr-workshop")
    TrainingSeriesFactory(slug="online-series")
    ResourceFactory(slug="visit-news")
    NotificationFactory(recipient=user)
    return user


# A slug that is well-formed but names no row is refused with a 400 by design (filters and
# request bodies validate references); the schema cannot say which slugs exist, so a 400 counts
# as an acceptable answer to schema-valid data. Server errors are still failures.
CONFIG = schemathesis.Config.from_dict(
    {
        "seed": 20231018,
        # The coverage phase walks every boundary value of every parameter and takes minutes;
        # SCHEMATHESIS_COVERAGE=1 turns it on for a deeper run before a release.
        "phases": {"coverage": {"enabled": os.environ.get("SCHEMATHESIS_COVERAGE") == "1"}},
        "checks": {
            "positive_data_acceptance": {
                "expected-statuses": ["2xx", "400", "401", "403", "404", "409", "429"]
            }
        },
    }
)


@pytest.fixture
def api_schema(staff_user):
    # Requests run inside the test's transaction, as Django's own test client does: the
    # end-of-request hook must not close that connection (PostgreSQL would lose the test data).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/schema/", application, config=CONFIG)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=15,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_it_answers_every_generated_request_as_its_schema_says(case, staff_user):
    # Fetched for each case: a generated POST/DELETE on /me/token/ replaces or revokes it.
    token, _ = Token.objects.get_or_create(user=staff_user)
    # Schemathesis asks for gzip as `requests` does, but its WSGI transport hands the checks the
    # body undecoded; the answers' encoding is tested apart (tests/api/test_anonymous_read_cache.py).
    headers = {"Authorization": f"Token {token.key}", "Accept-Encoding": "identity"}
    case.call_and_validate(headers=headers, checks=ALL_CHECKS)
