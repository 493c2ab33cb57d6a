"""The API's writes go through the same service: history recorded, duplicates refused."""

import pytest
from rest_framework.test import APIClient

from projects.models import CollaborationRequest

pytestmark = pytest.mark.django_db


def test_it_records_history_and_refuses_a_duplicate_through_the_api(cast):
    client = APIClient()
    client.force_authenticate(cast.partner)
    payload = {"kind": "technical_expertise", "project": "tripoli-shenzhen", "message": "Hello"}

    first = client.post("/api/v1/collaboration-requests/", payload, format="json")
    second = client.post("/api/v1/collaboration-requests/", payload, format="json")

    assert first.status_code == 201
    assert second.status_code == 400
    assert "already has an open request" in second.content.decode()
    request = CollaborationRequest.objects.get()
    assert list(request.status_changes.values_list("to_status", flat=True)) == ["submitted"]
