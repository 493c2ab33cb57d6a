"""Data protection: everything the portal keeps about a person, as one JSON download."""

import datetime as dt
import json

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from events.models import Certificate, Registration
from notifications.models import Digest, Notification, OutboxEmail, Subscription
from projects.models import CollaborationMessage, CollaborationRequest

from .models import RoleRequest

# Never exported: a password hash or an authenticator secret is not "data about" the person,
# and a download that leaks one would turn a stolen session into a stolen account.
SECRET_FIELDS = {"password", "data"}


def _row(obj: models.Model, *, exclude=()) -> dict:
    """Every concrete field of a row; a foreign key as its id and its readable name."""
    row = {}
    for field in obj._meta.concrete_fields:
        if field.name in SECRET_FIELDS or field.name in exclude:
            continue
        if field.is_relation:
            related = getattr(obj, field.name)
            row[field.name] = None if related is None else {"id": related.pk, "name": str(related)}
        elif isinstance(field, models.FileField):
            file = getattr(obj, field.name)
            row[field.name] = file.name or None
        else:
            row[field.name] = getattr(obj, field.attname)
    return row


def _rows(queryset, **options) -> list[dict]:
    return [_row(obj, **options) for obj in queryset]


def user_personal_data(*, user) -> dict:
    requests = CollaborationRequest.objects.filter(requester=user).select_related(
        "organization", "project", "cluster", "city", "assigned_to", "accepted_project"
    )
    return {
        "exported_at": timezone.now(),
        "profile": _row(user, exclude=("user_permissions",)),
        "roles": list(user.groups.values_list("name", flat=True)),
        "email_addresses": _rows(EmailAddress.objects.filter(user=user)),
        "two_factor_authenticators": [
            {"type": a.type, "created_at": a.created_at, "last_used_at": a.last_used_at}
            for a in Authenticator.objects.filter(user=user)
        ],
        "role_requests": _rows(
            RoleRequest.objects.filter(user=user).select_related(
                "city", "organization", "reviewed_by"
            )
        ),
        "subscriptions": _rows(
            Subscription.objects.filter(user=user).select_related("cluster", "city", "project")
        ),
        "registrations": _rows(Registration.objects.filter(user=user).select_related("event")),
        "certificates": _rows(Certificate.objects.filter(user=user).select_related("series")),
        "collaboration_requests": [
            {
                **_row(request),
                "messages": _rows(
                    CollaborationMessage.objects.filter(request=request).select_related("author")
                ),
            }
            for request in requests
        ],
        "collaboration_messages_written": _rows(
            CollaborationMessage.objects.filter(author=user).select_related("request")
        ),
        "notifications": _rows(Notification.objects.filter(recipient=user)),
        "digests": _rows(Digest.objects.filter(user=user), exclude=("outbox_email",)),
        "emails": _rows(
            OutboxEmail.objects.filter(recipient=user),
            exclude=("html_body", "headers", "last_error"),
        ),
    }


@require_safe
@never_cache
@login_required
def personal_data_export(request):
    data = user_personal_data(user=request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    filename = f"my-data-{dt.date.today().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
