from apps.core.tasks import task


@task()
def refresh_feed(feed_id):
    """Refresh one feed now (the admin's "Refresh now"); a broken feed is logged, not raised."""
    from apps.blogs import importer
    from apps.blogs.models import Feed

    feed = Feed.objects.filter(pk=feed_id).first()
    if feed is None:
        return None
    try:
        return importer.refresh_feed(feed).summary()
    except importer.FeedError as error:
        return f"failed: {error}"
