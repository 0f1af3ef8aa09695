# docker/: replaced at start by entrypoint.sh with one backend per web container (see there).
backend web {
    .host = "web";
    .port = "8000";
    # A cheap page with no database or cache behind it: "down" means the process does not answer.
    .probe = {
        .request = "GET /robots.txt HTTP/1.1" "Host: localhost" "User-Agent: varnish-probe" "Connection: close";
        .interval = 5s; .timeout = 2s; .window = 5; .threshold = 3;
    }
}

acl purgers {
    "127.0.0.1";
    "::1";
    "10.0.0.0"/8;
    "172.16.0.0"/12;
    "192.168.0.0"/16;
}

sub init_backends {
    new web_nodes = directors.round_robin();
    web_nodes.add_backend(web);
}

sub pick_backend {
    set req.backend_hint = web_nodes.backend();
}
