"""A city's profile, kept current by its own officials and by UN staff."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from core.editor import can_edit, form_page, history_page, refuse_unless

from . import services
from .forms import CityProfileForm
from .models import City


def city_edit(request, slug):
    city = get_object_or_404(City, slug=slug)
    refusal = refuse_unless(request, can_edit(request.user, city))
    if refusal:
        return refusal
    form = CityProfileForm(request.POST if request.method == "POST" else None, instance=city)
    return form_page(
        request,
        form=form,
        heading=_("Profile of %(city)s") % {"city": city.name},
        save=lambda: services.city_update(city=city, actor=request.user, data=form.cleaned_data),
        success_url=lambda saved: saved.get_absolute_url(),
        context={"obj": city},
    )


def city_history(request, slug):
    city = get_object_or_404(City, slug=slug)
    refusal = refuse_unless(request, can_edit(request.user, city))
    return refusal or history_page(request, obj=city, back_url=city.get_absolute_url())
