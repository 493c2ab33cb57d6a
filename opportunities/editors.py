"""The editorial pages of opportunities, declared (core.content_editor): UN staff only."""

from django.utils.translation import gettext_lazy

from core.content_editor import ContentEditor

from . import services
from .forms import OpportunityForm
from .models import Opportunity


class OpportunityEditor(ContentEditor):
    model = Opportunity
    namespace = "opportunities"
    form_class = OpportunityForm
    new_heading = gettext_lazy("New opportunity")
    create_service = staticmethod(services.opportunity_create)
    update_service = staticmethod(services.opportunity_update)
    update_object_name = "opportunity"
    publish_service = staticmethod(services.opportunity_publish)
    unpublish_service = staticmethod(services.opportunity_unpublish)


OPPORTUNITY_EDITOR = OpportunityEditor()
