"""Parsing what visitors and API clients send: strict, bounded, and a clear error for anything else.

Views and APIs parse query parameters and body values with these instead of ``int()`` or
``str.isdigit()`` (which accepts "²" and numbers too big for the database). Each parser raises
``ValueError`` with a message fit to show the client; callers turn it into a 400.
"""

import re

# PostgreSQL's bigint; anything larger cannot be a row id, an offset or a count here.
MAX_BIGINT = 2**63 - 1
ASCII_INT_RE = re.compile(r"-?[0-9]{1,19}")


def has_nul(value):
    """True when a string (or any string in a list/dict, recursively) holds a NUL character."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(has_nul(key) or has_nul(item) for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return any(has_nul(item) for item in value)
    return False


def parse_int(raw, *, minimum=None, maximum=MAX_BIGINT, name="value"):
    """An integer written in ASCII digits, within [minimum, maximum]; ValueError otherwise."""
    if isinstance(raw, bool):
        raise ValueError(f"{name} must be an integer")
    if isinstance(raw, int):
        value = raw
    elif isinstance(raw, str) and ASCII_INT_RE.fullmatch(raw.strip()):
        value = int(raw.strip())
    else:
        raise ValueError(f"{name} must be an integer")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be at least {minimum}")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be at most {maximum}")
    return value


def int_parser(*, minimum=None, maximum=MAX_BIGINT):
    """A one-argument parser (for filter tables) bound to these limits."""
    return lambda raw: parse_int(raw, minimum=minimum, maximum=maximum)


def parse_text(raw, *, max_length=None, name="value"):
    """A string without NUL characters and at most ``max_length`` characters long."""
    if not isinstance(raw, str):
        raise ValueError(f"{name} must be a string")
    if "\x00" in raw:
        raise ValueError(f"{name} must not contain NUL characters")
    if max_length is not None and len(raw) > max_length:
        raise ValueError(f"{name} must be at most {max_length} characters")
    return raw


def text_parser(*, max_length=1000):
    return lambda raw: parse_text(raw, max_length=max_length)
