import pytest

from tests.api.conftest import error_of
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def test_it_pages_lists_with_a_client_chosen_size(api):
    OrganizationFactory.create_batch(5)

    body = api.get("/api/v1/organizations/?page_size=2&page=2").json()

    assert body["count"] == 5
    assert len(body["results"]) == 2
    assert body["next"].endswith("page=3&page_size=2")


def test_it_caps_the_page_size_at_one_hundred(api):
    OrganizationFactory.create_batch(101)

    body = api.get("/api/v1/organizations/?page_size=5000").json()

    assert len(body["results"]) == 100


@pytest.mark.parametrize("page", ["99", "0", "last-but-one"])
def test_it_answers_a_page_that_does_not_exist_with_a_json_404(api, page):
    OrganizationFactory()

    response = api.get(f"/api/v1/organizations/?page={page}")

    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


@pytest.mark.parametrize("size", ["0", "-3", "many"])
def test_it_refuses_a_page_size_that_is_not_a_positive_number(api, size):
    response = api.get(f"/api/v1/organizations/?page_size={size}")

    assert response.status_code == 400
    assert "page_size" in error_of(response)["fields"]
