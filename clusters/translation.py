"""Which cluster fields are written in every language (core.translation_registry)."""

from core.translation_registry import translatable_register

from .models import Cluster, Topic

translatable_register(Cluster, ("name", "summary", "description"))
# A topic's name reads in the reader's language wherever it is shown (needs, offers, the reasons
# of a suggestion, the matrix); staff write the names in the admin. Topics keep no history.
translatable_register(Topic, ("name",), history=False)
