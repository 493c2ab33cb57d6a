import datetime as dt

import pytest
from django.utils import timezone

from core.models import PublicationStatus
from projects.models import Project, ProjectUpdate
from tests.factories import ProjectFactory, ProjectUpdateFactory


@pytest.mark.django_db
def test_it_shows_only_projects_published_by_now():
    live = ProjectFactory()
    ProjectFactory(status=PublicationStatus.DRAFT, published_at=None)
    ProjectFactory(published_at=timezone.now() + dt.timedelta(days=1))

    assert list(Project.objects.published()) == [live]


@pytest.mark.django_db
def test_it_shows_only_project_updates_published_by_now():
    project = ProjectFactory()
    live = ProjectUpdateFactory(project=project)
    ProjectUpdateFactory(project=project, status=PublicationStatus.DRAFT, published_at=None)
    ProjectUpdateFactory(project=project, published_at=timezone.now() + dt.timedelta(days=1))

    assert list(ProjectUpdate.objects.published()) == [live]
