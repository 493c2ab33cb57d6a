"""A city's profile, kept current by its own officials and by UN staff (core.content_editor)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.content_editor import ContentEditor, FormsetSpec

from . import services
from .forms import CityNeedFormSet, CityOfferFormSet, CityProfileForm
from .models import City
from .permissions import city_editable_by


class CityEditor(ContentEditor):
    model = City
    namespace = "cities"
    new_path = None  # cities are added by staff in the admin
    form_class = CityProfileForm
    formsets = (
        FormsetSpec(
            CityNeedFormSet,
            prefix="needs",
            legend=gettext_lazy("What the city needs"),
        ),
        FormsetSpec(
            CityOfferFormSet,
            prefix="offers",
            legend=gettext_lazy("What the city offers"),
        ),
    )
    multipart = True  # the photo
    update_service = staticmethod(services.city_update)
    update_object_name = "city"

    may_edit_fields = ("id",)

    def may_edit(self, user, obj):
        return city_editable_by(user, obj)

    def heading(self, request, obj, **kwargs):
        return _("Profile of %(city)s") % {"city": obj.name}

    def after_save_url(self, obj):
        return obj.get_absolute_url()


CITY_EDITOR = CityEditor()
