"""What an applicant reads on the apply form and in the list, as a person would."""

import datetime as dt
import re

import pytest

from opportunities.models import ApplicationStatus
from tests.factories import ApplicationFactory

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
    ApplicationFactory(opportunity=cast.fellowship, applicant=cast.partner, city=cast.tripoli)

    html = cast.client_for("staff").get("/opportunities/applications/review/").content.decode()

    # On a phone the five columns become labelled lines instead of a table cut at the edge.
    assert 'class="data-table stacked-table application-review-table"' in html
    for label in ("Opportunity", "Applicant", "City", "Status", "Sent on"):
        assert f'<td data-label="{label}">' in html


@pytest.mark.parametrize(
    ("status", "sentence"),
    [
        (ApplicationStatus.ACCEPTED, "Nothing is left to review: the application was accepted."),
        (ApplicationStatus.DECLINED, "Nothing is left to review: the application was declined."),
        (
            ApplicationStatus.WITHDRAWN,
            "Nothing is left to review: the applicant withdrew the application.",
        ),
    ],
)
def test_a_closed_application_tells_the_reviewer_what_happened(cast, status, sentence):
    application = ApplicationFactory(opportunity=cast.fellowship, status=status)

    html = cast.client_for("staff").get(f"/opportunities/applications/{application.pk}/").text

    assert sentence in html
    assert "decided or withdrawn" not in html


def test_the_texts_people_write_read_in_their_own_direction(cast, client):
    # English on the Arabic interface keeps its full stop at the end of the sentence.
    cast.fellowship.summary = "Eight weeks with NDRCC."
    cast.fellowship.description = "Fellows spend eight weeks in Shenzhen."
    cast.fellowship.how_to_apply = "Apply through the portal."
    cast.fellowship.save()
    client.cookies["django_language"] = "ar"

    html = client.get(f"/opportunities/{cast.fellowship.slug}/").content.decode()

    assert '<h1 dir="auto">Disaster risk governance fellowship</h1>' in html
    assert '<p class="lead" dir="auto">Eight weeks with NDRCC.</p>' in html
    assert html.count('<div class="prose" dir="auto">') == 2
    listed = client.get("/opportunities/").content.decode()
    assert '<p dir="auto">Eight weeks with NDRCC.</p>' in listed


def test_a_deadline_reads_in_arabic_order_on_the_arabic_interface(cast, client, settings):
    # Django's Arabic locale has no date-and-time format: the deadline fell back to the English
    # order and commas ("مارس 31, 2027, 5 ص").
    settings.TIME_ZONE = "UTC"
    cast.fellowship.deadline = dt.datetime(2027, 3, 31, 17, 0, tzinfo=dt.UTC)
    cast.fellowship.save()

    english = client.get(f"/opportunities/{cast.fellowship.slug}/").content.decode()
    arabic = client.get(f"/ar/opportunities/{cast.fellowship.slug}/").content.decode()

    assert "March 31, 2027, 5 p.m." in english
    assert "31 مارس، 2027، 5 م" in arabic
    assert "مارس 31," not in arabic


def test_lists_on_an_opportunity_use_the_arabic_comma_on_the_arabic_interface(cast, client):
    cast.fellowship.eligible_regions = ["africa", "arab_states"]
    cast.fellowship.save()

    english = client.get(f"/opportunities/{cast.fellowship.slug}/").content.decode()
    page = client.get(f"/ar/opportunities/{cast.fellowship.slug}/").content.decode()
    listed = client.get("/ar/opportunities/").content.decode()

    assert "Africa, Arab States" in english
    assert "أفريقيا، الدول العربية" in page
    # The host organization and the host city.
    assert "<span>الجهة المضيفة: NDRCC، Shenzhen</span>" in listed
