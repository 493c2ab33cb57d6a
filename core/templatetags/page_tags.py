"""{% block_again "name" %}: print a block's content a second time in the same page.

Django renders each {% block %} once. A page whose heading is also its window title writes that title
once, in the block its layout puts in <title>; the layout prints the same block again in the <h1> with
this tag, so the two cannot drift apart (titled_page.html, account/base_page.html).
"""

from django import template
from django.template.loader_tags import BLOCK_CONTEXT_KEY

register = template.Library()


@register.simple_tag(takes_context=True)
def block_again(context, name):
    """The page's own version of block `name` (the most derived template's), rendered again.

    The block is printed as a page wrote it; `{{ block.super }}` inside it is not supported.
    """
    block_context = context.render_context.get(BLOCK_CONTEXT_KEY)
    block = block_context.get_block(name) if block_context else None
    if block is None:
        return ""
    # A node list renders to safe text: what it printed was escaped as it went.
    with context.push():
        return block.nodelist.render(context)
