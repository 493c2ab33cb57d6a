"""The staff page of matchmaking: what cities need and offer, and what the matches became."""

from django import forms
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from cities.models import Region
from clusters.models import Cluster
from core.editor import editor_only

from . import selectors


class MatrixFilterForm(forms.Form):
    cluster = forms.ModelChoiceField(
        label=gettext_lazy("Cluster"),
        queryset=Cluster.objects.order_by("order", "name"),
        required=False,
        to_field_name="slug",
        empty_label=gettext_lazy("All clusters"),
    )
    region = forms.ChoiceField(
        label=gettext_lazy("Region"),
        choices=[("", gettext_lazy("All regions")), *Region.choices],
        required=False,
    )


@require_safe
@editor_only
def matchmaking_overview(request):
    form = MatrixFilterForm(request.GET or None)
    cluster, region = None, ""
    if form.is_bound and form.is_valid():
        cluster, region = form.cleaned_data["cluster"], form.cleaned_data["region"]
    return render(
        request,
        "matchmaking/overview.html",
        {
            "form": form,
            "selected_region": region,
            **selectors.matrix(cluster=cluster, region=region),
            "match_requests": selectors.match_requests(),
            "breadcrumbs": [(_("Editor"), reverse("editor-desk")), (_("Matchmaking"), "")],
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )
