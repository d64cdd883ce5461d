from pages.markup import render_markdown


def test_markdown_becomes_paragraphs_and_bold():
    html = render_markdown("Hello **there**\n\nSecond")
    assert html == "<p>Hello <strong>there</strong></p>\n<p>Second</p>"


def test_script_tags_never_survive():
    html = render_markdown("Before <script>alert(1)</script> after")
    assert "<script" not in html
    assert "alert(1)" not in html


def test_event_handlers_are_stripped_from_raw_html():
    html = render_markdown('<img src=x onerror="alert(1)"> <a href="#" onclick="x()">link</a>')
    assert "onerror" not in html
    assert "onclick" not in html
    assert "<img" not in html


def test_javascript_links_are_dropped():
    html = render_markdown("[click](javascript:alert(1))")
    assert "javascript:" not in html


def test_inline_rendering_drops_the_paragraph_wrapper():
    assert render_markdown("Just *one* line", inline=True) == "Just <em>one</em> line"
