"""The query layer over every indexed model (pages now; domains add their models)."""

import re
import unicodedata

from wagtail.models import Page

MAX_QUERY_LENGTH = 200
# Characters that carry query syntax in some backends; searched as plain words instead.
_OPERATORS = re.compile(r"[\"'`^~*:()\[\]{}<>|&!\\+=-]+")


def clean_query(raw: str) -> str:
    """Turn any user input into plain words: normalised, no control characters or operators, bounded."""
    text = unicodedata.normalize("NFKC", raw or "")[:MAX_QUERY_LENGTH]
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    text = _OPERATORS.sub(" ", text)
    return " ".join(text.split())


def search_everything(query: str):
    """Live, public pages matching ``query``, best first."""
    return Page.objects.live().public().specific().search(query, operator="and")
