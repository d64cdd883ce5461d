"""Markdown for staff-written text, sanitized so no script can reach a page."""

import markdown
import nh3

# What Markdown can produce and a clinic page needs; everything else is dropped.
ALLOWED_TAGS = {
    "p", "br", "strong", "em", "a", "ul", "ol", "li", "h3", "h4", "blockquote", "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def render_markdown(text, *, inline=False):
    """Return safe HTML for Markdown `text`; raw HTML in it is escaped or stripped.

    With `inline`, a single paragraph loses its <p> wrapper so it can follow a bold lead
    on the same line.
    """
    html = markdown.markdown(text or "", extensions=["sane_lists"], output_format="html")
    if inline and html.count("<p>") == 1 and html.startswith("<p>") and html.endswith("</p>"):
        html = html[3:-4]
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )
