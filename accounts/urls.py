from django.urls import path

from . import account_views, export

app_name = "accounts"

urlpatterns = [
    path("profile/", account_views.profile, name="profile"),
    path("profile/role-request/", account_views.role_request_create, name="role-request-create"),
    path("profile/delete/", account_views.account_delete, name="delete"),
    path("export/", export.personal_data_export, name="export"),
    path("role-requests/", account_views.role_request_review_list, name="role-request-list"),
    path(
        "role-requests/<int:pk>/decide/",
        account_views.role_request_decide,
        name="role-request-decide",
    ),
]
