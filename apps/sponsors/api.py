"""The sponsor API PyPI and PyCon read: logo placements and sponsorship assets (python.org's JSON shape).

Token authentication (``Authorization: Token …``, the users' API tokens); staff or holders of the
``sponsors.sponsor_publisher`` permission only.
"""

from rest_framework import permissions, serializers
from rest_framework.authentication import BaseAuthentication, SessionAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.sponsors import placements
from apps.sponsors.models import LogoPlace, Publisher, SponsorAsset
from apps.users.models import ApiCredential


class TokenAuthentication(BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request):
        header = get_authorization_header(request).decode("latin-1").strip()
        if not header:
            return None
        keyword, _, token = header.partition(" ")
        if keyword.lower() != self.keyword.lower() or not token.strip():
            raise AuthenticationFailed("Use “Authorization: Token …”.")
        user = ApiCredential.objects.user_for_token(token.strip())
        if user is None or not user.is_active:
            raise AuthenticationFailed("Invalid token.")
        return user, None

    def authenticate_header(self, request):
        return self.keyword


class SponsorPublisherPermission(permissions.BasePermission):
    message = "Only staff and sponsor publishers can read the sponsor API."

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated and user.is_active):
            return False
        return user.is_staff or user.is_superuser or user.has_perm("sponsors.sponsor_publisher")


class SponsorContactSerializer(serializers.Serializer):
    name = serializers.CharField()
    email = serializers.EmailField()
    primary = serializers.BooleanField()
    administrative = serializers.BooleanField()
    accounting = serializers.BooleanField()
    manager = serializers.BooleanField()


class LogoPlacementSerializer(serializers.Serializer):
    publisher = serializers.CharField()
    flight = serializers.CharField()
    sponsor = serializers.CharField()
    sponsor_id = serializers.CharField()
    sponsor_slug = serializers.CharField()
    description = serializers.CharField()
    logo = serializers.URLField()
    white_logo = serializers.URLField(allow_null=True)
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    sponsor_url = serializers.URLField(allow_blank=True)
    level_name = serializers.CharField()
    level_order = serializers.IntegerField(allow_null=True)
    contacts = SponsorContactSerializer(many=True)


class LogoPlacementFilters(serializers.Serializer):
    publisher = serializers.ChoiceField(choices=Publisher.choices, required=False)
    flight = serializers.ChoiceField(choices=LogoPlace.choices, required=False)
    year = serializers.IntegerField(required=False, min_value=2000, max_value=2100)


class AssetSerializer(serializers.ModelSerializer):
    content_type = serializers.CharField(source="content_type_name")
    value = serializers.SerializerMethodField()
    sponsor = serializers.CharField(source="sponsor.name")
    sponsor_slug = serializers.CharField(source="sponsor.slug")

    class Meta:
        model = SponsorAsset
        fields = ["internal_name", "uuid", "value", "content_type", "sponsor", "sponsor_slug"]

    def get_value(self, asset):
        if not asset.has_value:
            return ""
        if asset.is_file:
            return self.context["request"].build_absolute_uri(asset.file.url)
        return asset.value


class AssetFilters(serializers.Serializer):
    internal_name = serializers.CharField(max_length=128)
    list_empty = serializers.BooleanField(required=False, default=False)


class SponsorAPIView(APIView):
    authentication_classes = [TokenAuthentication, SessionAuthentication]
    permission_classes = [SponsorPublisherPermission]


class LogoPlacementList(SponsorAPIView):
    """GET /api/v2/sponsors/logo-placement/?publisher=&flight=&year=: one row per logo placement."""

    def get(self, request):
        filters = LogoPlacementFilters(data=request.query_params)
        filters.is_valid(raise_exception=True)
        rows = placements.api_placements(request, **filters.validated_data)
        return Response(LogoPlacementSerializer(rows, many=True).data)


class SponsorshipAssetList(SponsorAPIView):
    """GET /api/v2/sponsors/sponsorship-assets/?internal_name=…[&list_empty=true]."""

    def get(self, request):
        filters = AssetFilters(data=request.query_params)
        filters.is_valid(raise_exception=True)
        assets = SponsorAsset.objects.filter(internal_name=filters.validated_data["internal_name"]).select_related(
            "sponsor"
        )
        if not filters.validated_data["list_empty"]:
            assets = assets.with_value()
        return Response(AssetSerializer(assets.order_by("sponsor__name", "pk"), many=True,
                                        context={"request": request}).data)  # fmt: skip
