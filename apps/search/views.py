from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from apps.core.cache import add_surrogate_keys, cached_value, content_generation_keys
from apps.search.query import MAX_QUERY_LENGTH, clean_query, search_everything

RESULTS_PER_PAGE = 20


@require_GET
def search(request):
    raw_query = request.GET.get("q", "")
    query = clean_query(raw_query)
    messages = []
    context = {"query": query, "results": None, "messages_": messages}

    if len(raw_query) > MAX_QUERY_LENGTH:
        messages.append(_("Your search was shortened to its first %(n)s characters.") % {"n": MAX_QUERY_LENGTH})
    if not query:
        if raw_query.strip():
            messages.append(_("Your search had no words we could look for. Try plain words."))
        else:
            messages.append(_("Type a word or two to search python.org."))
        return add_surrogate_keys(render(request, "search/search.html", context), "search")

    # The same words give the same results until some content changes (or for a minute, for sources
    # whose changes core does not hear of): every page of results and every process reuse them.
    results = cached_value(
        "search",
        lambda: search_everything(query, request),
        generation_keys=content_generation_keys(),
        vary=(request.get_host(), query),
    )
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        results = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        results = paginator.page(1)
    except EmptyPage:
        results = paginator.page(paginator.num_pages)
    context.update(results=results, paginator=paginator)
    if not paginator.count:
        messages.append(_("No results found for “%(query)s”.") % {"query": query})
    return add_surrogate_keys(render(request, "search/search.html", context), "search")
