import pytest

from apps.core.markup import highlight_code, render_markdown, render_markup, render_restructuredtext, sanitize_html


@pytest.mark.parametrize(
    "dirty",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        '<a href="javascript:alert(1)">click</a>',
        "<iframe src='https://evil.example'></iframe>",
        "<style>body{display:none}</style>",
    ],
)
def test_sanitizer_removes_script_and_handlers(dirty):
    clean = sanitize_html(dirty)
    for bad in ("<script", "onerror", "javascript:", "<iframe", "<style"):
        assert bad not in clean


def test_markdown_renders_and_is_sanitised():
    html = render_markdown("# Title\n\nSome *emphasis* and <script>x()</script> [a link](https://python.org)")
    assert "<h2" in html and "<h1" not in html
    assert "<em>emphasis</em>" in html
    assert "<script" not in html
    assert 'href="https://python.org"' in html
    assert 'rel="noopener noreferrer"' in html


def test_restructuredtext_renders_without_raw_or_include_directives():
    html = render_restructuredtext("Heading\n=======\n\n*PSF*\n\n.. raw:: html\n\n   <script>x()</script>\n")
    assert "<em>PSF</em>" in html
    assert "<script" not in html
    included = render_restructuredtext(".. include:: /etc/passwd\n")
    assert "root:" not in included


def test_unknown_markup_is_escaped_text():
    assert render_markup("<b>hi</b>", "wiki") == "<p>&lt;b&gt;hi&lt;/b&gt;</p>"


def test_code_is_highlighted_and_escaped():
    html = highlight_code("print('<b>')", "python")
    assert 'class="highlight"' in html
    assert "&lt;b&gt;" in html
    assert "highlight" in highlight_code("???", "no-such-language")


def test_visitors_markup_cannot_imitate_a_site_notice():
    html = str(render_markdown('<div id="content" class="messages success">Your account was upgraded</div>'))
    assert 'id="content"' not in html and "messages" not in html
    assert 'id="user-content-content"' in html


def test_visitors_in_page_links_follow_the_prefixed_ids_and_code_keeps_its_colours():
    html = str(render_markdown("[Jump](#install)\n\n<h2 id=\"install\">Install</h2>\n\n    :::python\n    import os"))
    assert 'href="#user-content-install"' in html and 'id="user-content-install"' in html
    assert 'class="highlight"' in html and 'class="kn"' in html


def test_staff_markup_keeps_ids_and_classes():
    html = str(sanitize_html('<div id="intro" class="callout">Hi</div>'))
    assert html == '<div id="intro" class="callout">Hi</div>'
