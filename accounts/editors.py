"""The translation and history pages of organizations (core.content_editor).

Organizations are written by UN staff in the admin; their description's other languages are
written on the same side-by-side translation page as every content type's, reached from the
admin's change page and, for editors, from the partner page.
"""

from django.urls import reverse

from core.content_editor import ContentEditor

from . import services
from .models import Organization


class OrganizationEditor(ContentEditor):
    model = Organization
    namespace = "partners"
    new_path = None
    has_edit_page = False  # the admin
    update_service = staticmethod(services.organization_update)
    update_object_name = "organization"

    def is_public(self, obj):
        return True  # every organization has its public partner page

    def edit_address(self, obj):
        return reverse("admin:accounts_organization_change", args=[obj.pk])


ORGANIZATION_EDITOR = OrganizationEditor()
