from apps.banners.active import api_notice

API_PREFIX = "/api/"


class ApiNoticeMiddleware:
    """Tell API clients (release tooling) about maintenance windows: the ``X-API-Notice`` header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(API_PREFIX):
            notice = api_notice(request.path)
            if notice:
                response["X-API-Notice"] = notice
        return response
