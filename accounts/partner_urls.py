from django.urls import path

from . import views
from .editors import ORGANIZATION_EDITOR

urlpatterns = [
    path("", views.partner_list, name="list"),
    path("names/", views.partner_names, name="names"),
    *ORGANIZATION_EDITOR.urls(),
]
