"""The editor's two queues are told apart by name: resource proposals and collaboration requests.

Both were "Review queue", and only the proposals had a count, so staff read "(0 proposals)" as
nothing to do while collaboration requests waited."""

import pytest
from django.urls import reverse

from tests.factories import StaffUserFactory

pytestmark = pytest.mark.django_db


def test_the_desk_names_each_queue_and_links_both(client):
    client.force_login(StaffUserFactory())

    html = client.get(reverse("editor-desk")).content.decode()

    assert "Review queue" not in html
    assert f'href="{reverse("resources:review")}">Proposals from city officials (0)</a>' in html
    assert f'href="{reverse("collaboration:review")}">Collaboration requests to review</a>' in html


def test_the_queues_keep_their_names_in_arabic(client):
    client.force_login(StaffUserFactory())
    proposals, requests = reverse("resources:review"), reverse("collaboration:review")

    html = client.get("/ar" + reverse("editor-desk")).content.decode()

    assert "Review queue" not in html
    assert "Proposals from city officials" not in html
    # Both queues are still linked, under their Arabic names.
    assert f'href="/ar{proposals}"' in html
    assert f'href="/ar{requests}"' in html
