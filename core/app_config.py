"""What the domain apps' configs share: what each tells the layers below it when Django is ready.

Most apps register the same kinds of things: their editorial pages (core.editor) and the
sections of a person's data they hold (core.personal_data). A config declares them and
`ready()` registers them; what else an app tells lower layers (the notifications registry,
suggestion sources, signals) goes in its `register()`. The primary key type is the project's
DEFAULT_AUTO_FIELD setting, so no config repeats it.

Apps import this module, not the class (`app_config.DomainAppConfig`): Django takes the one
AppConfig class an app's apps.py holds as its config, and an imported class would be a second.
"""

from importlib import import_module

from django.apps import AppConfig
from django.apps import apps as installed_apps
from django.db.models.signals import post_migrate

from core.personal_data import personal_data_register


class DomainAppConfig(AppConfig):
    """The config of a domain app: declares what it registers; `ready()` registers it."""

    # Names in the app's `editors` module: the editors whose pages are registered, in order.
    editors: tuple[str, ...] = ()
    # Whether the app's `personal_data` module lists SECTIONS of a person's data.
    personal_data = False
    # `restore(apps, using)`: puts back seeded rows a flush emptied (the clusters, the site
    # pages). `flush`, and so every transactional test, sends post_migrate.
    restore_when_emptied = None

    def ready(self):
        if self.restore_when_emptied is not None:
            post_migrate.connect(self.post_migrate_restore, sender=self)
        for name in self.editors:
            getattr(self.module_named("editors"), name).register()
        if self.personal_data:
            personal_data_register(*self.module_named("personal_data").SECTIONS)
        self.register()

    def post_migrate_restore(self, sender, using, apps=None, **kwargs):
        # flush sends the signal without a migration state: the installed models stand in.
        type(self).restore_when_emptied(installed_apps if apps is None else apps, using)

    def module_named(self, name: str):
        return import_module(f"{self.name}.{name}")

    def register(self):
        """What else the app tells the layers below it; nothing by default."""
