# Varnish in front of gunicorn: the site's shared HTTP cache (the same model as Fastly in production).
#
# - caches only what Django marked public (`Cache-Control: public, s-maxage=…`), for s-maxage;
# - never caches private responses: signed-in visitors (session cookie), the admin, POSTs, responses
#   that set cookies or say private/no-store, or that carry a CSP nonce;
# - strips tracking query strings (utm_*, fbclid, gclid …) so they share one cached copy;
# - grace: stale copies are served while one request revalidates, and for a day when the backend is down;
# - purges by URL (`PURGE /path`) and by surrogate key (`PURGE` with `xkey-purge: key1 key2` or
#   `xkey-softpurge`), only from the `purgers` ACL.
#
# backend.vcl (found on vcl_path) declares the backends and the `purgers` ACL, and defines
# `sub pick_backend` (`make varnish` writes one for gunicorn on loopback; docker/varnish/entrypoint.sh
# one per web container).
vcl 4.1;

import std;
import xkey;
import directors;

include "backend.vcl";

sub vcl_init {
    call init_backends;
}

sub vcl_recv {
    call pick_backend;

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purging is not allowed from " + client.ip));
        }
        if (req.http.xkey-purge) {
            set req.http.x-purged = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.x-purged + " objects"));
        }
        if (req.http.xkey-softpurge) {
            set req.http.x-purged = xkey.softpurge(req.http.xkey-softpurge);
            return (synth(200, "Soft-purged " + req.http.x-purged + " objects"));
        }
        return (purge);
    }

    # Tracking parameters never change a page: drop them so every campaign link shares one copy.
    if (req.url ~ "[?&](utm_[a-z]+|fbclid|gclid|gclsrc|dclid|msclkid|mc_cid|mc_eid|_ga|_gl|igshid|yclid|twclid)=") {
        set req.url = regsuball(req.url, "(?<=[?&])(utm_[a-z]+|fbclid|gclid|gclsrc|dclid|msclkid|mc_cid|mc_eid|_ga|_gl|igshid|yclid|twclid)=[^&]*&?", "");
        set req.url = regsub(req.url, "[?&]+$", "");
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Personal and operational pages.
    if (req.url ~ "^/(admin|accounts|django-admin|django-rq|_health|users/menu)(/|$|\?)") {
        return (pass);
    }
    # A signed-in visitor (or one with a message waiting) gets pages rendered for them.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # Anonymous pages are the same for everyone: other cookies (analytics, csrftoken) do not matter.
    unset req.http.Cookie;
    # The site is in one language; do not split the cache by Accept-Language.
    unset req.http.Accept-Language;

    # Stale copies: while one request revalidates (stale-while-revalidate), or for a day when the
    # backend is down.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 60s;
    } else {
        set req.grace = 24h;
    }
    return (hash);
}

sub vcl_hash {
    # One site: the URL alone names a page, whichever host name reached it (purges use the canonical one).
    hash_data(req.url);
    return (lookup);
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
        || beresp.http.Cache-Control !~ "s-maxage"
        || beresp.http.Content-Security-Policy ~ "'nonce-") {
        # Hit-for-miss: remember for a while that this URL is not cacheable, without storing it.
        set beresp.uncacheable = true;
        set beresp.ttl = 60s;
        return (deliver);
    }
    if (beresp.status >= 500) {
        # Keep serving the stale copy instead of caching an error.
        if (bereq.is_bgfetch) {
            return (abandon);
        }
        set beresp.uncacheable = true;
        set beresp.ttl = 5s;
        return (deliver);
    }
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    # TTL comes from s-maxage (Varnish reads it); copies stay a day past it for grace.
    set beresp.grace = 24h;
    return (deliver);
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    set resp.http.X-Cache-Hits = obj.hits;
    # Surrogate keys are for caches, not browsers.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    return (deliver);
}

sub vcl_backend_error {
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Cache-Control = "no-store";
    synthetic({"<!DOCTYPE html><html lang="en"><head><title>Python.org is unavailable</title></head><body><h1>Python.org is unavailable</h1><p>Please try again in a minute.</p></body></html>"});
    return (deliver);
}
