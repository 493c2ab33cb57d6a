from core.models import PublicationStatus
from core.roles import CITY_OFFICIAL

from .models import ReviewState


def proposal_editable_by(user, resource) -> bool:
    """A city official keeps their own proposal until an editor publishes it."""
    return (
        resource.proposed_by_id == user.pk
        and resource.review_state != ReviewState.NONE
        and resource.status == PublicationStatus.DRAFT
        and user.has_role(CITY_OFFICIAL)
    )
