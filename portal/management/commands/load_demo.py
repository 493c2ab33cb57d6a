from django.core.management.base import BaseCommand, CommandError

from portal.demo import data
from portal.demo.services import MissingClustersError, demo_content_load


class Command(BaseCommand):
    help = (
        "Load the demo content: the Cities Project's real partners, the Tripoli–Shenzhen pilot, "
        "the 2020–2023 training series, and illustrative cities, pilots, events and resources "
        "in all seven clusters. Safe to run again: a rerun changes nothing. Demo accounts "
        f"(password {data.DEMO_PASSWORD!r}): {data.UN_STAFF_EMAIL} (UN staff editor), "
        f"{data.CITY_OFFICIAL_EMAIL} (Tripoli city official), {data.PARTNER_EMAIL} (partner)."
    )

    def handle(self, *args, **options):
        try:
            demo_content_load(stdout=self.stdout)
        except MissingClustersError as error:
            raise CommandError(str(error)) from error
