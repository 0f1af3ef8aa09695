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
