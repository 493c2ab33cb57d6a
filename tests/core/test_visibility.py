"""The visibility rule's helpers, as emails, digests and any new surface call them."""

import pytest
from django.contrib.auth.models import AnonymousUser

from clusters.models import Cluster
from core.visibility import public, public_only, public_or_none, public_prefetch
from events.models import Event
from projects.models import Project
from tests.api.conftest import staff
from tests.factories import ClusterFactory, EventFactory, ProjectFactory, UserFactory
from tests.related_visibility import DRAFT, scheduled

pytestmark = pytest.mark.django_db


@pytest.fixture
def pilots():
    return {
        "published": ProjectFactory(slug="published"),
        "draft": ProjectFactory(slug="draft", **DRAFT),
        "scheduled": ProjectFactory(slug="scheduled", **scheduled()),
    }


def slugs(rows) -> set[str]:
    return {row.slug for row in rows}


def test_public_rows_are_published_and_due(pilots):
    assert slugs(public(Project)) == {"published"}
    assert slugs(public(Project.objects.filter(slug__in=["draft", "published"]))) == {"published"}


def test_public_clusters_are_the_active_ones():
    ClusterFactory(slug="dormant", is_active=False)
    ClusterFactory(slug="lively")

    public_slugs = slugs(public(Cluster))

    assert "lively" in public_slugs
    assert "dormant" not in public_slugs


def test_un_staff_see_every_row_and_nobody_else_does(pilots):
    assert slugs(public(Project, viewer=staff())) == {"published", "draft", "scheduled"}
    assert slugs(public(Project, viewer=UserFactory())) == {"published"}
    assert slugs(public(Project, viewer=AnonymousUser())) == {"published"}


def test_a_loaded_row_is_kept_only_when_public(pilots):
    assert public_or_none(pilots["published"]) == pilots["published"]
    assert public_or_none(pilots["draft"]) is None
    assert public_or_none(pilots["scheduled"]) is None
    assert public_or_none(None) is None
    assert public_or_none(pilots["draft"], viewer=staff()) == pilots["draft"]
    assert public_only(pilots.values()) == [pilots["published"]]
    assert public_or_none(ClusterFactory(is_active=False)) is None


def test_a_prefetched_foreign_key_to_a_hidden_row_reads_as_none():
    programme = ProjectFactory(kind="programme", parent=None, **DRAFT)
    ProjectFactory(slug="pilot", parent=programme)

    pilot = Project.objects.prefetch_related(public_prefetch("parent", Project)).get(slug="pilot")

    assert pilot.parent is None
    assert pilot.parent_id == programme.pk  # the relation itself is untouched


def test_a_prefetched_many_to_many_holds_only_public_rows(pilots):
    event = EventFactory(slug="event")
    event.projects.set(pilots.values())

    loaded = Event.objects.prefetch_related(public_prefetch("projects", Project)).get(pk=event.pk)

    assert slugs(loaded.projects.all()) == {"published"}


def test_a_relation_already_at_hand_narrows_to_its_public_rows(pilots):
    # How content descriptions for emails read an item's links: through the relation itself.
    dormant, lively = ClusterFactory(is_active=False), ClusterFactory()
    event = EventFactory()
    event.clusters.set([dormant, lively])
    event.projects.set(pilots.values())

    assert list(public(event.clusters.all())) == [lively]
    assert slugs(public(event.projects.all())) == {"published"}
