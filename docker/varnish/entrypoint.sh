#!/bin/sh
# Varnish in front of every container of the `web` service: `docker compose up --scale web=3` gives
# three addresses to the name "web"; this writes one backend per address (round robin, health probes)
# and reloads the VCL whenever the set changes (containers added, removed or restarted).
set -eu
BACKEND_HOST=${BACKEND_HOST:-web}
BACKEND_PORT=${BACKEND_PORT:-8000}
CACHE_SIZE=${CACHE_SIZE:-512m}
WORKDIR=/var/lib/varnish/pydotorg
mkdir -p "$WORKDIR"

addresses() {
    getent ahostsv4 "$BACKEND_HOST" | awk '{print $1}' | sort -u
}

write_backends() {
    out="$WORKDIR/backend.vcl"
    : > "$out"
    n=0
    for ip in $1; do
        n=$((n + 1))
        cat >> "$out" <<VCL
backend web$n {
    .host = "$ip";
    .port = "$BACKEND_PORT";
    .probe = {
        .request = "GET /robots.txt HTTP/1.1" "Host: localhost" "User-Agent: varnish-probe" "Connection: close";
        .interval = 5s; .timeout = 2s; .window = 5; .threshold = 3;
    }
}
VCL
    done
    cat >> "$out" <<'VCL'
acl purgers {
    "127.0.0.1";
    "::1";
    "10.0.0.0"/8;
    "172.16.0.0"/12;
    "192.168.0.0"/16;
}

sub init_backends {
    new web_nodes = directors.round_robin();
VCL
    i=0
    while [ "$i" -lt "$n" ]; do
        i=$((i + 1))
        echo "    web_nodes.add_backend(web$i);" >> "$out"
    done
    cat >> "$out" <<'VCL'
}

sub pick_backend {
    set req.backend_hint = web_nodes.backend();
}
VCL
}

until current=$(addresses) && [ -n "$current" ]; do
    echo "waiting for $BACKEND_HOST to resolve"; sleep 2
done
write_backends "$current"
varnishd -F -a :80 -T 127.0.0.1:6082 -n "$WORKDIR" -p vcl_path="$WORKDIR:/etc/varnish" \
    -f /etc/varnish/default.vcl -s "malloc,$CACHE_SIZE" &
VARNISHD=$!
trap 'kill "$VARNISHD"' TERM INT

generation=0
while kill -0 "$VARNISHD" 2>/dev/null; do
    sleep 10
    latest=$(addresses || true)
    if [ -n "$latest" ] && [ "$latest" != "$current" ]; then
        generation=$((generation + 1))
        write_backends "$latest"
        if varnishadm -n "$WORKDIR" vcl.load "web$generation" /etc/varnish/default.vcl >/dev/null \
            && varnishadm -n "$WORKDIR" vcl.use "web$generation" >/dev/null; then
            echo "web nodes now: $(echo "$latest" | tr '\n' ' ')"
            current=$latest
        fi
    fi
done
wait "$VARNISHD"
