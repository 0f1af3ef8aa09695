import factory

from apps.community.models import Post


class PostFactory(factory.django.DjangoModelFactory):
    kind = Post.Kind.TEXT
    status = Post.Status.PUBLIC
    title = factory.Sequence(lambda n: f"Community news {n}")
    abstract = "News from a Python user group."
    body = "The **Python** user group met again."

    class Meta:
        model = Post
