"""A city's profile, kept current by its own officials and by UN staff (core.content_editor)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.content_editor import ContentEditor, FormsetSpec
from core.content_language import (
    active_language,
    language_names,
    name_in_running_text,
    original_language,
)
from core.editor import editing_home

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

    def extra_context(self, request, obj, **kwargs):
        heading = self.heading(request, obj)
        context = {"breadcrumbs": [editing_home(request.user), (heading, "")]}
        # The form writes the city's original language whatever the page's (core.content_editor):
        # on /ar/ it shows Tripoli's English texts, which the Arabic page replaces by their
        # translation. Said above the fields, so nobody types Arabic over the English.
        if original_language(obj) != active_language():
            language = original_language(obj)
            context["language_note"] = _(
                "Language of this form's texts: %(language)s, the city's original language. "
                "Translations are edited on their own pages, listed below the form."
            ) % {"language": name_in_running_text(language_names().get(language, language))}
        return context

    def after_save_url(self, obj):
        return obj.get_absolute_url()


CITY_EDITOR = CityEditor()
