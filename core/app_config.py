"""What the domain apps' configs share: what each tells the layers below it when Django is ready.

Most apps register the same kinds of things, found the way the admin finds an app's admin.py:
the editors their `editors` module defines (core.editor's registry) and the SECTIONS of a
person's data their `personal_data` module lists (core.personal_data). What else an app tells
lower layers (the notifications registry, suggestion sources, signals) goes in its
`register()`. The primary key type is the project's DEFAULT_AUTO_FIELD setting, so no config
repeats it.

Apps import this module, not the class (`app_config.DomainAppConfig`): Django takes the one
AppConfig class an app's apps.py holds as its config, and an imported class would be a second.
"""

from importlib import import_module

from django.apps import AppConfig
from django.apps import apps as installed_apps
from django.db.models.signals import post_migrate
from django.utils.module_loading import module_has_submodule

from core.personal_data import personal_data_register


class DomainAppConfig(AppConfig):
    """The config of a domain app: `ready()` registers what the app's modules declare."""

    # `restore(apps, using)`: puts back seeded rows a flush emptied (the clusters, the site
    # pages). `flush`, and so every transactional test, sends post_migrate.
    restore_when_emptied = None

    def ready(self):
        # Imported once the models are: the editors' module reads them.
        from core.content_editor import ContentEditor

        if self.restore_when_emptied is not None:
            post_migrate.connect(self.post_migrate_restore, sender=self)
        editors = self.own_module("editors")
        # In the order the module defines them (a pilot's before its updates').
        for value in vars(editors).values() if editors else ():
            if isinstance(value, ContentEditor):
                value.register()
        personal_data = self.own_module("personal_data")
        if personal_data:
            personal_data_register(*personal_data.SECTIONS)
        self.register()

    def post_migrate_restore(self, sender, using, apps=None, **kwargs):
        # flush sends the signal without a migration state: the installed models stand in.
        type(self).restore_when_emptied(installed_apps if apps is None else apps, using)

    def own_module(self, name: str):
        """The app's module `name`, None when the app has none."""
        if not module_has_submodule(self.module, name):
            return None
        return import_module(f"{self.name}.{name}")

    def register(self):
        """What else the app tells the layers below it; nothing by default."""
