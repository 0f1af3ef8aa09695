from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy

from apps.jobs.models import Job

FEED_SIZE = 20


class LatestJobsFeed(Feed):
    title = "Python Job Board"
    link = reverse_lazy("jobs:job_list")
    description = "The latest Python jobs approved on python.org."

    def items(self):
        return Job.objects.listed().order_by("-published_at", "-pk")[:FEED_SIZE]

    def item_title(self, job):
        return f"{job.job_title}, {job.company_name} ({job.display_location})"

    def item_description(self, job):
        return job.description_html()

    def item_pubdate(self, job):
        return job.published_at

    def item_categories(self, job):
        return [job.category.name]
