"""What an applicant reads on the apply form and in the list, as a person would."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_empty_city_and_organization_choices_say_what_they_mean(cast):
    # The partner has no city: the choice left empty must read as a choice, not "---------".
    page = cast.client_for("partner").get(f"/opportunities/{cast.fellowship.slug}/apply/")

    html = page.content.decode()
    assert page.status_code == 200
    assert "---------" not in html
    assert re.search(r'<select name="city"[^>]*>\s*<option value=""[^>]*>No city</option>', html)
    assert re.search(
        r'<select name="organization"[^>]*>\s*<option value=""[^>]*>No organization</option>', html
    )


def test_the_list_separates_the_deadline_from_the_host(client, cast):
    html = client.get("/opportunities/").content.decode()

    # "Deadline: … 9 a.m. Host: NDRCC" ran together; a separator stands between them.
    assert re.search(r"</time></span>\s*<span aria-hidden=\"true\">·</span> <span>Host:", html)


def test_the_review_queue_labels_each_cell_for_the_phone_layout(cast):
    from tests.factories import ApplicationFactory

    ApplicationFactory(opportunity=cast.fellowship, applicant=cast.partner, city=cast.tripoli)

    html = cast.client_for("staff").get("/opportunities/applications/review/").content.decode()

    # On a phone the five columns become labelled lines instead of a table cut at the edge.
    assert 'class="data-table stacked-table application-review-table"' in html
    for label in ("Opportunity", "Applicant", "City", "Status", "Sent on"):
        assert f'<td data-label="{label}">' in html
