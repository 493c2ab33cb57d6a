"""Search never reveals what editors have not published yet."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import PublicationStatus
from tests.factories import EventFactory, ProjectFactory, ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("factory", [ProjectFactory, EventFactory, ResourceFactory])
def test_it_never_finds_drafts_or_scheduled_items(client, factory):
    factory(title="Embargoed typhoon plan", status=PublicationStatus.DRAFT, published_at=None)
    factory(
        title="Scheduled typhoon plan",
        published_at=timezone.now() + dt.timedelta(days=3),
    )
    factory(title="Public typhoon plan")

    response = client.get(reverse("portal:search"), {"q": "typhoon"})

    html = response.content.decode()
    assert "Public typhoon plan" in html
    assert "Embargoed typhoon plan" not in html
    assert "Scheduled typhoon plan" not in html
    assert response.context["outcome"].total == 1
