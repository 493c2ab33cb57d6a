"""Certificates of certified training series: issuing them once, and their PDF.

A participant earns the certificate of a certified series by attending
`sessions_required_for_certificate` of its sessions, or every published session when that number
is 0, and, when the series sets a `final_requirement`, once staff record that they met it. The
check runs after either step, so whichever comes last issues the certificate. Issuing is idempotent: the (user, series) unique constraint and get_or_create in a
savepoint mean two staff members marking the last session at once still make one certificate.
"""

import io
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max, Min
from django.utils import formats, translation
from django.utils.translation import gettext as _

from .models import (
    Certificate,
    Event,
    FinalRequirementCompletion,
    Registration,
    RegistrationStatus,
    TrainingSeries,
)
from .selectors import SEAT_HOLDING_STATUSES

# A Unicode font where the system has one, so names in Arabic script or Chinese still print
# (reportlab's built-in Helvetica covers Latin-1 only).
UNICODE_FONT_PATHS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
)


def certificate_sessions_required(*, series: TrainingSeries) -> int:
    if series.sessions_required_for_certificate:
        return series.sessions_required_for_certificate
    return Event.objects.published().filter(series=series).count()


def sessions_attended(*, user, series: TrainingSeries) -> int:
    return Registration.objects.filter(
        user=user, event__series=series, status=RegistrationStatus.ATTENDED
    ).count()


def final_requirement_met(*, user, series: TrainingSeries) -> bool:
    """Whether the user met the series' end-of-course requirement; True when there is none."""
    if not series.final_requirement:
        return True
    return FinalRequirementCompletion.objects.filter(user=user, series=series).exists()


@dataclass(frozen=True)
class CertificateProgress:
    series: TrainingSeries
    attended: int
    required: int
    # The requirement's text, empty when the series has none.
    final_requirement: str
    final_requirement_met: bool
    certificate: Certificate | None


def certificate_progress(*, user, series: TrainingSeries) -> CertificateProgress:
    """How far the user is towards the series' certificate, as they and staff see it."""
    return CertificateProgress(
        series=series,
        attended=sessions_attended(user=user, series=series),
        required=certificate_sessions_required(series=series),
        final_requirement=series.final_requirement,
        final_requirement_met=bool(series.final_requirement)
        and final_requirement_met(user=user, series=series),
        certificate=Certificate.objects.filter(user=user, series=series).first(),
    )


def certificate_progress_if_participant(
    *, user, series: TrainingSeries
) -> CertificateProgress | None:
    """The user's progress, or None when they never held a seat in the series (or signed out)."""
    if not user.is_authenticated or not series.is_certified:
        return None
    progress = certificate_progress(user=user, series=series)
    if progress.certificate is None and not _holds_a_seat(user=user, series=series):
        return None
    return progress


def _holds_a_seat(*, user, series: TrainingSeries) -> bool:
    return Registration.objects.filter(
        user=user, event__series=series, status__in=SEAT_HOLDING_STATUSES
    ).exists()


def certificate_progress_of(*, user) -> list[CertificateProgress]:
    """Progress in each certified series where the user holds a seat and has no certificate yet."""
    series_ids = (
        Registration.objects.filter(
            user=user, status__in=SEAT_HOLDING_STATUSES, event__series__is_certified=True
        )
        .exclude(event__series__certificates__user=user)
        .values("event__series")
    )
    return [
        certificate_progress(user=user, series=series)
        for series in TrainingSeries.objects.published().filter(pk__in=series_ids)
    ]


def certificate_issue_if_earned(*, user, series: TrainingSeries) -> tuple[Certificate | None, bool]:
    """The user's certificate for the series if they have earned it, and whether it is new."""
    if not series.is_certified:
        return None, False
    required = certificate_sessions_required(series=series)
    if (
        required == 0
        or sessions_attended(user=user, series=series) < required
        or not final_requirement_met(user=user, series=series)
    ):
        # A certificate issued earlier stays: unmarking attendance or the requirement, or
        # adding a requirement later, never takes one back.
        return Certificate.objects.filter(user=user, series=series).first(), False
    try:
        with transaction.atomic():
            return Certificate.objects.get_or_create(user=user, series=series)
    except IntegrityError:
        # Another transaction issued it between our read and our insert.
        return Certificate.objects.get(user=user, series=series), False


def certificates_of(*, user):
    return (
        Certificate.objects.filter(user=user).select_related("series").order_by("-issued_on", "-pk")
    )


def _fonts():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular, bold = UNICODE_FONT_PATHS
    if regular.exists() and bold.exists():
        if "PortalSans" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("PortalSans", str(regular)))
            pdfmetrics.registerFont(TTFont("PortalSans-Bold", str(bold)))
        return "PortalSans", "PortalSans-Bold"
    return "Helvetica", "Helvetica-Bold"


def _attended_dates(certificate: Certificate) -> str:
    span = Registration.objects.filter(
        user=certificate.user,
        event__series=certificate.series,
        status=RegistrationStatus.ATTENDED,
    ).aggregate(first=Min("event__starts_at"), last=Max("event__ends_at"))
    if not span["first"]:
        return certificate.series.years
    first = formats.date_format(span["first"], "DATE_FORMAT")
    last = formats.date_format(span["last"], "DATE_FORMAT")
    return first if first == last else f"{first} – {last}"


def certificate_pdf(*, certificate: Certificate, verify_url: str) -> bytes:
    """A one-page A4 landscape certificate: holder, series, organizers, dates and the code."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import cm
    from reportlab.pdfgen import canvas

    regular, bold = _fonts()
    width, height = landscape(A4)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    series = certificate.series
    organizers = ", ".join(org.display_name for org in series.organizers.all())
    with translation.override(settings.LANGUAGE_CODE):
        pdf.setTitle(_("Certificate: %(series)s") % {"series": series.title})
        pdf.setAuthor(settings.SITE_NAME)
        pdf.setStrokeColorRGB(0.04, 0.29, 0.55)
        pdf.setLineWidth(4)
        pdf.rect(1.2 * cm, 1.2 * cm, width - 2.4 * cm, height - 2.4 * cm)

        def centred(text, y, font, size):
            pdf.setFont(font, size)
            pdf.drawCentredString(width / 2, y, text)

        centred(settings.SITE_NAME, height - 3.2 * cm, regular, 14)
        centred(_("Certificate of completion"), height - 5 * cm, bold, 30)
        centred(_("This certifies that"), height - 6.8 * cm, regular, 14)
        centred(certificate.user.get_full_name(), height - 8.4 * cm, bold, 26)
        centred(_("completed the training series"), height - 10 * cm, regular, 14)
        centred(series.title[:90], height - 11.4 * cm, bold, 18)
        if organizers:
            centred(
                _("Organized by %(organizers)s") % {"organizers": organizers[:120]},
                height - 12.8 * cm,
                regular,
                12,
            )
        centred(
            _("Sessions attended: %(dates)s") % {"dates": _attended_dates(certificate)},
            height - 13.8 * cm,
            regular,
            12,
        )
        centred(
            _("Issued on %(date)s")
            % {"date": formats.date_format(certificate.issued_on, "DATE_FORMAT")},
            height - 14.8 * cm,
            regular,
            12,
        )
        centred(
            _("Verification code: %(code)s") % {"code": certificate.verification_code},
            3.6 * cm,
            bold,
            12,
        )
        centred(_("Check it at %(url)s") % {"url": verify_url}, 2.8 * cm, regular, 10)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
