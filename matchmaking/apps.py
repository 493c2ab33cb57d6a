from django.utils.translation import gettext_lazy as _

from core import app_config


class MatchmakingConfig(app_config.DomainAppConfig):
    name = "matchmaking"
    verbose_name = _("Matchmaking")

    def register(self):
        # The built-in suggestion sources, the refresh on change, and the digest's section.
        from core.suggestions import suggestion_refresh_register
        from notifications.registry import digest_section_register

        from . import signals
        from .digest import new_matches_for_readers
        from .services import matches_refresh_enqueue
        from .sources import register_builtin_sources

        register_builtin_sources()
        suggestion_refresh_register(matches_refresh_enqueue)
        signals.connect()
        digest_section_register(
            "new_matches", heading=_("New matches for your city"), fetch=new_matches_for_readers
        )
