"""Staff mark the end-of-course requirement; participants see it and their own progress."""

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.utils import timezone

from core.roles import CITY_OFFICIAL, PARTNER, UN_STAFF
from events.forms import TrainingSeriesForm
from events.models import Certificate, FinalRequirementCompletion, RegistrationStatus
from tests.factories import (
    CertificateFactory,
    CityFactory,
    EventFactory,
    FinalRequirementCompletionFactory,
    OrganizationFactory,
    RegistrationFactory,
    TrainingSeriesFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

REQUIREMENT = "Submit a city action plan reviewed by the trainers"
MARK_URL = "/events/series/action-plans/final-requirement/"
STAFF_PAGE_URL = "/events/series/action-plans/statistics/"


@pytest.fixture
def series():
    return TrainingSeriesFactory(
        slug="action-plans", sessions_required_for_certificate=2, final_requirement=REQUIREMENT
    )


def past_session(series, days_ago=3):
    start = timezone.now() - dt.timedelta(days=days_ago)
    return EventFactory(series=series, starts_at=start, ends_at=start + dt.timedelta(hours=2))


def participant(series, *, attended=2, name="Amina Haddad"):
    user = UserFactory(name=name)
    for index in range(attended):
        RegistrationFactory(
            user=user, event=past_session(series, 3 + index), status=RegistrationStatus.ATTENDED
        )
    if not attended:
        RegistrationFactory(user=user, event=past_session(series))
    return user


def staff_client():
    client = Client()
    client.force_login(UserFactory(roles=[UN_STAFF]))
    return client


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


ROLES = ("anonymous", "official", "partner", "other_partner", "staff")


def client_for(role, series):
    organizer = OrganizationFactory()
    series.organizers.add(organizer)
    users = {
        "official": lambda: UserFactory(roles=[CITY_OFFICIAL], city=CityFactory()),
        # A partner whose organization runs the series is still not UN staff.
        "partner": lambda: UserFactory(roles=[PARTNER], organization=organizer),
        "other_partner": lambda: UserFactory(roles=[PARTNER], organization=OrganizationFactory()),
        "staff": lambda: UserFactory(roles=[UN_STAFF]),
    }
    return Client() if role == "anonymous" else signed_in(users[role]())


@pytest.mark.parametrize("role", ROLES)
def test_only_staff_can_mark_the_requirement(role, series):
    user = participant(series)

    response = client_for(role, series).post(MARK_URL, {"user": user.pk, "completed": "1"})

    marked = FinalRequirementCompletion.objects.filter(series=series, user=user).exists()
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(f"/accounts/login/?next={MARK_URL}")
    elif role == "staff":
        assert response.status_code == 302
        assert response["Location"] == f"{STAFF_PAGE_URL}#participants"
    else:
        assert response.status_code == 403
    assert marked == (role == "staff")
    assert Certificate.objects.filter(user=user).exists() == (role == "staff")


@pytest.mark.parametrize("role", ROLES)
def test_only_staff_can_unmark_the_requirement(role, series):
    user = participant(series)
    FinalRequirementCompletionFactory(series=series, user=user)

    client_for(role, series).post(MARK_URL, {"user": user.pk, "completed": "0"})

    still_marked = FinalRequirementCompletion.objects.filter(series=series, user=user).exists()
    assert still_marked == (role != "staff")


def test_the_mark_endpoint_wants_a_post_with_a_csrf_token(series):
    user = participant(series)
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory(roles=[UN_STAFF]))

    assert client.get(MARK_URL).status_code == 405
    assert client.post(MARK_URL, {"user": user.pk, "completed": "1"}).status_code == 403
    assert not FinalRequirementCompletion.objects.exists()


def test_staff_see_each_participants_progress_and_a_button_to_mark(series):
    participant(series, attended=1, name="Amina Haddad")
    done = participant(series, attended=2, name="Bilal Nasser")
    FinalRequirementCompletionFactory(series=series, user=done)

    html = staff_client().get(STAFF_PAGE_URL).content.decode()

    assert REQUIREMENT in html
    assert "1 of 2" in html and "2 of 2" in html
    assert "Mark the requirement as met for Amina Haddad" in html
    assert "Unmark the requirement for Bilal Nasser" in html
    assert f'action="{MARK_URL}"' in html
    assert "csrfmiddlewaretoken" in html


def test_marking_from_the_page_issues_the_certificate_and_says_so(series):
    user = participant(series)

    response = staff_client().post(MARK_URL, {"user": user.pk, "completed": "1"}, follow=True)

    html = response.content.decode()
    assert "Amina Haddad met the end-of-course requirement." in html
    assert "Amina Haddad completed the series: their certificate is issued." in html
    assert Certificate.objects.filter(user=user, series=series).count() == 1


def test_unmarking_from_the_page_says_the_certificate_stays(series):
    user = participant(series)
    client = staff_client()
    client.post(MARK_URL, {"user": user.pk, "completed": "1"})

    response = client.post(MARK_URL, {"user": user.pk, "completed": "0"}, follow=True)

    assert "A certificate already issued stays valid." in response.content.decode()
    assert Certificate.objects.filter(user=user, series=series).exists()
    assert not FinalRequirementCompletion.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"user": "999999", "completed": "1"}, "No such participant"),
        ({"user": "not-a-number", "completed": "1"}, "No such participant"),
        ({"completed": "1"}, "Choose the participant to mark."),
        ({"user": "{user}", "completed": "yes"}, "Say whether the requirement is met."),
        ({"user": "{user}"}, "Say whether the requirement is met."),
    ],
)
def test_bad_input_gets_a_clear_message_not_an_error(series, data, message):
    user = participant(series)
    data = {key: value.format(user=user.pk) for key, value in data.items()}

    response = staff_client().post(MARK_URL, data)

    assert response.status_code == 302
    assert message in " ".join(texts(response))
    assert not FinalRequirementCompletion.objects.exists()


def test_someone_not_registered_for_the_series_is_refused_with_a_message(series):
    past_session(series)
    outsider = UserFactory(name="Omar Outsider")
    RegistrationFactory(user=outsider)  # registered elsewhere only

    response = staff_client().post(MARK_URL, {"user": outsider.pk, "completed": "1"})

    assert response.status_code == 302
    assert texts(response) == ["Omar Outsider is not registered for any session of this series."]
    assert not FinalRequirementCompletion.objects.exists()


def test_a_series_without_requirement_has_no_mark_column_and_refuses_a_mark():
    series = TrainingSeriesFactory(slug="action-plans", sessions_required_for_certificate=1)
    user = participant(series, attended=1)
    client = staff_client()

    html = client.get(STAFF_PAGE_URL).content.decode()
    response = client.post(MARK_URL, {"user": user.pk, "completed": "1"})

    assert "1 of 1" in html
    assert "Mark the requirement" not in html
    assert texts(response) == ["This series has no end-of-course requirement."]
    assert not FinalRequirementCompletion.objects.exists()


def test_the_series_page_tells_everyone_the_requirement(client, series):
    html = client.get("/events/series/action-plans/").content.decode()

    assert "You also need to complete this end-of-course requirement:" in html
    assert REQUIREMENT in html


def test_the_series_page_says_nothing_of_a_requirement_when_there_is_none(client):
    TrainingSeriesFactory(slug="plain-series", sessions_required_for_certificate=0)

    html = client.get("/events/series/plain-series/").content.decode()

    assert "end-of-course requirement" not in html
    assert "attend every session to earn a certificate" in html


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (False, "Attended 1 of 2 sessions; end-of-course requirement: not yet met."),
        (True, "Attended 1 of 2 sessions; end-of-course requirement: met."),
    ],
)
def test_a_participant_sees_their_progress_on_the_series_page(series, marked, expected):
    user = participant(series, attended=1)
    if marked:
        FinalRequirementCompletionFactory(series=series, user=user)

    html = signed_in(user).get("/events/series/action-plans/").content.decode()

    assert expected in html


def test_someone_without_a_seat_sees_no_progress_line(series):
    html = signed_in(UserFactory()).get("/events/series/action-plans/").content.decode()

    assert "Attended" not in html


def test_my_certificates_lists_series_in_progress(series):
    user = participant(series, attended=2)
    earned = TrainingSeriesFactory(title="An earned series")
    RegistrationFactory(user=user, event=past_session(earned), status=RegistrationStatus.ATTENDED)
    CertificateFactory(user=user, series=earned)

    html = signed_in(user).get("/certificates/mine/").content.decode()

    assert "In progress" in html
    assert "Attended 2 of 2 sessions; end-of-course requirement: not yet met." in html
    assert REQUIREMENT in html
    # A series with a certificate is listed as a certificate, not as in progress.
    earned_part, in_progress_part = html.split('id="in-progress-heading"')
    assert "An earned series" in earned_part
    assert "An earned series" not in in_progress_part


def test_the_editor_form_sets_the_requirement():
    form = TrainingSeriesForm(
        {
            "title": "Action plans",
            "slug": "",
            "start_year": "2026",
            "sessions_required_for_certificate": "2",
            "final_requirement": REQUIREMENT,
        }
    )

    assert form.is_valid(), form.errors
    assert form.save().final_requirement == REQUIREMENT


def test_the_api_shows_the_requirement_but_does_not_let_it_be_written(series):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(UserFactory(roles=[UN_STAFF]))

    shown = client.get("/api/v1/training-series/action-plans/").json()
    response = client.patch(
        "/api/v1/training-series/action-plans/", {"final_requirement": ""}, format="json"
    )

    assert shown["final_requirement"] == REQUIREMENT
    assert response.status_code == 200
    series.refresh_from_db()
    assert series.final_requirement == REQUIREMENT
