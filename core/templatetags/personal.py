"""The personal parts of a page that may be shared by its signed-in readers (core.shared_pages).

    {% personal_include "includes/notification_bell.html" %}
        rendered here for this reader; in a shared body, per request, with the reader's own
        user, messages and unread count (and nothing else of the page's context)
    {% personal_if "city_official_of" city.pk %}<a ...>Propose an exchange</a>{% endpersonal_if %}
        the content when the predicate holds for the reader; a shared body keeps the content
        rendered once, and each request asks the predicate

Outside a shared rendering both render at once, for the reader, as `{% include %}` and `{% if %}`.
"""

from django import template

from core.shared_pages import personal_predicate, shared_render

register = template.Library()


@register.simple_tag(takes_context=True)
def personal_include(context, template_name: str):
    render = shared_render(context.get("request"))
    if render is not None:
        return render.hole("template", {"template": template_name})
    return context.template.engine.get_template(template_name).render(context)


class PersonalIfNode(template.Node):
    def __init__(self, predicate, argument, nodelist):
        self.predicate, self.argument, self.nodelist = predicate, argument, nodelist

    def render(self, context):
        name = self.predicate.resolve(context)
        argument = self.argument.resolve(context)
        request = context.get("request")
        render = shared_render(request)
        if render is not None:
            return render.hole(
                "choice",
                {
                    "predicate": name,
                    "arg": argument,
                    "yes": self.nodelist.render(context),
                    "no": "",
                },
            )
        if request is None or not personal_predicate(name)(request, [argument])[0]:
            return ""
        return self.nodelist.render(context)


@register.tag
def personal_if(parser, token):
    """{% personal_if "predicate" argument %}...{% endpersonal_if %}"""
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a predicate name and one argument")
    nodelist = parser.parse(("endpersonal_if",))
    parser.delete_first_token()
    return PersonalIfNode(parser.compile_filter(bits[1]), parser.compile_filter(bits[2]), nodelist)
