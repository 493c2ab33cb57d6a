"""Writes of a cluster's profile: the one path for its editorial page and the admin."""

from collections.abc import Mapping

from django.db import transaction

from core.services import model_save

from .models import Cluster


@transaction.atomic
def cluster_update(*, cluster: Cluster, actor, data: Mapping) -> Cluster:
    """UN staff change how a cluster presents itself; the history records who did it."""
    return model_save(cluster, data=data, actor=actor, reason="profile changed")
