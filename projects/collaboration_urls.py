from django.urls import path

from core.routes import object_pages

from . import collaboration_views as views

app_name = "collaboration"

urlpatterns = [
    path("", views.collaboration_request_new, name="new"),
    path("mine/", views.collaboration_request_mine, name="mine"),
    path("review/", views.collaboration_review_queue, name="review"),
    path("<int:pk>/", views.collaboration_request_detail, name="detail"),
    path("<int:pk>/review/", views.collaboration_request_start_review, name="start-review"),
    *object_pages(
        "<int:pk>/",
        {
            "accept": views.collaboration_request_accept,
            "decline": views.collaboration_request_decline,
            "withdraw": views.collaboration_request_withdraw,
            "assign": views.collaboration_request_assign,
        },
    ),
    path("<int:pk>/messages/", views.collaboration_request_post_message, name="message"),
    path(
        "<int:pk>/messages/<int:message_pk>/attachment/",
        views.collaboration_attachment,
        name="attachment",
    ),
]
