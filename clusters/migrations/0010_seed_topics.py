"""Each cluster starts with a list of topics cities can need or offer; staff extend it in the admin."""

from django.db import migrations

# Cluster slug -> topic names, in the order the lists show them. Slugs are made from the names.
SEED_TOPICS = {
    "covid-19-response-public-health": [
        "Disease surveillance",
        "Emergency health services",
        "Community health workers",
        "Vaccination campaigns",
        "Public health communication",
        "Health data systems",
    ],
    "disaster-risk-reduction": [
        "Early warning systems",
        "Risk governance",
        "Flood modelling",
        "Building codes",
        "Emergency operations",
        "Recovery planning",
    ],
    "sustainable-tourism-heritage-creative-economy": [
        "Heritage conservation",
        "Visitor management",
        "Creative industries",
        "Community-based tourism",
        "Historic urban landscapes",
    ],
    "sustainable-agriculture-value-chains": [
        "Urban farming",
        "Short food supply chains",
        "Cold chains and storage",
        "Farmer cooperatives",
        "Food markets",
    ],
    "e-commerce-digitization-smart-cities": [
        "Digital public services",
        "Open data",
        "E-commerce for small businesses",
        "Smart city platforms",
        "Digital skills",
    ],
    "sustainable-transport-air-quality": [
        "Bus rapid transit",
        "Air quality monitoring",
        "Walking and cycling",
        "Electric mobility",
        "Transport planning",
    ],
    "waste-management-green-cities-renewable-energy": [
        "Waste collection",
        "Recycling and waste banks",
        "Solar energy",
        "Energy efficiency",
        "Urban green space",
    ],
}


def _slug(name: str) -> str:
    from django.utils.text import slugify

    return slugify(name)


def create_topics(apps, schema_editor):
    Cluster = apps.get_model("clusters", "Cluster")
    Topic = apps.get_model("clusters", "Topic")
    clusters = {cluster.slug: cluster for cluster in Cluster.objects.all()}
    for cluster_slug, names in SEED_TOPICS.items():
        cluster = clusters.get(cluster_slug)
        if cluster is None:
            continue
        for order, name in enumerate(names, start=1):
            Topic.objects.get_or_create(
                slug=_slug(name), defaults={"cluster": cluster, "name": name, "order": order}
            )


def remove_topics(apps, schema_editor):
    Topic = apps.get_model("clusters", "Topic")
    slugs = [_slug(name) for names in SEED_TOPICS.values() for name in names]
    Topic.objects.filter(slug__in=slugs).delete()


class Migration(migrations.Migration):
    dependencies = [("clusters", "0009_topic")]

    operations = [migrations.RunPython(create_topics, remove_topics)]
