"""Editorial pages for programmes, pilots and their updates (UN staff only)."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.editor import (
    editor_only,
    form_page,
    formset_rows,
    history_page,
    preview_page,
    publication_action,
    with_legend,
)

from . import services
from .forms import (
    MilestoneFormSet,
    ProjectCityFormSet,
    ProjectForm,
    ProjectPartnerFormSet,
    ProjectUpdateForm,
)
from .models import Project, ProjectUpdate


def _edit_url(project):
    return reverse("projects:edit", kwargs={"slug": project.slug})


def _project_page(request, project):
    data = request.POST if request.method == "POST" else None
    form = ProjectForm(data, instance=project)
    formsets = [
        with_legend(
            ProjectCityFormSet(data, instance=project or Project(), prefix="cities"),
            _("Cities and their roles"),
        ),
        with_legend(
            ProjectPartnerFormSet(data, instance=project or Project(), prefix="partners"),
            _("Partners and their roles"),
        ),
        with_legend(
            MilestoneFormSet(data, instance=project or Project(), prefix="milestones"),
            _("Milestones"),
        ),
    ]

    def save():
        cities, partners, milestones = (formset_rows(formset) for formset in formsets)
        rows = {"cities": cities, "partners": partners, "milestones": milestones}
        if project is None:
            return services.project_create(actor=request.user, data=form.cleaned_data, **rows)
        return services.project_update(
            project=project, actor=request.user, data=form.cleaned_data, **rows
        )

    return form_page(
        request,
        form=form,
        formsets=formsets,
        heading=project.title if project else _("New project"),
        save=save,
        success_url=_edit_url,
        context={
            "obj": project,
            "show_updates": project is not None,
            "updates": project.updates.all() if project else [],
        },
    )


@editor_only
def project_create(request):
    return _project_page(request, None)


@editor_only
def project_edit(request, slug):
    return _project_page(request, get_object_or_404(Project, slug=slug))


@editor_only
def project_preview(request, slug):
    project = get_object_or_404(Project, slug=slug)
    return preview_page(
        request,
        objs=[project],
        obj=project,
    )


@require_POST
@editor_only
def project_publish(request, slug):
    project = get_object_or_404(Project, slug=slug)
    return publication_action(
        request,
        obj=project,
        action=services.project_publish,
        done_message=_("Published."),
        next_url=project.get_absolute_url(),
    )


@require_POST
@editor_only
def project_unpublish(request, slug):
    project = get_object_or_404(Project, slug=slug)
    return publication_action(
        request,
        obj=project,
        action=services.project_unpublish,
        done_message=_("Back to draft: the page is hidden from the public."),
        next_url=_edit_url(project),
    )


@editor_only
def project_history(request, slug):
    project = get_object_or_404(Project, slug=slug)
    return history_page(request, obj=project, back_url=_edit_url(project))


def _update_page(request, project, update):
    form = ProjectUpdateForm(request.POST if request.method == "POST" else None, instance=update)

    def save():
        if update is None:
            return services.project_update_create(
                actor=request.user, data={**form.cleaned_data, "project": project}
            )
        return services.project_update_update(
            project_update=update, actor=request.user, data=form.cleaned_data
        )

    return form_page(
        request,
        form=form,
        heading=_("Update of %(project)s") % {"project": project.title},
        save=save,
        success_url=lambda saved: reverse(
            "projects:update-edit", kwargs={"slug": project.slug, "pk": saved.pk}
        ),
        context={"obj": update, "parent": project},
    )


@editor_only
def update_create(request, slug):
    return _update_page(request, get_object_or_404(Project, slug=slug), None)


def _get_update(slug, pk):
    return get_object_or_404(
        ProjectUpdate.objects.select_related("project"), project__slug=slug, pk=pk
    )


@editor_only
def update_edit(request, slug, pk):
    update = _get_update(slug, pk)
    return _update_page(request, update.project, update)


@editor_only
def update_preview(request, slug, pk):
    update = _get_update(slug, pk)
    return preview_page(
        request,
        objs=[update.project, update],
        obj=update,
    )


@require_POST
@editor_only
def update_publish(request, slug, pk):
    update = _get_update(slug, pk)
    return publication_action(
        request,
        obj=update,
        action=services.project_update_publish,
        done_message=_("Update published."),
        next_url=update.project.get_absolute_url(),
    )


@require_POST
@editor_only
def update_unpublish(request, slug, pk):
    update = _get_update(slug, pk)
    return publication_action(
        request,
        obj=update,
        action=services.project_update_unpublish,
        done_message=_("Update back to draft."),
        next_url=reverse("projects:update-edit", kwargs={"slug": slug, "pk": pk}),
    )


@editor_only
def update_history(request, slug, pk):
    update = _get_update(slug, pk)
    return history_page(
        request,
        obj=update,
        back_url=reverse("projects:update-edit", kwargs={"slug": slug, "pk": pk}),
    )
