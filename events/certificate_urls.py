from django.urls import path

from . import certificate_views as views

app_name = "certificates"

# "mine/" comes first: a verification code is never that short, but the order makes it certain.
urlpatterns = [
    path("mine/", views.certificate_list_mine, name="mine"),
    path("<str:code>/", views.certificate_verify, name="verify"),
    path("<str:code>/certificate.pdf", views.certificate_download, name="pdf"),
]
