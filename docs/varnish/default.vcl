vcl 4.1;

# Varnish in front of Newsdesk, purged by dependency key.
#
# Newsdesk sends every cacheable reader page with the keys of what it shows
# (Surrogate-Key: article-12 list-tag-7 settings ...) and
# Cache-Control: public, max-age=60, s-maxage=60, stale-while-revalidate=3600.
# With PURGE_STYLE=varnish-xkey and PURGE_URL=http://127.0.0.1:6081 it sends
# `PURGE /` with an `xkey-purge: <keys>` header on every content change, and
# this file drops exactly the objects tagged with one of them (vmod xkey, from
# Debian's varnish-modules). Everything else lives out its s-maxage, then is
# served for up to stale-while-revalidate while Varnish fetches it anew.
#
#   apt-get install varnish varnish-modules
#   varnishd -a 127.0.0.1:6081 -f /path/to/default.vcl -s malloc,256m
#
# Change the backend to where `newsdesk serve` listens.

import xkey;

backend newsdesk {
    .host = "127.0.0.1";
    .port = "3000";
}

# Who may purge: Newsdesk, on this machine.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge) {
            set req.http.x-purged = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.x-purged));
        }
        return (purge);
    }
    # Only reads are cached; the back office and its API never are.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/admin(/|\?|$)" || req.url ~ "^/api/admin/") {
        return (pass);
    }
    # Reader pages are the same for everyone: a cookie (the back office's, when an
    # editor reads the site) must not keep a page from being shared.
    unset req.http.Cookie;
    unset req.http.Authorization;
    return (hash);
}

sub vcl_backend_response {
    # xkey indexes objects by the `xkey` header.
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    # Varnish reads s-maxage for the TTL; stale-while-revalidate sets the grace.
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Varnish-Cache = "HIT";
    } else {
        set resp.http.X-Varnish-Cache = "MISS";
    }
    # The keys are for caches, not for readers.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
}
