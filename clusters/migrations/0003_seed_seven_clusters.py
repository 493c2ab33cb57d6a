"""The seven thematic spaces of the South-South Cities Clusters exist from the start."""

from django.db import migrations

SEVEN_CLUSTERS = [
    {
        "slug": "covid-19-response-public-health",
        "name": "COVID-19 Response and Public Health",
        "summary": "Cities compare how they prepared for, responded to and recovered from health emergencies.",
        "colour": "#b3261e",
        "icon": "health",
        "sdgs": [3, 11, 17],
    },
    {
        "slug": "disaster-risk-reduction",
        "name": "Disaster Risk Reduction and Mitigation in Resilient Cities",
        "summary": "Local authorities share early warning, risk governance and preparedness know-how.",
        "colour": "#c25e00",
        "icon": "shield",
        "sdgs": [1, 11, 13, 17],
    },
    {
        "slug": "sustainable-tourism-heritage-creative-economy",
        "name": "Sustainable Tourism, Heritage Protection and Creative Economy",
        "summary": "Protecting heritage while tourism and creative work bring jobs to the city.",
        "colour": "#6a3d9a",
        "icon": "landmark",
        "sdgs": [8, 11, 12],
    },
    {
        "slug": "sustainable-agriculture-value-chains",
        "name": "Sustainable Agriculture Value Chain Development",
        "summary": "From urban farms to markets: value chains that feed cities and pay farmers fairly.",
        "colour": "#2e7d32",
        "icon": "sprout",
        "sdgs": [2, 8, 12, 15],
    },
    {
        "slug": "e-commerce-digitization-smart-cities",
        "name": "E-Commerce, Digitization and Smart Cities",
        "summary": "Digital public services, data platforms and e-commerce for small businesses.",
        "colour": "#1565c0",
        "icon": "cpu",
        "sdgs": [8, 9, 11, 17],
    },
    {
        "slug": "sustainable-transport-air-quality",
        "name": "Sustainable Transport and Air Quality",
        "summary": "Cleaner buses, safer streets and air that is measured and improved.",
        "colour": "#00838f",
        "icon": "bus",
        "sdgs": [3, 9, 11, 13],
    },
    {
        "slug": "waste-management-green-cities-renewable-energy",
        "name": "Waste Management, Green Cities and Renewable Energy",
        "summary": "Circular waste systems, green public space and renewable power for cities.",
        "colour": "#558b2f",
        "icon": "recycle",
        "sdgs": [6, 7, 11, 12, 13],
    },
]


def create_clusters(apps, schema_editor):
    Cluster = apps.get_model("clusters", "Cluster")
    for order, fields in enumerate(SEVEN_CLUSTERS, start=1):
        defaults = {key: value for key, value in fields.items() if key != "slug"}
        Cluster.objects.update_or_create(slug=fields["slug"], defaults={**defaults, "order": order})


def remove_clusters(apps, schema_editor):
    Cluster = apps.get_model("clusters", "Cluster")
    Cluster.objects.filter(slug__in=[c["slug"] for c in SEVEN_CLUSTERS]).delete()


class Migration(migrations.Migration):
    dependencies = [("clusters", "0002_initial")]

    operations = [migrations.RunPython(create_clusters, remove_clusters)]
