"""Applying through the portal: the form, the deadline, one application per person, the
document, the workflow and who is told."""

import datetime as dt
import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from cities.models import Region
from notifications.models import Notification
from opportunities import services
from opportunities.models import Application, ApplicationStatus
from opportunities.selectors import opportunity_applications_for_user
from tests.factories import ApplicationFactory
from tests.form_data import form_data

from .conftest import PDF

pytestmark = pytest.mark.django_db
APPLY = "/opportunities/drr-fellowship/apply/"


def pdf(name="cv.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def docx(name="letter.docx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return SimpleUploadedFile(name, buffer.getvalue())


def apply(client, **fields):
    data = {"motivation": "Tripoli needs early warning.", "city": "", "organization": ""}
    data.update(fields)
    return client.post(APPLY, data)


def test_an_official_applies_with_a_document_and_sees_the_status(cast):
    client = cast.client_for("official")
    form = client.get(APPLY).content.decode()
    # Their city is chosen for them.
    assert f'<option value="{cast.tripoli.pk}" selected' in form

    response = apply(client, city=cast.tripoli.pk, document=pdf())

    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/opportunities/applications/{application.pk}/"
    assert application.applicant == cast.official
    assert application.city == cast.tripoli
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.document_name == "cv.pdf"
    assert application.document.name.startswith(f"opportunities/{cast.fellowship.pk}/")
    mine = client.get("/opportunities/applications/").content.decode()
    assert "Disaster risk governance fellowship" in mine
    assert "Submitted" in mine
    assert list(opportunity_applications_for_user(cast.official)) == [application]


def test_staff_are_told_of_a_new_application(cast):
    apply(cast.client_for("official"), city=cast.tripoli.pk)

    told = Notification.objects.get(verb="opportunity_application_new")
    assert told.recipient == cast.staff
    assert told.title == "Disaster risk governance fellowship"
    assert told.url == f"/opportunities/applications/{Application.objects.get().pk}/"


def test_a_second_application_is_refused_with_a_clear_message(cast):
    client = cast.client_for("official")
    apply(client, city=cast.tripoli.pk)

    response = apply(client, city=cast.tripoli.pk, motivation="Again")
    followed = client.get(response["Location"]).content.decode()

    assert Application.objects.count() == 1
    assert "You have already applied to this opportunity" in followed
    with pytest.raises(services.AlreadyApplied):
        services.application_submit(
            applicant=cast.official, opportunity=cast.fellowship, motivation="Again"
        )


def test_after_the_deadline_an_application_is_refused_with_a_clear_message(cast):
    client = cast.client_for("official")

    response = client.post(
        "/opportunities/early-warning-exchange/apply/", {"motivation": "Late", "city": ""}
    )
    page = client.get(response["Location"]).content.decode()

    assert not Application.objects.exists()
    assert "closed on" in page and "no longer takes any" in page


def test_the_deadline_passing_while_the_form_is_open_refuses_the_submission(cast):
    client = cast.client_for("official")
    client.get(APPLY)
    cast.fellowship.deadline = timezone.now() - dt.timedelta(seconds=1)
    cast.fellowship.save()

    apply(client, city=cast.tripoli.pk)

    assert not Application.objects.exists()


def test_a_city_outside_the_eligible_regions_is_refused(cast):
    cast.fellowship.eligible_regions = [Region.AFRICA]
    cast.fellowship.save()

    response = apply(cast.client_for("official"), city=cast.tripoli.pk)

    assert response.status_code == 400
    assert response.context["form"].errors["city"] == [
        "This opportunity is open to cities of Africa only; choose one of them."
    ]
    assert not Application.objects.exists()


def test_the_service_refuses_a_city_outside_the_eligible_regions_whoever_calls_it(cast):
    cast.fellowship.eligible_regions = [Region.AFRICA]
    cast.fellowship.save()

    with pytest.raises(services.ApplicationError, match="not open to cities of Lebanon"):
        services.application_submit(
            applicant=cast.official, opportunity=cast.fellowship, motivation="M", city=cast.tripoli
        )
    assert not Application.objects.exists()


def test_an_eligible_country_admits_its_cities(cast):
    cast.fellowship.eligible_countries = ["LB"]
    cast.fellowship.save()

    apply(cast.client_for("official"), city=cast.tripoli.pk)

    assert Application.objects.count() == 1


def test_a_restricted_opportunity_asks_for_the_city(cast):
    cast.fellowship.eligible_countries = ["LB"]
    cast.fellowship.save()

    response = apply(cast.client_for("partner"))

    assert response.status_code == 400
    assert response.context["form"].errors["city"] == [
        "Name your city: this opportunity is open to cities of Lebanon only."
    ]


def test_a_restricted_opportunitys_form_offers_only_the_cities_that_may_apply(cast):
    cast.fellowship.eligible_regions = [Region.ASIA_PACIFIC]
    cast.fellowship.save()

    page = cast.client_for("official").get(APPLY).content.decode()

    city_field = page[
        page.index('name="city"') : page.index("</select>", page.index('name="city"'))
    ]
    assert "Shenzhen" in city_field
    assert "Choose your city" in city_field
    assert "No city" not in city_field
    # The official's own city (Tripoli) is not eligible, so nothing is chosen for them.
    assert "Tripoli" not in city_field
    assert "This opportunity is open to cities of Asia and the Pacific." in page
    label = page[page.index('for="id_city"') : page.index("</label>", page.index('for="id_city"'))]
    assert "(optional)" not in label


def test_an_application_keeps_its_city_when_the_eligible_places_change_later(cast):
    client = cast.client_for("official")
    apply(client, city=cast.tripoli.pk)
    cast.fellowship.eligible_countries = ["CN"]
    cast.fellowship.save()
    url = f"/opportunities/applications/{Application.objects.get().pk}/edit/"

    page = client.get(url).content.decode()

    # Saved unchanged, the form must not lose the city the application was sent with.
    assert f'<option value="{cast.tripoli.pk}" selected' in page
    assert "Shenzhen" in page


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            lambda: SimpleUploadedFile("cv.exe", b"MZ..."),
            "Upload a PDF or a Word (.docx) document.",
        ),
        (lambda: SimpleUploadedFile("cv.pdf", b"not a pdf"), "is not a .pdf document"),
        (
            lambda: SimpleUploadedFile("sheet.xlsx", b"PK"),
            "Upload a PDF or a Word (.docx) document.",
        ),
    ],
)
def test_a_document_that_is_not_a_pdf_or_docx_is_refused_next_to_the_field(cast, upload, message):
    response = apply(cast.client_for("official"), city=cast.tripoli.pk, document=upload())

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Application.objects.exists()


def test_a_document_over_the_limit_is_refused(cast, settings):
    settings.OPPORTUNITY_DOCUMENT_MAX_MB = 1
    big = pdf(content=PDF + b"0" * (1024 * 1024))

    response = apply(cast.client_for("official"), city=cast.tripoli.pk, document=big)

    assert response.status_code == 400
    assert "the largest accepted is 1.0" in response.content.decode()


def test_a_docx_is_accepted(cast):
    apply(cast.client_for("official"), city=cast.tripoli.pk, document=docx())

    assert Application.objects.get().document.name.endswith(".docx")


def test_an_empty_motivation_is_an_error_not_a_500(cast):
    response = apply(cast.client_for("official"), motivation="")

    assert response.status_code == 400
    assert "This field is required" in response.content.decode()


def test_the_workflow_tells_the_applicant_of_each_status(cast):
    application = services.application_submit(
        applicant=cast.official, opportunity=cast.fellowship, motivation="Please", city=cast.tripoli
    )
    staff = cast.client_for("staff")
    url = f"/opportunities/applications/{application.pk}/review/"

    staff.post(url, {"to_status": "under_review"})
    staff.post(url, {"to_status": "accepted", "note": "Welcome to Shenzhen in March."})

    application.refresh_from_db()
    assert application.status == ApplicationStatus.ACCEPTED
    assert application.decided_at is not None
    told = Notification.objects.filter(
        recipient=cast.official, verb="opportunity_application_status"
    ).order_by("pk")
    assert [n.body for n in told] == ["Under review", "Accepted\n\nWelcome to Shenzhen in March."]
    page = cast.client_for("official").get(f"/opportunities/applications/{application.pk}/")
    assert "Welcome to Shenzhen in March." in page.content.decode()


def test_a_decided_application_cannot_move_again(cast):
    application = ApplicationFactory(
        opportunity=cast.fellowship, applicant=cast.official, status=ApplicationStatus.DECLINED
    )
    client = cast.client_for("staff")

    response = client.post(
        f"/opportunities/applications/{application.pk}/review/", {"to_status": "accepted"}
    )
    page = client.get(response["Location"]).content.decode()

    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECLINED
    assert "cannot become" in page


def test_an_unknown_status_is_refused_with_a_message(cast):
    application = ApplicationFactory(opportunity=cast.fellowship, applicant=cast.official)
    client = cast.client_for("staff")

    response = client.post(
        f"/opportunities/applications/{application.pk}/review/", {"to_status": "withdrawn"}
    )

    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert (
        "Choose under review, accept or decline"
        in client.get(response["Location"]).content.decode()
    )


def test_withdrawing_tells_staff(cast):
    application = ApplicationFactory(opportunity=cast.fellowship, applicant=cast.official)

    cast.client_for("official").post(
        f"/opportunities/applications/{application.pk}/withdraw/", {"note": "I changed post."}
    )

    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    told = Notification.objects.get(verb="opportunity_application_status")
    assert told.recipient == cast.staff
    assert "I changed post." in told.body


def test_the_application_form_submitted_unchanged_changes_nothing(cast):
    client = cast.client_for("official")
    apply(client, city=cast.tripoli.pk, document=pdf())
    application = Application.objects.get()
    before = Application.objects.values().get()
    url = f"/opportunities/applications/{application.pk}/edit/"

    page = client.get(url).content.decode()
    response = client.post(url, form_data(page, form_class="application-form"))

    assert response.status_code == 302
    after = Application.objects.values().get()
    assert {k: v for k, v in after.items() if k != "updated_at"} == {
        k: v for k, v in before.items() if k != "updated_at"
    }


def test_the_applicant_changes_their_motivation_while_it_waits(cast):
    client = cast.client_for("official")
    apply(client, city=cast.tripoli.pk)
    application = Application.objects.get()
    url = f"/opportunities/applications/{application.pk}/edit/"

    data = form_data(client.get(url).content.decode(), form_class="application-form")
    client.post(url, {**data, "motivation": "Updated: we also need flood modelling."})

    application.refresh_from_db()
    assert application.motivation == "Updated: we also need flood modelling."


def test_a_motivation_too_long_is_an_error_next_to_the_field(cast):
    response = apply(cast.client_for("official"), motivation="x" * 4001)

    assert response.status_code == 400
    assert "keep it under 4000" in response.content.decode()
    assert "x" * 4001 in response.content.decode()  # kept in the box to shorten
    assert not Application.objects.exists()


def test_the_motivation_box_does_not_cut_a_pasted_text(cast):
    # A textarea's maxlength drops the end of a pasted text without a word; the length is
    # checked when the form is sent instead (above).
    html = cast.client_for("official").get(APPLY).content.decode()

    box = re.search(r'<textarea[^>]*name="motivation"[^>]*>', html).group(0)
    assert "maxlength" not in box


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_decided_application_is_not_offered_for_editing(cast, method):
    client = cast.client_for("official")
    apply(client, city=cast.tripoli.pk)
    application = Application.objects.get()
    Application.objects.filter(pk=application.pk).update(status=ApplicationStatus.ACCEPTED)
    url = f"/opportunities/applications/{application.pk}/edit/"

    response = getattr(client, method)(url, {"motivation": "Changed."} if method == "post" else {})

    assert response.status_code == 302
    assert response["Location"] == f"/opportunities/applications/{application.pk}/"
    followed = client.get(response["Location"]).content.decode()
    assert "An application under review or decided can no longer change." in followed
    assert Application.objects.get().motivation != "Changed."


def test_the_form_names_the_readers_time_zone_for_the_deadline(cast):
    cast.official.time_zone = "Asia/Beirut"
    cast.official.save()

    html = cast.client_for("official").get("/fr" + APPLY).content.decode()

    assert "(Beyrouth, \u2066UTC+" in html
    assert "votre heure" not in html
