"""Page pieces that apps with the same kind of page share.

A signed-in person's pages of their own things ("My certificates", "My applications") are
the same page over different lists. The review workflows (collaboration requests, applications
to opportunities) have the same actions: a signed-in POST that runs a service and says how it
went on the item's page, and a private file only the people who may see the item can download.
Feeds of published content describe their items alike. Each piece takes what differs (a URL name, a service, a message).
"""

import functools
import mimetypes

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.contrib.syndication.views import Feed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_POST

from core.media_storage import private_file_response


def own_page(template: str, *, breadcrumbs, **lists):
    """The view of a signed-in person's page of their own things; anonymous visitors sign in.

    Each of `lists` reads the things for a person (called with `user=`), under the name the
    template knows them by. `breadcrumbs` are built once, so lazily translated (and reversed).
    """

    @login_required
    def view(request):
        context = {name: read(user=request.user) for name, read in lists.items()}
        return render(request, template, {**context, "breadcrumbs": breadcrumbs})

    return view


def signed_in_post(url_name: str):
    """POST only; an anonymous visitor is sent to sign in, then to the item's page (`url_name`,
    with the view's `pk`), where the action's button is."""

    def decorator(view):
        @require_POST
        @functools.wraps(view)
        def wrapper(request, pk):
            if not request.user.is_authenticated:
                return redirect_to_login(reverse(url_name, kwargs={"pk": pk}), settings.LOGIN_URL)
            return view(request, pk)

        return wrapper

    return decorator


def action_run(request, action, *, refused, done_message: str, next_url: str):
    """Run `action()` (a service call) and say how it went on the next page.

    A refusal (an exception of the `refused` class, whose message is for the person) becomes an
    error message; otherwise `done_message` is shown.
    """
    try:
        action()
    except refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, done_message)
    return redirect(next_url)


def private_download(file, *, filename: str = ""):
    """A private file as a download named `filename` (its stored name when none was kept)."""
    content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    return private_file_response(
        file,
        filename=filename or file.name.rsplit("/", 1)[-1],
        content_type=content_type,
    )


class ContentFeed(Feed):
    """An Atom feed of published items that have a title, a summary and the usual dates.

    An item's id is a tag URI built from the site, the item's creation date and
    `item_guid_path(item)`: stable across slug edits, so readers do not see an item twice.
    """

    feed_type = Atom1Feed
    item_guid_is_permalink = False

    def item_title(self, item):
        return getattr(item, "title", str(item))

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_guid(self, item):
        site = settings.SITE_NAME.replace(" ", "-").lower()
        return f"tag:{site},{item.created_at:%Y-%m-%d}:{self.item_guid_path(item)}"

    def item_guid_path(self, item) -> str:
        # Unique across the kinds of item a feed may mix.
        return f"{item._meta.label_lower}/{item.pk}"
