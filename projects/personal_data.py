"""The projects app's part of a person's data: collaboration requests and their messages.

Requests stay when an account closes (the other side's record of the conversation); pilot
updates the person wrote stay too, without an author.
"""

from core.personal_data import PersonalDataSection, export_row, export_rows

from .models import CollaborationMessage, CollaborationRequest, ProjectUpdate


def _requests(user) -> list[dict]:
    requests = CollaborationRequest.objects.filter(requester=user).select_related(
        "organization", "project", "cluster", "city", "assigned_to", "accepted_project"
    )
    return [
        {
            **export_row(request),
            "messages": export_rows(
                CollaborationMessage.objects.filter(request=request).select_related("author")
            ),
        }
        for request in requests
    ]


def _erase(user) -> None:
    ProjectUpdate.objects.filter(author=user).update(author=None)


SECTIONS = (
    PersonalDataSection("collaboration_requests", _requests, erase=_erase, erase_order=20),
    PersonalDataSection(
        "collaboration_messages_written",
        lambda user: export_rows(
            CollaborationMessage.objects.filter(author=user).select_related("request")
        ),
    ),
)
