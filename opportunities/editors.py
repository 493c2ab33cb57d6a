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
    services_module = services  # services.opportunity_create, _update, _publish, _unpublish
    update_object_name = "opportunity"


OPPORTUNITY_EDITOR = OpportunityEditor()
