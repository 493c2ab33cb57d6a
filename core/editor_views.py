"""Editorial helpers every content type's form uses."""

from django.http import JsonResponse
from taggit.models import Tag

from core.editor import editor_only

TAG_SUGGESTIONS = 15


@editor_only
def tag_suggestions(request):
    query = request.GET.get("q", "").strip()
    tags = Tag.objects.order_by("name")
    if query:
        tags = tags.filter(name__istartswith=query)
    return JsonResponse({"tags": list(tags.values_list("name", flat=True)[:TAG_SUGGESTIONS])})
