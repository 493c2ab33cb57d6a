"""Who may see the role-request review page and approve or decline: UN staff and superusers only."""

import pytest

from accounts.models import RequestedRole, RoleRequest, RoleRequestStatus
from core import roles
from tests.factories import CityFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db

REVIEW = "/accounts/role-requests/"
ALLOWED = {"un_staff", "superuser"}
CAST = [
    "anonymous",
    "plain_user",
    "pending_applicant",
    "official_of_this_city",
    "official_of_another_city",
    "partner",
    "un_staff",
    "superuser",
]


@pytest.fixture
def tripoli():
    return CityFactory(name="Tripoli")


@pytest.fixture
def pending_request(tripoli):
    applicant = UserFactory(name="Applicant")
    return RoleRequest.objects.create(
        user=applicant, role=RequestedRole.CITY_OFFICIAL, city=tripoli, message="Please"
    )


def member(who, *, tripoli, pending_request):
    if who == "anonymous":
        return None
    if who == "pending_applicant":
        return pending_request.user
    if who == "official_of_this_city":
        return UserFactory(city=tripoli, roles=[roles.CITY_OFFICIAL])
    if who == "official_of_another_city":
        return UserFactory(city=CityFactory(), roles=[roles.CITY_OFFICIAL])
    if who == "partner":
        return UserFactory(organization=OrganizationFactory(), roles=[roles.PARTNER])
    if who == "un_staff":
        return UserFactory(roles=[roles.UN_STAFF])
    if who == "superuser":
        return UserFactory(is_superuser=True, is_staff=True)
    return UserFactory()


def sign_in(client, who, **context):
    user = member(who, **context)
    if user is not None:
        client.force_login(user)
    return user


@pytest.mark.parametrize("who", CAST)
def test_it_shows_the_review_page_only_to_reviewers(client, who, tripoli, pending_request):
    sign_in(client, who, tripoli=tripoli, pending_request=pending_request)

    response = client.get(REVIEW)

    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=/accounts/role-requests/")
    elif who in ALLOWED:
        assert response.status_code == 200
        assert "Applicant" in response.content.decode()
        assert "Please" in response.content.decode()
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("decision", ["approve", "decline"])
@pytest.mark.parametrize("who", CAST)
def test_it_lets_only_reviewers_decide(client, who, decision, tripoli, pending_request):
    sign_in(client, who, tripoli=tripoli, pending_request=pending_request)

    response = client.post(
        f"{REVIEW}{pending_request.pk}/decide/", {"decision": decision, "note": "Checked."}
    )

    pending_request.refresh_from_db()
    applicant = type(pending_request.user).objects.get(pk=pending_request.user_id)
    if who in ALLOWED:
        assert response.status_code == 302
        assert response["Location"] == REVIEW
        expected = "approved" if decision == "approve" else "declined"
        assert pending_request.status == expected
        assert pending_request.decision_note == "Checked."
        assert applicant.has_role(roles.CITY_OFFICIAL) is (decision == "approve")
    else:
        assert response.status_code == (302 if who == "anonymous" else 403)
        assert pending_request.status == RoleRequestStatus.PENDING
        assert not applicant.groups.exists()


def test_it_lists_pending_requests_first_and_filters_by_status_and_role(client, tripoli):
    client.force_login(UserFactory(roles=[roles.UN_STAFF]))
    pending = RoleRequest.objects.create(
        user=UserFactory(name="Waiting Person"), role=RequestedRole.CITY_OFFICIAL, city=tripoli
    )
    RoleRequest.objects.create(
        user=UserFactory(name="Decided Person"),
        role=RequestedRole.PARTNER,
        organization=OrganizationFactory(),
        status=RoleRequestStatus.DECLINED,
        reviewed_at="2026-01-05T10:00:00Z",
    )

    default = client.get(REVIEW).content.decode()
    declined = client.get(REVIEW, {"status": "declined"}).content.decode()
    partners = client.get(REVIEW, {"status": "", "role": "partner"}).content.decode()
    by_name = client.get(REVIEW, {"status": "", "q": "waiting"}).content.decode()

    assert "Waiting Person" in default and "Decided Person" not in default
    assert "Decided Person" in declined and "Waiting Person" not in declined
    assert "Decided Person" in partners and "Waiting Person" not in partners
    assert "Waiting Person" in by_name and "Decided Person" not in by_name
    assert f"/accounts/role-requests/{pending.pk}/decide/" in default


def test_it_answers_404_for_a_request_already_decided(client, pending_request):
    client.force_login(UserFactory(roles=[roles.UN_STAFF]))
    client.post(f"{REVIEW}{pending_request.pk}/decide/", {"decision": "decline"})

    again = client.post(f"{REVIEW}{pending_request.pk}/decide/", {"decision": "approve"})

    assert again.status_code == 404
    pending_request.refresh_from_db()
    assert pending_request.status == RoleRequestStatus.DECLINED


@pytest.mark.parametrize(
    ("sent", "error"),
    [
        (
            {"decision": "decline", "note": "Too long." * 500},
            "Ensure this value has at most 2000 characters (it has 4500).",
        ),
        ({"note": "Which button?"}, "Choose to approve or decline the request."),
    ],
)
def test_a_refused_decision_keeps_the_note_and_says_why_next_to_the_request(
    client, pending_request, sent, error
):
    sign_in(client, "un_staff", tripoli=None, pending_request=pending_request)

    response = client.post(f"{REVIEW}{pending_request.pk}/decide/", sent)

    assert response.status_code == 400
    # Summed up at the top of the page, linking to the request, as every form's errors are.
    summary = response.content.decode().split('class="error-summary"')[1].split("</div>")[0]
    assert f'<a href="#role-request-{pending_request.pk}">{error}</a>' in summary
    card = response.content.decode().split(f'id="role-request-{pending_request.pk}"')[1]
    card = card.split("</li>")[0]
    assert error in card
    assert f">{sent['note']}</textarea>" in card
    # The box itself cuts nothing: a maxlength would drop the end of a pasted note unsaid.
    assert "maxlength" not in card.split("<textarea")[1].split(">")[0]
    pending_request.refresh_from_db()
    assert pending_request.status == RoleRequestStatus.PENDING


def test_the_language_link_on_a_refused_decision_returns_to_the_page_not_the_post_address(
    client, pending_request
):
    sign_in(client, "un_staff", tripoli=None, pending_request=pending_request)

    response = client.post(
        f"{REVIEW}{pending_request.pk}/decide/",
        {"note": "Which button?"},
        HTTP_REFERER="http://testserver/accounts/role-requests/?role=city_official",
    )

    html = response.content.decode()
    assert "?next=/accounts/role-requests/%3Frole%3Dcity_official" in html
    assert f"?next=/accounts/role-requests/{pending_request.pk}/decide/" not in html
