"""Asking for a role, and what approving or declining it changes for the applicant."""

import re

import pytest
from django.db import IntegrityError, transaction

from accounts.models import RequestedRole, RoleRequest, RoleRequestStatus
from accounts.services import role_request_approve, role_request_decline, role_request_submit
from core import roles
from notifications.models import Notification, OutboxEmail
from tests.factories import CityFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db

FORM = "/accounts/profile/role-request/"


@pytest.fixture
def tripoli():
    return CityFactory(name="Tripoli", slug="tripoli")


@pytest.fixture
def applicant():
    return UserFactory(email="official@tripoli.example", name="Karim")


@pytest.fixture
def reviewer():
    return UserFactory(roles=[roles.UN_STAFF])


def test_it_records_a_request_from_the_form_without_granting_anything(client, applicant, tripoli):
    client.force_login(applicant)

    response = client.post(
        FORM, {"role": "city_official", "city": tripoli.pk, "message": "I run the DRR office."}
    )

    assert response["Location"] == "/accounts/profile/"
    request = RoleRequest.objects.get()
    assert (request.user, request.city, request.status) == (applicant, tripoli, "pending")
    applicant.refresh_from_db()
    assert applicant.city is None
    assert not applicant.has_role(roles.CITY_OFFICIAL)
    assert "Pending" in client.get("/accounts/profile/").content.decode()


def test_it_asks_for_the_city_of_a_city_official_and_the_organization_of_a_partner(
    client, applicant
):
    client.force_login(applicant)

    as_official = client.post(FORM, {"role": "city_official", "message": "Hello"})
    as_partner = client.post(FORM, {"role": "partner"})

    assert "city" in as_official.context["form"].errors
    assert "organization" in as_partner.context["form"].errors
    assert not RoleRequest.objects.exists()


@pytest.mark.parametrize(
    ("prefix", "city_label", "organization_label"),
    [
        ("", "City (needed for a city official)", "Organization (needed for a partner)"),
        ("/zh-hans", "城市（城市官员必填）", "组织（合作伙伴必填）"),
    ],
)
def test_the_form_says_which_role_needs_the_city_and_which_the_organization(
    client, applicant, prefix, city_label, organization_label
):
    # "City (for a city official) (optional)" told an official they could leave it empty, and
    # the form then refused it; Chinese put a space before its full-width bracket.
    client.force_login(applicant)

    html = client.get(prefix + FORM).content.decode()

    def label_of(field):
        label = re.search(rf'<label[^>]*for="id_{field}"[^>]*>(.*?)</label>', html, re.S).group(1)
        return re.sub(r"<[^>]+>", "", label)

    assert label_of("city") == city_label
    assert label_of("organization") == organization_label
    # The message may be left empty: "(optional)", with no space before a full-width bracket.
    assert label_of("message").endswith("（选填）" if prefix else " (optional)")
    assert " （" not in label_of("message")


def test_a_message_too_long_is_refused_in_words_the_reader_knows_and_kept(client, applicant):
    client.force_login(applicant)
    message = "长" * 2001

    response = client.post("/zh-hans" + FORM, {"role": "partner", "message": message})

    html = response.content.decode()
    assert "此处最多 2000 个字符（现有 2001 个）。" in html
    assert "该变量" not in html
    assert message in html
    assert not RoleRequest.objects.exists()
    # Nor does the box cut a text pasted into it: a textarea's maxlength would, without a word.
    box = re.search(r'<textarea[^>]*name="message"[^>]*>', html).group(0)
    assert "maxlength" not in box


def test_it_refuses_a_second_pending_request_for_the_same_role(client, applicant, tripoli):
    client.force_login(applicant)
    client.post(FORM, {"role": "city_official", "city": tripoli.pk})

    again = client.post(FORM, {"role": "city_official", "city": CityFactory().pk})

    assert again.status_code == 200
    assert "already have a pending request" in again.content.decode()
    assert RoleRequest.objects.count() == 1


def test_it_lets_the_database_hold_only_one_pending_request_per_user_and_role(applicant, tripoli):
    RoleRequest.objects.create(user=applicant, role=RequestedRole.CITY_OFFICIAL, city=tripoli)

    with pytest.raises(IntegrityError), transaction.atomic():
        RoleRequest.objects.create(
            user=applicant, role=RequestedRole.CITY_OFFICIAL, city=CityFactory()
        )
    # Another role, or a new request once the first is decided, is fine.
    RoleRequest.objects.create(
        user=applicant, role=RequestedRole.PARTNER, organization=OrganizationFactory()
    )


def test_it_lets_the_database_refuse_a_request_without_its_city_or_organization(applicant):
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleRequest.objects.create(user=applicant, role=RequestedRole.CITY_OFFICIAL)
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleRequest.objects.create(user=applicant, role=RequestedRole.PARTNER)


def test_it_makes_an_approved_applicant_a_city_official_of_that_city(
    applicant, reviewer, tripoli, client
):
    request = role_request_submit(user=applicant, role=RequestedRole.CITY_OFFICIAL, city=tripoli)

    assert role_request_approve(role_request=request, reviewer=reviewer, note="Welcome!")

    applicant = type(applicant).objects.get(pk=applicant.pk)
    assert applicant.has_role(roles.CITY_OFFICIAL)
    assert applicant.city == tripoli
    request.refresh_from_db()
    assert request.status == RoleRequestStatus.APPROVED
    assert request.reviewed_by == reviewer and request.reviewed_at is not None
    # What a city official may do: change their own city's profile, and only theirs.
    client.force_login(applicant)
    own = client.patch(
        f"/api/v1/cities/{tripoli.slug}/", {"summary": "Updated by Tripoli"}, "application/json"
    )
    other = client.patch(
        f"/api/v1/cities/{CityFactory(slug='shenzhen').slug}/",
        {"summary": "Not mine"},
        "application/json",
    )
    assert own.status_code == 200
    assert other.status_code == 403


def test_it_links_an_approved_partner_to_the_organization(applicant, reviewer):
    organization = OrganizationFactory(name="NDRCC")
    request = role_request_submit(
        user=applicant, role=RequestedRole.PARTNER, organization=organization
    )

    role_request_approve(role_request=request, reviewer=reviewer)

    applicant = type(applicant).objects.get(pk=applicant.pk)
    assert applicant.has_role(roles.PARTNER)
    assert applicant.organization == organization
    assert not applicant.has_role(roles.CITY_OFFICIAL)


def test_it_keeps_a_declined_applicant_an_ordinary_visitor(applicant, reviewer, tripoli):
    request = role_request_submit(user=applicant, role=RequestedRole.CITY_OFFICIAL, city=tripoli)

    assert role_request_decline(
        role_request=request, reviewer=reviewer, note="Not a city employee."
    )

    applicant = type(applicant).objects.get(pk=applicant.pk)
    assert not applicant.groups.exists()
    assert applicant.city is None
    request.refresh_from_db()
    assert (request.status, request.decision_note) == ("declined", "Not a city employee.")


def test_it_tells_the_applicant_of_the_decision_in_the_app_and_by_email(
    applicant, reviewer, tripoli, django_capture_on_commit_callbacks, mailoutbox
):
    request = role_request_submit(user=applicant, role=RequestedRole.CITY_OFFICIAL, city=tripoli)

    with django_capture_on_commit_callbacks(execute=True):
        role_request_approve(role_request=request, reviewer=reviewer, note="Welcome aboard.")

    notification = Notification.objects.get(recipient=applicant)
    assert "approved" in notification.title and "Tripoli" in notification.title
    assert notification.body == "Welcome aboard."
    assert notification.url == "/accounts/profile/"
    assert OutboxEmail.objects.get(recipient=applicant).to_email == applicant.email
    assert [message.to for message in mailoutbox] == [[applicant.email]]
    assert "Welcome aboard." in mailoutbox[0].body


def test_it_decides_a_request_once_even_when_two_reviewers_click(applicant, reviewer, tripoli):
    request = role_request_submit(user=applicant, role=RequestedRole.CITY_OFFICIAL, city=tripoli)
    stale_copy = RoleRequest.objects.get(pk=request.pk)
    role_request_decline(role_request=request, reviewer=reviewer)

    assert not role_request_approve(
        role_request=stale_copy, reviewer=UserFactory(roles=[roles.UN_STAFF])
    )

    applicant.refresh_from_db()
    assert applicant.city is None
    assert Notification.objects.filter(recipient=applicant).count() == 1


def test_it_lets_a_declined_applicant_ask_again(client, applicant, reviewer, tripoli):
    request = role_request_submit(user=applicant, role=RequestedRole.CITY_OFFICIAL, city=tripoli)
    role_request_decline(role_request=request, reviewer=reviewer)
    client.force_login(applicant)

    client.post(FORM, {"role": "city_official", "city": tripoli.pk, "message": "Here is proof."})

    assert RoleRequest.objects.filter(user=applicant, status="pending").count() == 1


def test_the_profile_offers_a_role_to_a_visitor_and_another_role_to_whoever_has_one(
    client, applicant, tripoli
):
    official = UserFactory(city=tripoli, roles=[roles.CITY_OFFICIAL])
    client.force_login(applicant)
    as_visitor = client.get("/accounts/profile/").content.decode()
    client.force_login(official)
    as_official = client.get("/accounts/profile/").content.decode()

    assert "Ask to be a city official or partner" in as_visitor
    assert "Ask for another role" not in as_visitor
    assert "Ask for another role" in as_official
    assert "Ask to be a city official or partner" not in as_official


def test_an_applicants_and_a_reviewers_own_words_keep_their_direction_on_an_arabic_page(
    client, applicant, reviewer, tripoli
):
    # An English message on an Arabic page put its full stop at the start of the line.
    role_request = role_request_submit(
        user=applicant, role="city_official", city=tripoli, message="I run the DRR office."
    )
    role_request_decline(role_request=role_request, reviewer=reviewer, note="Send proof, please.")
    client.force_login(reviewer)
    review = client.get("/ar/accounts/role-requests/", {"status": "declined"}).content.decode()
    client.force_login(applicant)
    profile = client.get("/ar/accounts/profile/").content.decode()

    assert '<blockquote dir="auto">I run the DRR office.</blockquote>' in review
    assert '<p dir="auto">Send proof, please.</p>' in review
    assert "<bdi>Send proof, please.</bdi>" in profile


def test_a_request_without_a_reviewers_note_leaves_the_note_cell_empty(client, applicant, tripoli):
    # The profile's stacked table hides an empty cell with its label on a phone
    # (`td[data-label]:empty`); an empty <bdi> in it showed "Note from the reviewer:" and nothing.
    role_request_submit(user=applicant, role="city_official", city=tripoli, message="")
    client.force_login(applicant)

    profile = client.get("/accounts/profile/").content.decode()

    assert '<td data-label="Note from the reviewer"></td>' in profile
