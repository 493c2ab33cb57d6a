"""The site pages, edited by UN staff (core.content_editor)."""

from core.content_editor import ContentEditor

from . import services
from .forms import SitePageForm
from .models import SitePage


class SitePageEditor(ContentEditor):
    model = SitePage
    namespace = "portal"
    name_prefix = "page-"
    object_path = "pages/<slug:slug>/"
    new_path = None  # the five pages come with the site; more are added in the admin
    form_class = SitePageForm
    update_service = staticmethod(services.site_page_update)
    update_object_name = "page"

    def after_save_url(self, obj):
        return obj.get_absolute_url()


SITE_PAGE_EDITOR = SitePageEditor()
