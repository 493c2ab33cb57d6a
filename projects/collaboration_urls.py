from django.urls import path

from . import collaboration_views as views

app_name = "collaboration"

urlpatterns = [
    path("", views.collaboration_request_new, name="new"),
    path("mine/", views.collaboration_request_mine, name="mine"),
    path("review/", views.collaboration_review_queue, name="review"),
    path("<int:pk>/", views.collaboration_request_detail, name="detail"),
    path("<int:pk>/review/", views.collaboration_request_start_review, name="start-review"),
    path("<int:pk>/accept/", views.collaboration_request_accept, name="accept"),
    path("<int:pk>/decline/", views.collaboration_request_decline, name="decline"),
    path("<int:pk>/withdraw/", views.collaboration_request_withdraw, name="withdraw"),
    path("<int:pk>/assign/", views.collaboration_request_assign, name="assign"),
    path("<int:pk>/messages/", views.collaboration_request_post_message, name="message"),
    path(
        "<int:pk>/messages/<int:message_pk>/attachment/",
        views.collaboration_attachment,
        name="attachment",
    ),
]
