"""The demo shows an end-of-course requirement on its illustrative series, none on the real ones."""

from io import StringIO

import pytest
from django.core.management import call_command

from events.models import TrainingSeries
from portal.demo import data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_it_gives_the_illustrative_series_a_requirement_and_leaves_the_real_ones_without(client):
    call_command("load_demo", stdout=StringIO())

    requirements = dict(TrainingSeries.objects.values_list("slug", "final_requirement"))
    html = client.get("/events/series/cities-clusters-learning-series-2027/").content.decode()

    assert requirements["cities-clusters-learning-series-2027"].startswith(
        "Submit a heat or flood action plan"
    )
    assert all(requirements[slug] == "" for slug in data.REAL_TRAINING_SERIES)
    assert "Submit a heat or flood action plan for your city" in html
