"""Data protection: everything the portal keeps about a person, as one JSON download."""

import datetime as dt
import json

from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core import personal_data


def user_personal_data(*, user) -> dict:
    return {"exported_at": timezone.now(), **personal_data.personal_data_export(user=user)}


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
