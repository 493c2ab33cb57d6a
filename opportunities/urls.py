from django.urls import include, path

from core.routes import object_pages

from . import views

app_name = "opportunities"

# The fixed words come before `<slug>/` so an opportunity can never shadow them.
urlpatterns = [
    path("", views.opportunity_list, name="list"),
    path("feed/", views.OpportunityFeed(), name="feed"),
    path("applications/", views.my_applications, name="mine"),
    path("applications/review/", views.review_queue, name="review"),
    path("applications/<int:pk>/", views.application_detail, name="application"),
    *object_pages(
        "applications/<int:pk>/",
        {
            "edit": views.application_edit,
            "review": views.application_review,
            "withdraw": views.application_withdraw,
            "document": views.application_document,
        },
        name_prefix="application-",
    ),
    path("", include("opportunities.editor_urls")),
    path("<slug:slug>/", views.opportunity_detail, name="detail"),
    path("<slug:slug>/apply/", views.opportunity_apply, name="apply"),
]
