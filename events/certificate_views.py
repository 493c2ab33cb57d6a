"""Certificates: the public verification page, the holder's PDF and "My certificates"."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.roles import is_editor
from core.views import own_page

from . import certificates, selectors


def certificate_verify(request, code):
    """Anyone can check a code: the page says whose certificate it is, or that none exists."""
    certificate = selectors.certificate_by_code(code=code)
    if certificate is None:
        return render(
            request,
            "events/certificate_not_found.html",
            {"code": code, "breadcrumbs": [(_("Certificate not found"), "")]},
            status=404,
        )
    return render(
        request,
        "events/certificate_verify.html",
        {"certificate": certificate, "breadcrumbs": [(_("Certificate verification"), "")]},
    )


def certificate_verify_moved(request, code):
    # Codes printed before the short address existed keep working.
    return redirect("certificates:verify", code=code, permanent=True)


@login_required
def certificate_download(request, code):
    certificate = selectors.certificate_by_code(code=code)
    # Only the holder (and UN staff) download the PDF; the code alone only verifies.
    if certificate is None or not (
        certificate.user_id == request.user.pk or is_editor(request.user)
    ):
        raise Http404
    verify_url = request.build_absolute_uri(
        reverse("certificates:verify", kwargs={"code": certificate.verification_code})
    )
    response = HttpResponse(
        certificates.certificate_pdf(certificate=certificate, verify_url=verify_url),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="certificate-{certificate.series.slug}.pdf"'
    )
    return response


certificate_list_mine = own_page(
    "events/certificate_list.html",
    breadcrumbs=[(gettext_lazy("My certificates"), "")],
    certificates=certificates.certificates_of,
    in_progress=certificates.certificate_progress_of,
)
