"""The homepage code-sample carousel is driven by the published code-sample snippets, in the editors' order."""

import pytest

from apps.codesamples.models import CodeSample
from apps.codesamples.signals import samples_changed

pytestmark = pytest.mark.django_db


def sample(title, order, live=True):
    item = CodeSample(title=title, code=f">>> print({title!r})\n{title}", description=f"<p>About {title}.</p>",
                      sort_order=order, live=False)  # fmt: skip
    item.save()
    if live:
        item.save_revision().publish()
    return item


def test_published_samples_drive_the_carousel_in_order(client, home_page):
    sample("Functions Defined", 2)
    sample("Compound Data Types", 1)
    sample("Draft sample", 0, live=False)
    content = client.get("/").content.decode()
    assert content.index("Compound Data Types") < content.index("Functions Defined")
    assert "Draft sample" not in content
    assert "data-code-carousel" in content and "js/codesamples.js" in content
    assert content.count('role="tab"') == 2
    assert '<span class="nb">print</span>' in content or 'class="highlight"' in content


def test_links_in_a_description_lead_to_the_linked_page(client, home_page):
    from tests.factories import StandardPageFactory

    tutorial = StandardPageFactory(parent=home_page, title="Tutorial", slug="tutorial")
    item = sample("More Control Flow Tools", 0)
    item.description = f'<p>Read <a linktype="page" id="{tutorial.pk}">the tutorial</a>.</p>'
    item.save_revision().publish()
    samples_changed(sender=CodeSample)
    content = client.get("/").content.decode()
    assert '<a href="/tutorial/">the tutorial</a>' in content
    assert "linktype=" not in content


def test_unpublishing_a_sample_removes_it(client, home_page):
    first = sample("Quick & Easy to Learn", 0)
    sample("All the Flow You'd Expect", 1)
    assert "Quick &amp; Easy to Learn" in client.get("/").content.decode()
    CodeSample.objects.get(pk=first.pk).unpublish()
    assert not CodeSample.objects.get(pk=first.pk).live
    samples_changed(sender=CodeSample)
    assert "Quick &amp; Easy to Learn" not in client.get("/").content.decode()


def test_demo_loads_the_five_python_org_samples(data_dir):
    from apps.codesamples import demo

    demo.load(data_dir, None)
    demo.load(data_dir, None)  # idempotent
    titles = list(CodeSample.objects.published().values_list("title", flat=True))
    assert titles == ["Quick & Easy to Learn", "Intuitive Interpretation", "Compound Data Types",
                      "All the Flow You’d Expect", "Functions Defined"]  # fmt: skip
    fib = CodeSample.objects.get(title="Functions Defined")
    assert ">>> def fib(n):" in fib.code and "<span" not in fib.code


def test_editors_reorder_and_publish_samples_in_the_admin(client, editor):
    sample("Intuitive Interpretation", 0)
    client.force_login(editor)
    assert client.get("/admin/snippets/codesamples/codesample/").status_code == 200
    response = client.post("/admin/snippets/codesamples/codesample/add/", {
        "title": "Generators", "language": "pycon", "code": ">>> sum(x * x for x in range(10))\n285",
        "description": '{"blocks": [{"key": "a", "type": "unstyled", "text": "Lazy sequences.", "depth": 0, '
                       '"inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
        "action-publish": "publish",
    })  # fmt: skip
    assert response.status_code == 302
    assert CodeSample.objects.get(title="Generators").live
