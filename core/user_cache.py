"""The signed-in user, with their roles, read from the shared cache rather than the database.

Every signed-in request loads its user (AuthenticationMiddleware) and, as soon as a page or
permission asks, the user's roles: two queries before the page does anything, on every page and
API call. The user row and their role names change rarely and only through saves this module
hears about, so the authentication backends below keep them in the shared cache (Redis) for
USER_CACHE_SECONDS:

- saving or deleting a user, and adding or removing their groups, forgets the kept copy at once
  and again when the transaction commits (a request in between could have kept the old row);
- Django still checks the session's password hash against the kept user on every request, so a
  password change signs other sessions out as before;
- 0 (the default outside production with Redis) turns it off: a per-process cache would not hear
  another process's saves, and a deactivated account could stay signed in there.
"""

from __future__ import annotations

from allauth.account.auth_backends import AuthenticationBackend as AllauthAuthenticationBackend
from django.conf import settings
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.core.cache import cache
from django.db import transaction

from core.roles import role_names

KEY_PREFIX = "signed-in-user:v1:"


def user_cache_key(user_id) -> str:
    return f"{KEY_PREFIX}{user_id}"


def user_forget(*, user_ids) -> None:
    """Forget the kept copies of these users, now and once the current transaction commits."""
    keys = [user_cache_key(user_id) for user_id in user_ids]
    if not keys or settings.USER_CACHE_SECONDS <= 0:
        return
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


class CachedUserMixin:
    """`get_user` (what AuthenticationMiddleware calls each request) from the shared cache."""

    def get_user(self, user_id):
        seconds = settings.USER_CACHE_SECONDS
        if seconds <= 0:
            return super().get_user(user_id)
        key = user_cache_key(user_id)
        user = cache.get(key)
        if user is None:
            user = super().get_user(user_id)
            if user is None:
                return None
            role_names(user)  # read now, so it is kept with the user
            cache.set(key, user, seconds)
        return user if self.user_can_authenticate(user) else None


class ModelBackend(CachedUserMixin, DjangoModelBackend):
    """Django's backend (the admin's sign-in), its user kept in the shared cache."""


class AuthenticationBackend(CachedUserMixin, AllauthAuthenticationBackend):
    """allauth's backend (the site's sign-in), its user kept in the shared cache."""


def user_saved(sender, instance, **kwargs) -> None:
    user_forget(user_ids=[instance.pk])


def user_groups_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    if not reverse:  # user.groups.add(...): the instance is the user
        if action.startswith("post_"):
            user_forget(user_ids=[instance.pk])
    elif action == "pre_clear":  # group.user_set.clear(): its members, while they still are
        group_members_forget(sender=type(instance), instance=instance)
    elif action.startswith("post_") and pk_set:  # group.user_set.add(...): the users are pk_set
        user_forget(user_ids=pk_set)


def group_members_forget(sender, instance, **kwargs) -> None:
    """Before a group is emptied or deleted (its links go without m2m_changed): its members."""
    user_forget(user_ids=list(instance.user_set.values_list("pk", flat=True)))
