import datetime as dt

import pytest
from django.utils import timezone

from core.models import PublicationStatus
from resources.models import Resource
from tests.factories import ResourceFactory


@pytest.mark.django_db
def test_it_shows_only_resources_published_by_now():
    visible = ResourceFactory(title="Visible")
    ResourceFactory(title="Draft", status=PublicationStatus.DRAFT, published_at=None)
    ResourceFactory(title="Withdrawn", status=PublicationStatus.DRAFT, published_at=timezone.now())
    ResourceFactory(title="Scheduled", published_at=timezone.now() + dt.timedelta(hours=1))

    assert list(Resource.objects.published()) == [visible]


@pytest.mark.django_db
def test_it_lists_drafts_for_editors():
    draft = ResourceFactory(status=PublicationStatus.DRAFT, published_at=None)
    ResourceFactory()

    assert list(Resource.objects.drafts()) == [draft]
