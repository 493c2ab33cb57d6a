from django.db import transaction


@transaction.atomic
def cluster_save(*, form, actor):
    return form.save()
