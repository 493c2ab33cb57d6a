"""The soak's side process inside Django: followers, publishing that notifies them, the sweeper.

python soak/publisher.py setup FOLLOWERS       -> creates the soak cluster and its followers
python soak/publisher.py publish SECONDS EVERY -> publishes a resource every EVERY seconds
python soak/publisher.py sweep                 -> re-enqueues stuck outbox rows, prints counts
"""

import json
import os
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.db import transaction  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from clusters.models import Cluster  # noqa: E402
from core.models import PublicationStatus  # noqa: E402
from notifications import services as notification_services  # noqa: E402
from notifications.models import DeliveryChoice, OutboxEmail, Subscription  # noqa: E402
from notifications.services import outbox_sweep  # noqa: E402
from resources.models import Resource, ResourceKind  # noqa: E402

CLUSTER_SLUG = "soak-followed-cluster"
KEY_PREFIX = "published:resource:"


def setup(followers: int) -> dict:
    cluster, _ = Cluster.objects.get_or_create(
        slug=CLUSTER_SLUG, defaults={"name": "Soak test cluster", "colour": "#336699"}
    )
    for number in range(followers):
        user, _ = User.objects.get_or_create(
            email=f"soak-follower-{number}@example.org", defaults={"name": f"Follower {number}"}
        )
        Subscription.objects.get_or_create(
            user=user, cluster=cluster, defaults={"delivery": DeliveryChoice.IMMEDIATE}
        )
    return {"cluster": cluster.slug, "followers": followers}


def publish(seconds: float, every: float) -> dict:
    cluster = Cluster.objects.get(slug=CLUSTER_SLUG)
    deadline = time.monotonic() + seconds
    published, told, failures = [], 0, 0
    while time.monotonic() < deadline:
        number = len(published) + failures
        try:
            with transaction.atomic():
                resource = Resource.objects.create(
                    kind=ResourceKind.NEWS,
                    title=f"Soak news {number} {int(time.time())}",
                    slug=f"soak-news-{number}-{int(time.time() * 1000)}",
                    summary="Published during the soak test.",
                    status=PublicationStatus.PUBLISHED,
                    published_at=timezone.now(),
                )
                resource.clusters.add(cluster)
                told += notification_services.notify_content_published(obj=resource)
            published.append(resource.pk)
        except Exception as error:  # the run reports it; the loop keeps publishing
            failures += 1
            print(f"publish failed: {error!r}", file=sys.stderr, flush=True)
        time.sleep(every)
    return {"published": published, "told": told, "failures": failures}


def sweep() -> dict:
    # The soak waits seconds, not minutes: anything pending for 5 s or claimed 30 s ago goes again.
    enqueued = outbox_sweep(pending_for=timedelta(seconds=5), sending_for=timedelta(seconds=30))
    states = dict(
        OutboxEmail.objects.filter(idempotency_key__startswith=KEY_PREFIX)
        .values_list("state")
        .annotate(n=Count("id"))
        .values_list("state", "n")
    )
    return {"enqueued": enqueued, "states": states}


def outbox_rows() -> list[dict]:
    return list(
        OutboxEmail.objects.filter(idempotency_key__startswith=KEY_PREFIX).values(
            "idempotency_key", "state", "to_email"
        )
    )


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "setup":
        result = setup(int(args[0]))
    elif command == "publish":
        result = publish(float(args[0]), float(args[1]))
    elif command == "sweep":
        result = sweep()
    elif command == "rows":
        result = outbox_rows()
    else:
        raise SystemExit(f"unknown command {command}")
    print(json.dumps(result))
