"""Which clusters a partner's projects sit in, as search facets count them."""

import pytest

from projects.models import ProjectPartnerRole
from projects.selectors import partner_cluster_pairs
from tests.factories import (
    ClusterFactory,
    OrganizationFactory,
    ProjectFactory,
    ProjectPartnerFactory,
)

pytestmark = pytest.mark.django_db


def test_each_partner_and_cluster_is_listed_once_however_many_projects_join_them():
    drr = ClusterFactory(slug="drr-test")
    health = ClusterFactory(slug="health-test")
    harbour = OrganizationFactory(slug="harbour-network")
    clinic_network = OrganizationFactory(slug="clinic-network")
    for clusters in ([drr], [drr], [drr, health]):
        project = ProjectFactory()
        project.clusters.add(*clusters)
        ProjectPartnerFactory(project=project, organization=harbour)
    shared = ProjectFactory()
    shared.clusters.add(health)
    # Two roles in one project: still one pair.
    ProjectPartnerFactory(
        project=shared, organization=clinic_network, role=ProjectPartnerRole.FUNDING
    )
    ProjectPartnerFactory(
        project=shared, organization=clinic_network, role=ProjectPartnerRole.TECHNICAL
    )
    # A partner with a project in no cluster reaches none.
    ProjectPartnerFactory(project=ProjectFactory(), organization=OrganizationFactory(slug="loner"))

    pairs = partner_cluster_pairs()

    assert sorted(pairs) == sorted(
        [(harbour.pk, drr.pk), (harbour.pk, health.pk), (clinic_network.pk, health.pk)]
    )


def test_asked_for_some_partners_it_lists_theirs_alone_and_nothing_for_none():
    drr = ClusterFactory(slug="drr-test")
    health = ClusterFactory(slug="health-test")
    harbour = OrganizationFactory(slug="harbour-network")
    clinic_network = OrganizationFactory(slug="clinic-network")
    for cluster, partner in ((drr, harbour), (health, clinic_network)):
        project = ProjectFactory()
        project.clusters.add(cluster)
        ProjectPartnerFactory(project=project, organization=partner)

    assert partner_cluster_pairs(organization_ids=[harbour.pk]) == [(harbour.pk, drr.pk)]
    assert partner_cluster_pairs(organization_ids=[]) == []
