"""The legal pages the footer links to: Legal Statements (/about/legal/) and the Privacy Notice (/privacy/).

Written for the demo site and loaded by ``apps.pages.demo``; editors change them in the admin like any page.
A page that already has more than a one-paragraph stub is left alone.
"""

from apps.core.models import SiteSettings
from apps.pages.models import StandardPage


def heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2", "anchor": ""}}


def paragraphs(*texts):
    return {"type": "rich_text", "value": "".join(f"<p>{text}</p>" for text in texts)}


LEGAL = {
    "title": "Legal Statements",
    "search_description": "Copyright, trademark and licence terms for python.org and the Python software, "
    "from the Python Software Foundation.",
    "body": [
        paragraphs(
            "The python.org website and the Python language are run by the Python Software Foundation (PSF), a "
            "non-profit organisation. This page says what you may do with the site's content, the Python "
            "software and the Python name and logos."
        ),
        heading("Copyright"),
        paragraphs(
            "The content of python.org is copyright © 2001 and later years by the Python Software Foundation, "
            "except where a page says otherwise. News, blog posts and success stories stay the copyright of "
            "their authors, who license them to the PSF for publication here.",
            "You may quote the site and link to any page. Republishing whole pages needs permission: write to "
            '<a href="mailto:psf@python.org">psf@python.org</a>.',
        ),
        heading("The Python software"),
        paragraphs(
            "Python is free and open source. Every release is distributed under the PSF License Agreement, "
            "an OSI-approved licence compatible with the GNU GPL, which lets you use, change and redistribute "
            "Python, also in commercial products, without a fee. The exact terms ship with each release in its "
            '<code>LICENSE</code> file and are on the <a href="/psf/license/">licence page</a>.',
            "Third-party packages on the Python Package Index carry their own licences; the PSF does not "
            "review or warrant them.",
        ),
        heading("Trademarks"),
        paragraphs(
            "“Python” and the Python logos are registered trademarks of the Python Software Foundation. "
            "You may use the name to refer to the language and to say that your software works with Python. "
            "Any other use of the name or logos, such as in a product name, a company name or on merchandise, "
            'follows the <a href="/psf/trademarks/">PSF Trademark Usage Policy</a>; ask '
            '<a href="mailto:psf-trademarks@python.org">psf-trademarks@python.org</a> when in doubt.',
        ),
        heading("No warranty"),
        paragraphs(
            "The site and the software are provided “as is”, without warranty of any kind. The PSF is not "
            "liable for any damage that comes from using them, to the extent the law allows.",
        ),
        heading("Reporting a problem"),
        paragraphs(
            "If you believe content on python.org infringes your copyright, email "
            '<a href="mailto:psf@python.org">psf@python.org</a> with the page address and what it copies. '
            "Security problems in Python itself go privately to the Python Security Response Team at "
            '<a href="mailto:security@python.org">security@python.org</a>.',
        ),
    ],
}

PRIVACY = {
    "title": "Privacy Notice",
    "search_description": "What personal data python.org collects, why, how long it is kept, and your rights, "
    "from the Python Software Foundation.",
    "body": [
        paragraphs(
            "The Python Software Foundation (PSF) runs python.org. This notice explains what we collect when you "
            "visit the site or create an account, what we use it for and the choices you have. We collect as "
            "little as we can and we never sell personal data."
        ),
        heading("When you visit"),
        paragraphs(
            "Our servers and our content delivery network keep standard access logs (IP address, time, page "
            "requested, browser) for up to 30 days, to keep the site running and to stop abuse. Pages carry no "
            "advertising and no third-party trackers.",
            "We set cookies only when you need them: a session cookie when you sign in and a security token "
            "when you send a form.",
        ),
        heading("When you create an account"),
        paragraphs(
            "Your account holds your username, email address, password (stored only as a salted hash) and the "
            "profile details you choose to add. We use your email address to sign you in, to send messages "
            "about what you asked for (a job posting, an event you submitted or starred, a nomination) and for "
            "PSF membership if you join.",
            "You decide in your profile whether your email address is shown and whether search engines may "
            "index your profile.",
        ),
        heading("Jobs, events and other submissions"),
        paragraphs(
            "Job postings, events and stories you submit are published with the contact details you enter in "
            "them. Moderators see your username and email address while reviewing.",
        ),
        heading("How long we keep it"),
        paragraphs(
            "Account data is kept while your account exists. When you delete your account from your profile "
            "page, your personal details are removed; content you published may stay, without your name. "
            "Email delivery logs are kept for one year.",
        ),
        heading("Your rights"),
        paragraphs(
            "You can see and correct your data on your profile page at any time, and delete your account there. "
            "For a copy of your data, or any question about this notice, write to "
            '<a href="mailto:privacy@python.org">privacy@python.org</a>. If you live in the EU or the UK you '
            "may also complain to your data protection authority.",
        ),
        heading("Changes"),
        paragraphs(
            "When this notice changes in a way that matters, we say so on this page and, for account holders, "
            "by email before the change takes effect.",
        ),
    ],
}


def is_stub(page):
    """A page whose body is at most one short paragraph (the placeholder the tree loader writes)."""
    raw = list(page.body.raw_data)
    return len(raw) <= 1 and all(block["type"] == "rich_text" and len(block["value"]) < 300 for block in raw)


def write_page(parent, slug, content):
    page = parent.get_children().filter(slug=slug).specific().first()
    if page is None:
        page = StandardPage(slug=slug, **content)
        parent.add_child(instance=page)
    elif isinstance(page, StandardPage) and is_stub(page):
        for field, value in content.items():
            setattr(page, field, value)
    else:
        return page, False
    page.save_revision().publish()
    return page, True


def load_legal_pages(home, site):
    """Write the two pages (under /about/ and at the root) and point the footer's links at them."""
    about = home.get_children().filter(slug="about").first() or home
    legal, legal_written = write_page(about, "legal", LEGAL)
    privacy, privacy_written = write_page(home, "privacy", PRIVACY)
    settings = SiteSettings.for_site(site)
    if settings.legal_page_id is None or settings.privacy_page_id is None:
        settings.legal_page_id = settings.legal_page_id or legal.pk
        settings.privacy_page_id = settings.privacy_page_id or privacy.pk
        settings.save()
    return legal_written + privacy_written
