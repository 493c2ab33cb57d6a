"""Editorial pages of a cluster's profile (UN staff only)."""

from django.shortcuts import get_object_or_404

from core.editor import editor_only, form_page, history_page

from . import services
from .forms import ClusterForm
from .models import Cluster

# --- Clusters -----------------------------------------------------------------------------------


@editor_only
def cluster_edit(request, slug):
    cluster = get_object_or_404(Cluster, slug=slug)
    form = ClusterForm(request.POST if request.method == "POST" else None, instance=cluster)
    return form_page(
        request,
        form=form,
        heading=cluster.name,
        save=lambda: services.cluster_update(
            cluster=cluster, actor=request.user, data=form.cleaned_data
        ),
        success_url=lambda saved: saved.get_absolute_url(),
        context={"obj": cluster},
    )


@editor_only
def cluster_history(request, slug):
    cluster = get_object_or_404(Cluster, slug=slug)
    return history_page(request, obj=cluster, back_url=cluster.get_absolute_url())
