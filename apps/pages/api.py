"""The read-only pages API (``/api/v1/pages/page/``, ``/api/v2/pages/page/``): content pages as python.org listed
them (title, path, keywords, description, content, is_published, template_name, resource_uri)."""

from django_filters import rest_framework as filters
from rest_framework import generics, serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.core.api import V1_LIMIT, StrictFilterSet, TastypiePagination
from apps.pages.models import StandardPage

MARKUP_BLOCKS = ("markdown", "restructuredtext", "raw_html")


class PageFilterSet(StrictFilterSet):
    title = filters.CharFilter(field_name="title")
    path = filters.CharFilter(method="filter_path")
    keywords = filters.CharFilter(method="filter_keywords")
    keywords__icontains = filters.CharFilter(method="filter_keywords")
    is_published = filters.BooleanFilter(field_name="live")

    class Meta:
        model = StandardPage
        fields = []

    def filter_path(self, queryset, name, value):
        return queryset.filter(url_path__endswith=f"/{value.strip('/')}/")

    def filter_keywords(self, queryset, name, value):
        return queryset.none() if value else queryset  # pages here have no keyword field


class PageSerializer(serializers.ModelSerializer):
    path = serializers.SerializerMethodField()
    keywords = serializers.SerializerMethodField()
    description = serializers.CharField(source="search_description")
    content = serializers.SerializerMethodField()
    is_published = serializers.BooleanField(source="live")
    template_name = serializers.SerializerMethodField()
    resource_uri = serializers.SerializerMethodField()

    class Meta:
        model = StandardPage
        fields = [
            "title",
            "path",
            "keywords",
            "description",
            "content",
            "is_published",
            "template_name",
            "resource_uri",
        ]

    def to_representation(self, page):
        data = super().to_representation(page)
        return dict(sorted(data.items())) if self.context["version"] == "v1" else data  # tastypie sorted its keys

    def get_path(self, page):
        """The page's path on the site, without slashes around it, as python.org's ``Page.path``."""
        return "/".join(page.url_path.strip("/").split("/")[1:])

    def get_keywords(self, page):
        return ""

    def get_template_name(self, page):
        return ""

    def get_content(self, page):
        """A single markup block is given as written (markdown, reST, HTML); otherwise the rendered body."""
        blocks = list(page.body)
        if len(blocks) == 1 and blocks[0].block_type in MARKUP_BLOCKS:
            return blocks[0].value
        return str(page.body)

    def get_resource_uri(self, page):
        path = f"/api/{self.context['version']}/pages/page/{page.pk}/"
        return self.context["request"].build_absolute_uri(path) if self.context["version"] == "v2" else path


class PageAPIMixin:
    serializer_class = PageSerializer
    filterset_class = PageFilterSet
    filter_backends = [filters.DjangoFilterBackend]
    permission_classes = [AllowAny]
    authentication_classes = []
    version = "v2"

    def get_queryset(self):
        return StandardPage.objects.live().public().order_by("pk")

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "version": self.version}


class PageListV2(PageAPIMixin, generics.ListAPIView):
    pagination_class = None


class PageDetailV2(PageAPIMixin, generics.RetrieveAPIView):
    filter_backends = []


class PageListV1(PageListV2):
    version = "v1"
    pagination_class = TastypiePagination


class PageDetailV1(PageDetailV2):
    version = "v1"


class PageSchemaV1(APIView):
    """``/api/v1/pages/page/schema/``: the resource as tastypie described it (read-only fields and filters)."""

    authentication_classes = []
    permission_classes = [AllowAny]

    def get(self, request):
        fields = {
            name: {
                "blank": name == "resource_uri",
                "default": "",
                "help_text": "",
                "nullable": False,
                "primary_key": False,
                "readonly": True,
                "type": "boolean" if isinstance(field, serializers.BooleanField) else "string",
                "unique": False,
                "verbose_name": name.replace("_", " "),
            }
            for name, field in PageSerializer(context={"version": "v1"}).fields.items()
        }
        filtering = {
            "title": ["exact"],
            "keywords": ["exact", "icontains"],
            "path": ["exact"],
            "is_published": ["exact"],
        }
        return Response({
            "allowed_detail_http_methods": ["get"],
            "allowed_list_http_methods": ["get"],
            "default_format": "application/json",
            "default_limit": V1_LIMIT,
            "fields": dict(sorted(fields.items())),
            "filtering": filtering,
        })  # fmt: skip
