"""The precomputed suggestions of each city (matchmaking.services refreshes them)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.relations import optional_relation


class CityMatch(models.Model):
    """One suggestion for a city: a peer city, a pilot, an event, an organization...

    `kind` names the suggestion source (core.suggestions) and `target_id` the object within it;
    the page asks the source for the public object at display time, so a suggestion never names
    what the public may not see. `score_parts` and `reasons` say why, as data: the page renders
    them in the reader's language (matchmaking.reasons). `first_seen_at` stays as it was when a
    refresh finds the same suggestion again: it is what "new matches" in a digest means.
    """

    city = models.ForeignKey("cities.City", on_delete=models.CASCADE, related_name="matches")
    kind = models.CharField(_("kind"), max_length=30)
    target_id = models.PositiveBigIntegerField(_("target id"))
    topic = optional_relation(
        "clusters.Topic", verbose_name=_("main topic"), related_name="matches"
    )
    score = models.PositiveIntegerField(_("score"))
    score_parts = models.JSONField(_("score parts"), default=dict)
    reasons = models.JSONField(_("reasons"), default=list)
    first_seen_at = models.DateTimeField(_("first suggested at"))
    refreshed_at = models.DateTimeField(_("refreshed at"))

    class Meta:
        ordering = ["city", "-score", "kind", "target_id"]
        verbose_name = _("city match")
        verbose_name_plural = _("city matches")
        constraints = [
            models.UniqueConstraint(
                fields=["city", "kind", "target_id"], name="matchmaking_citymatch_unique"
            ),
        ]
        indexes = [
            # The city page and the API: one city's suggestions, best first.
            models.Index(fields=["city", "-score", "kind", "target_id"]),
            # Digests: what became a suggestion since the last one.
            models.Index(fields=["first_seen_at"]),
        ]

    def __str__(self):
        return f"{self.city_id}: {self.kind} {self.target_id} ({self.score})"
