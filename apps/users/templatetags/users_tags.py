from django import template

from apps.users.menu import account_menu_links as menu_links

register = template.Library()


@register.simple_tag
def account_menu_links():
    return menu_links()
