"""What the projects app tells people, built here and delivered by the notifications app.

- Pilots and their updates as notifications content (registered from ProjectsConfig.ready()):
  how one is described to its followers and which ones a digest period lists.
- Collaboration requests: the other side of a request hears of a message or a new status, and
  UN staff reviewers of a new request.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster
from core.roles import UN_STAFF
from core.visibility import public, public_or_none
from notifications.content import (
    SECTION_PILOTS,
    ContentItem,
    content_key,
    in_reader_language,
    linked_ids,
    many_to_many_ids,
    page_path,
    published_item,
)
from notifications.services import notify_people

from .models import Project, ProjectCity, ProjectUpdate

VERB_LABELS = {
    "published_pilot": _("New pilot"),
    "published_update": _("Pilot update"),
    "collaboration_new_request": _("New collaboration request"),
    "collaboration_message": _("New message on a collaboration request"),
    "collaboration_status": _("Collaboration request update"),
}
NEWEST_FIRST = ("-published_at", "pk")


def _links_of_projects(project_ids):
    """({project id: cluster ids}, {project id: city ids}): two queries."""
    return (
        many_to_many_ids(Project.clusters, project_ids, among=public(Cluster)),
        linked_ids(ProjectCity.objects.filter(project_id__in=project_ids), "project_id", "city_id"),
    )


def projects_describe(projects) -> list[ContentItem]:
    clusters, cities = _links_of_projects([project.pk for project in projects])
    return [
        published_item(
            project,
            verb="published_pilot",
            section=SECTION_PILOTS,
            clusters=clusters[project.pk],
            cities=cities[project.pk],
            projects={project.pk},
        )
        for project in projects
    ]


def projects_in_period(*, since, until, upcoming_until):
    return (
        Project.objects.published()
        .filter(published_at__gte=since, published_at__lte=until)
        .order_by(*NEWEST_FIRST)
        .only("id", "title", "slug", "summary", "published_at")
    )


def updates_describe(updates) -> list[ContentItem]:
    """An update is told to the followers of its pilot's clusters, cities and the pilot itself."""
    clusters, cities = _links_of_projects({update.project_id for update in updates})
    return [
        ContentItem(
            key=content_key(update),
            verb="published_update",
            section=SECTION_PILOTS,
            title=in_reader_language(
                lambda update=update: f"{update.project.title}: {update.title}"
            ),
            summary="",
            # An update has no page of its own: it is read on its pilot's page.
            path=page_path(update.project, fragment=f"update-{update.pk}"),
            published_at=update.published_at,
            cluster_ids=frozenset(clusters[update.project_id]),
            city_ids=frozenset(cities[update.project_id]),
            project_ids=frozenset({update.project_id}),
        )
        for update in updates
        if public_or_none(update.project) is not None
    ]


def updates_in_period(*, since, until, upcoming_until):
    return (
        ProjectUpdate.objects.published()
        # An update of a pilot withdrawn since would name a pilot nobody may open.
        .filter(published_at__gte=since, published_at__lte=until, project__in=public(Project))
        .select_related("project")
        .order_by(*NEWEST_FIRST)
        .only(
            "id",
            "title",
            "published_at",
            "project__id",
            "project__title",
            "project__slug",
            "project__status",
            "project__published_at",
        )
    )


def _staff_reviewers():
    users = get_user_model().objects
    in_staff_group = Q(groups__name=UN_STAFF) | Q(is_superuser=True)
    return users.filter(pk__in=users.filter(in_staff_group).values("pk"))


def _collaboration_path(request) -> str:
    # The request pages come with the collaboration issue; until then, link to the admin.
    for name, kwargs in (
        ("collaboration:detail", {"pk": request.pk}),
        ("projects:collaboration-detail", {"pk": request.pk}),
        ("admin:projects_collaborationrequest_change", {"object_id": request.pk}),
    ):
        try:
            return reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            continue
    return ""


def collaboration_request_changed_notify(
    *, request, change: str, actor, message_id: int | None = None
) -> int:
    """Tell the other side of the request; `change` is "message" or the request's new status."""
    if actor is not None and actor.pk == request.requester_id:
        # The partner acted: tell whoever handles the request, or the reviewing staff.
        users = (
            get_user_model().objects.filter(pk=request.assigned_to_id)
            if request.assigned_to_id
            else _staff_reviewers()
        )
    else:
        users = get_user_model().objects.filter(pk=request.requester_id)
    if actor is not None:
        users = users.exclude(pk=actor.pk)
    stamp = message_id if message_id is not None else request.updated_at.timestamp()
    is_message = change == "message"
    body = ""
    if not is_message:
        # The reason staff gave ("accepted: we will connect you with Shenzhen's team") is what
        # the partner most wants to read; it belongs in the email, not only behind the link.
        note = (
            request.status_changes.filter(to_status=change)
            .order_by("-pk")
            .values_list("note", flat=True)
            .first()
        )
        # The status's label in each reader's language, in the app as in the email.
        body = in_reader_language(
            lambda: "\n\n".join(part for part in (request.get_status_display(), note) if part)
        )
    return notify_people(
        users=users,
        key=f"collaboration:{request.pk}:{change}:{stamp}",
        verb="collaboration_message" if is_message else "collaboration_status",
        title=in_reader_language(lambda: str(request.target)),
        body=body,
        path=_collaboration_path(request),
        reason="request",
    )


def reviewers_new_request_notify(*, request) -> int:
    """Tell UN staff reviewers (but the requester) of a new collaboration request."""
    return notify_people(
        users=_staff_reviewers().exclude(pk=request.requester_id),
        key=f"collaboration:{request.pk}:new",
        verb="collaboration_new_request",
        title=in_reader_language(lambda: f"{request.get_kind_display()}: {request.target}"),
        body=request.organization_name or str(request.organization or ""),
        path=_collaboration_path(request),
        reason="reviewer",
    )
