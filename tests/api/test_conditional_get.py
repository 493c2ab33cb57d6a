"""Lists and details carry an ETag; asking again with it returns 304 until the data changes."""

import pytest

from tests.factories import ProjectCityFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/api/v1/projects/", "/api/v1/projects/pilot/", "/api/v1/map/"])
def test_it_answers_304_to_a_matching_etag_and_200_after_a_change(api, path):
    project = ProjectFactory(slug="pilot", title="First title")
    ProjectCityFactory.create_batch(2, project=project)  # so the map draws the pilot too

    first = api.get(path)
    etag = first["ETag"]
    unchanged = api.get(path, HTTP_IF_NONE_MATCH=etag)
    project.title = "Second title"
    project.save()
    changed = api.get(path, HTTP_IF_NONE_MATCH=etag)

    assert first.status_code == 200
    assert etag
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    assert changed.status_code == 200
    assert changed["ETag"] != etag
