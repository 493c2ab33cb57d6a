import datetime as dt
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from notifications.models import DigestPeriod
from notifications.readers import digest_reader_count
from notifications.run import digest_period_start
from notifications.services import digest_build_and_send

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Build and queue the daily or weekly digest for every reader who chose it. "
        "Safe to rerun: a reader gets one digest per period."
    )

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, choices=DigestPeriod.values)
        parser.add_argument(
            "--dry-run", action="store_true", help="Build the digests but send and record nothing."
        )
        parser.add_argument(
            "--date",
            help="Run as if today were this date (YYYY-MM-DD); picks the period it covers.",
        )

    def handle(self, *args, period, dry_run, date, **options):
        try:
            today = dt.date.fromisoformat(date) if date else timezone.now().date()
        except ValueError as exc:
            raise CommandError(f"--date must look like 2026-01-31: {exc}") from exc
        period_start = digest_period_start(period=period, today=today)
        total = digest_reader_count(period=period)
        self.stdout.write(
            f"{period.capitalize()} digest from {period_start.isoformat()}: {total} readers"
            + (" (dry run: nothing is sent or recorded)" if dry_run else "")
        )
        done = 0

        def progress(batch_size):
            nonlocal done
            done += batch_size
            self._draw(done, total)

        summary = digest_build_and_send(
            period=period, period_start=period_start, dry_run=dry_run, on_batch=progress
        )
        if total:
            self._draw(total, total, final=True)
        verb = "would be sent" if dry_run else "queued"
        self.stdout.write(
            self.style.SUCCESS(
                f"{summary.sent} digests {verb}, {summary.nothing_new} readers had nothing new, "
                f"{summary.already_sent} already had this period's digest."
            )
        )

    def _draw(self, done, total, final=False):
        total = max(total, done, 1)
        filled = round(BAR_WIDTH * done / total)
        line = f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total}"
        # Redraw in place on a terminal; one line per batch in a log file.
        if self.stdout.isatty():
            self.stdout.write(line, ending="\n" if final else "")
            sys.stdout.flush()
        elif not final:
            self.stdout.write(line.lstrip("\r"))
