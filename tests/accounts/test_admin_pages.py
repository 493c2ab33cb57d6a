"""Every model registered in the admin opens for a superuser, with real rows in it."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from accounts.models import RequestedRole, RoleRequest
from clusters.models import Topic
from matchmaking.models import CityMatch
from tests import factories

REGISTERED_MODELS = sorted(admin.site._registry, key=lambda model: model._meta.label)
MODEL_IDS = [model._meta.label for model in REGISTERED_MODELS]


@pytest.fixture
def rows_of_every_kind(db):
    series = factories.TrainingSeriesFactory()
    city = factories.CityFactory()
    city.hazards.add("flood")
    event = factories.EventFactory(series=series, city=city)
    project = factories.ProjectFactory(parent=factories.ProgrammeFactory())
    factories.ClusterMembershipFactory(city=city)
    factories.ResourceFactory(author=factories.UserFactory()).tags.add("resilience")
    factories.ProjectCityFactory(project=project, city=city)
    factories.ProjectPartnerFactory(project=project)
    factories.MilestoneFactory(project=project)
    factories.ProjectUpdateFactory(project=project)
    factories.CollaborationRequestFactory(project=project)
    factories.EventCoHostFactory(event=event)
    factories.RegistrationFactory(event=event, user=factories.StaffUserFactory())
    factories.CertificateFactory(series=series)
    factories.FinalRequirementCompletionFactory(series=series)
    factories.SubscriptionFactory()
    factories.NotificationFactory()
    factories.DigestFactory(outbox_email=factories.OutboxEmailFactory())
    factories.ApplicationFactory()
    CityMatch.objects.create(
        city=city,
        kind="city",
        target_id=factories.CityFactory().pk,
        topic=Topic.objects.first(),
        score=10,
        score_parts={"topic": 10},
        reasons=[{"code": "hazards", "hazards": ["flood"]}],
        first_seen_at="2026-11-30T06:00:00Z",
        refreshed_at="2026-11-30T06:00:00Z",
    )
    applicant = factories.UserFactory()
    RoleRequest.objects.create(user=applicant, role=RequestedRole.CITY_OFFICIAL, city=city)
    if apps.is_installed("allauth.account"):
        from allauth.account.models import EmailAddress

        EmailAddress.objects.create(user=applicant, email=applicant.email, primary=True)
    if apps.is_installed("allauth.mfa"):
        from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

        TOTP.activate(factories.StaffUserFactory(), generate_totp_secret())
    if apps.is_installed("rest_framework.authtoken"):
        from rest_framework.authtoken.models import Token

        Token.objects.create(user=factories.UserFactory())


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", REGISTERED_MODELS, ids=MODEL_IDS)
def test_it_lists_rows_of_every_registered_model(admin_client, rows_of_every_kind, model):
    response = admin_client.get(admin_url(model, "changelist"))

    assert response.status_code == 200
    assert response.context["cl"].result_count >= 1


@pytest.mark.parametrize("model", REGISTERED_MODELS, ids=MODEL_IDS)
def test_it_opens_the_change_page_of_every_registered_model(
    admin_client, rows_of_every_kind, model
):
    row = model._default_manager.first()

    response = admin_client.get(admin_url(model, "change", row.pk))

    assert response.status_code == 200


@pytest.mark.parametrize("model", REGISTERED_MODELS, ids=MODEL_IDS)
def test_it_opens_the_history_of_a_row_of_every_registered_model(
    admin_client, rows_of_every_kind, model
):
    row = model._default_manager.first()

    response = admin_client.get(admin_url(model, "history", row.pk))

    assert response.status_code == 200


@pytest.mark.parametrize("model", REGISTERED_MODELS, ids=MODEL_IDS)
def test_it_opens_the_add_page_of_every_model_staff_may_create(admin_client, model):
    response = admin_client.get(admin_url(model, "add"))

    if model._meta.label in {
        "notifications.OutboxEmail",
        "notifications.Digest",
        "projects.CollaborationRequest",
        "opportunities.Application",
        "matchmaking.CityMatch",
    }:
        # Workers write outbox and digest rows with idempotency keys, and requests and
        # applications come through the forms that record their history: a hand-made row would
        # break those promises. Suggestions are computed from needs and offers, never typed.
        assert response.status_code == 403
    else:
        assert response.status_code == 200


def test_it_brands_the_admin_for_the_portal(admin_client):
    response = admin_client.get(reverse("admin:index"))

    assert b"South-South Cities Clusters" in response.content


def test_it_shows_what_an_editor_changed_in_a_pilot(admin_client):
    pilot = factories.ProjectFactory(title="Tripoli pilot")
    pilot.title = "Tripoli–Shenzhen pilot"
    pilot.save()

    response = admin_client.get(reverse("admin:projects_project_history", args=[pilot.pk]))

    assert response.status_code == 200
    assert len(response.context["page_obj"].object_list) == 2
    # The page is titled with the current name; the old one can only come from the history.
    assert "Tripoli pilot" in response.content.decode()
