from django.core.cache import cache

from apps.codesamples.models import GENERATION_KEY, CodeSample
from apps.core.cache import generation


def carousel_slides():
    """(title, highlighted code, description) of each published sample, in the editors' order; cached."""
    key = f"codesamples:slides:{generation(GENERATION_KEY)}"
    slides = cache.get(key)
    if slides is None:
        slides = [
            {"title": sample.title, "code": str(sample.highlighted()), "description": str(sample.description_html())}
            for sample in CodeSample.objects.published()
        ]
        cache.set(key, slides, 24 * 3600)
    return slides
