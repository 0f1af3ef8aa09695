"""What happens when the last task of a moderation workflow approves (``WAGTAIL_FINISH_WORKFLOW_ACTION``)."""


def publish_approved(workflow_state, user=None):
    """Publish the approved revision as the approver. Belonging to the task's group is what entitles them to
    approve, so they need no "publish" permission on the page, which would also let them unpublish any page."""
    workflow_state.content_object.get_latest_revision().publish(user=user, skip_permission_checks=True)
