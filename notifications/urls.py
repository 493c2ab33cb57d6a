from django.urls import path

from . import page_views, views

app_name = "notifications"

urlpatterns = [
    path("follow/", views.follow, name="follow"),
    path("unfollow/", views.unfollow, name="unfollow"),
    path("notifications/", page_views.notification_list, name="list"),
    path("notifications/<int:pk>/read/", page_views.notification_read, name="read"),
    path("notifications/read-all/", page_views.notification_read_all, name="read-all"),
    path("unsubscribe/<str:token>/", page_views.unsubscribe, name="unsubscribe"),
]
