"""A cluster's profile, edited by UN staff (core.content_editor)."""

from core.content_editor import ContentEditor

from . import services
from .forms import ClusterForm
from .models import Cluster


class ClusterEditor(ContentEditor):
    model = Cluster
    namespace = "clusters"
    new_path = None  # the seven clusters are seeded; more are added in the admin
    form_class = ClusterForm
    update_service = staticmethod(services.cluster_update)
    update_object_name = "cluster"

    def heading(self, request, obj, **kwargs):
        return obj.name

    def after_save_url(self, obj):
        return obj.get_absolute_url()


CLUSTER_EDITOR = ClusterEditor()
