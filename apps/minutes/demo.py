# ruff: noqa: E501 - meeting data reads best one report per line
"""Demo minutes: a year of monthly PSF board meetings (the board and staff named here are invented).

The newest meeting's minutes are a draft: the board approves minutes at its next meeting.
"""

import datetime

from apps.minutes.models import Minutes

DIRECTORS_BEFORE_ELECTION = [
    "Amara Okafor (Chair)", "Daniel Reyes (Vice Chair)", "Mei Lin Tan (Treasurer)", "Jonas Becker (Secretary)",
    "Priya Raman", "Tomás Álvarez", "Hannah Wójcik", "Kwame Mensah", "Sofia Lindqvist",
]  # fmt: skip
DIRECTORS_AFTER_ELECTION = [
    "Amara Okafor (Chair)", "Priya Raman (Vice Chair)", "Mei Lin Tan (Treasurer)", "Jonas Becker (Secretary)",
    "Daniel Reyes", "Kwame Mensah", "Sofia Lindqvist", "Rafael Costa", "Ayesha Siddiqui",
]  # fmt: skip
STAFF = [
    "Laura Whitfield (Executive Director)", "Marcus Hale (Director of Infrastructure)",
    "Elena Petrova (Director of Finance)", "Grace Mwangi (Community Programs Manager)",
]  # fmt: skip

# (meeting date, absent directors, reports [(who, text)], resolutions [(text, vote)], discussion [text])
MEETINGS = [
    (
        datetime.date(2025, 12, 10),
        ["Kwame Mensah"],
        [
            (
                "Executive Director",
                "The year-end fundraiser opened on December 1 and is ahead of last year's pace at the "
                "same point. Supporting memberships grew for the third month in a row.",
            ),
            (
                "Treasurer",
                "The Treasurer presented the draft 2026 budget, which keeps PyPI operations, the Developers-in-"
                "Residence and the grants program at their current levels and assumes PyCon US breaks even.",
            ),
        ],
        [
            (
                "RESOLVED, that the Python Software Foundation adopt the 2026 operating budget as presented by the "
                "Treasurer at this meeting.",
                "8-0-0",
            ),
            (
                "RESOLVED, that the Python Software Foundation grant $4,000 USD to PyCon Tanzania 2026 to cover venue "
                "accessibility costs and travel support for speakers.",
                "8-0-0",
            ),
        ],
        [
            "The board discussed the schedule for publishing the annual impact report and asked staff to circulate "
            "a draft by the end of January."
        ],
    ),
    (
        datetime.date(2026, 1, 14),
        [],
        [
            (
                "PyCon US",
                "Registration for PyCon US 2026 in Long Beach opened in December. The program committee received "
                "a record number of talk proposals; financial aid applications close on February 20.",
            ),
            (
                "Infrastructure",
                "PyPI served more traffic in December than in any previous month. The in-kind CDN "
                "agreement that carries PyPI and python.org downloads comes up for renewal in March.",
            ),
        ],
        [
            (
                "RESOLVED, that the Executive Director is authorised to renew the in-kind content delivery agreement for "
                "PyPI and python.org on terms substantially similar to the current agreement.",
                "9-0-0",
            ),
        ],
        [
            "Directors reviewed the year-end fundraiser results: the goal was met on December 29. The board thanked the "
            "staff and every donor."
        ],
    ),
    (
        datetime.date(2026, 2, 11),
        ["Tomás Álvarez"],
        [
            (
                "Treasurer",
                "The auditors have begun fieldwork for the 2025 financial statements. Cash reserves remain "
                "above the board's six-month policy minimum.",
            ),
            (
                "Code of Conduct Work Group",
                "The work group handled eleven reports in the fourth quarter, all closed. It "
                "asks for help recruiting two additional members with Spanish and Portuguese.",
            ),
        ],
        [
            (
                "RESOLVED, that the Python Software Foundation engage its current independent auditors for the audit of "
                "the 2025 financial statements.",
                "8-0-0",
            ),
            (
                "RESOLVED, that the Python Software Foundation grant $2,500 USD to Python Sul 2026 for its beginner "
                "workshops track.",
                "8-0-0",
            ),
        ],
        ["The board agreed to hold its June meeting in person during the week after PyCon US."],
    ),
    (
        datetime.date(2026, 3, 11),
        [],
        [
            (
                "PyCon US",
                "Financial aid offers went out on March 6. The conference will award grants to attendees from "
                "more than 40 countries. Hotel blocks are 70% booked.",
            ),
            (
                "Security",
                "The Security Developer-in-Residence reported on the CPython release signing work and the "
                "second round of third-party audits of pip and PyPI's upload path.",
            ),
        ],
        [
            (
                "RESOLVED, that the Python Software Foundation approve the Grants Work Group's recommendations for the "
                "first quarter of 2026, totalling $38,500 USD across fourteen events, as listed in the grants report.",
                "9-0-0",
            ),
        ],
        [
            "Directors discussed a request to extend the Packaging Work Group's charter; the group will present an "
            "updated charter in April."
        ],
    ),
    (
        datetime.date(2026, 4, 8),
        ["Hannah Wójcik"],
        [
            (
                "Treasurer",
                "The 2025 audit is complete with an unmodified opinion. Form 990 will be filed before the "
                "May 15 deadline.",
            ),
            (
                "Fiscal sponsorship",
                "Staff received three applications for fiscal sponsorship this quarter and recommend one for approval.",
            ),
        ],
        [
            (
                "RESOLVED, that the board accept the audited financial statements for the year ended December 31, 2025.",
                "8-0-0",
            ),
            (
                "RESOLVED, that the Python Software Foundation accept the Open Scientific Notebooks project as a fiscally "
                "sponsored project, subject to the standard fiscal sponsorship agreement.",
                "7-0-1",
            ),
            ("RESOLVED, that the Python Packaging Work Group's charter be renewed for two years as amended.", "8-0-0"),
        ],
        [
            "Sofia Lindqvist abstained on the fiscal sponsorship resolution, citing her role as an adviser to the "
            "project."
        ],
    ),
    (
        datetime.date(2026, 5, 27),
        ["Kwame Mensah", "Tomás Álvarez"],
        [
            (
                "PyCon US",
                "PyCon US 2026 welcomed its attendees in Long Beach. The sprints had the highest participation "
                "since 2019. The final financial report will follow in July.",
            ),
            (
                "Members' meeting",
                "The annual members' meeting took place at PyCon US; questions from members about "
                "the grants program and PyPI support were answered by staff and directors.",
            ),
        ],
        [
            (
                "RESOLVED, that the Python Software Foundation present Community Service Awards for the first quarter of "
                "2026 to the three nominees recommended by the awards committee.",
                "7-0-0",
            ),
        ],
        ["The board thanked the PyCon US staff and volunteers."],
    ),
    (
        datetime.date(2026, 6, 10),
        [],
        [
            (
                "Treasurer",
                "At mid-year, revenue is at 54% of budget and expenses at 47%. Sponsorship renewals are "
                "slightly behind plan; staff expect most to close in the third quarter.",
            ),
            (
                "Trademarks Work Group",
                "The work group approved 23 requests to use the Python logo, mostly for user "
                "groups and conferences, and declined two commercial uses that implied endorsement.",
            ),
            (
                "Diversity and Inclusion Work Group",
                "The group published its survey of conference organisers and "
                "recommends funding captioning at more events.",
            ),
        ],
        [
            (
                "RESOLVED, that the Python Software Foundation add $10,000 USD to the 2026 grants budget for live "
                "captioning at community events.",
                "9-0-0",
            ),
        ],
        [
            "The board met in person. Directors reviewed progress on the strategic plan; infrastructure reliability "
            "and grants remain the top priorities."
        ],
    ),
    (
        datetime.date(2026, 7, 8),
        ["Sofia Lindqvist"],
        [
            (
                "Elections",
                "The Secretary presented the 2026 board election timeline: nominations open July 29, "
                "voting September 2 to 16, results announced September 17. Three seats are up for election.",
            ),
            ("PyCon US", "PyCon US 2026 closed with a small surplus. Staff are negotiating venue dates for 2028."),
        ],
        [
            ("RESOLVED, that the board adopt the 2026 election timeline as presented by the Secretary.", "8-0-0"),
            (
                "RESOLVED, that the Python Software Foundation grant $5,000 USD to DjangoCon Africa 2026 for travel "
                "grants.",
                "8-0-0",
            ),
        ],
        ["Directors asked staff to publish a short guide for first-time board candidates."],
    ),
    (
        datetime.date(2026, 8, 12),
        [],
        [
            (
                "Packaging Work Group",
                "The group reported on funding for the PyPI organisation accounts work and on "
                "the new trusted-publishing adoption numbers.",
            ),
            (
                "Infrastructure",
                "Release downloads are now served from a second storage region, and the CPython "
                "release tooling uploads to both; the status page reports each region separately.",
            ),
        ],
        [
            (
                "RESOLVED, that the Python Software Foundation approve the Grants Work Group's recommendations for the "
                "second quarter of 2026, totalling $41,200 USD across sixteen events.",
                "9-0-0",
            ),
        ],
        ["Nominations for the board election closed with twelve candidates."],
    ),
    (
        datetime.date(2026, 9, 23),
        ["Hannah Wójcik"],
        [
            (
                "Elections",
                "The election administrator certified the results: Rafael Costa and Ayesha Siddiqui were "
                "elected and Daniel Reyes re-elected. Turnout among voting members was the highest on record.",
            ),
        ],
        [
            ("RESOLVED, that the board accept the certified results of the 2026 board election.", "8-0-0"),
        ],
        ["The board thanked outgoing directors Tomás Álvarez and Hannah Wójcik for their service."],
    ),
    (
        datetime.date(2026, 10, 14),
        [],
        [
            (
                "Executive Director",
                "Onboarding sessions for new directors took place on October 6 and 8. The year-end "
                "fundraiser will launch on December 1.",
            ),
        ],
        [
            (
                "RESOLVED, that Amara Okafor is elected Chair, Priya Raman Vice Chair, Mei Lin Tan Treasurer and Jonas "
                "Becker Secretary of the Python Software Foundation until the first board meeting after the 2027 "
                "election.",
                "9-0-0",
            ),
            ("RESOLVED, that the committee assignments circulated before the meeting are approved.", "9-0-0"),
        ],
        ["The board agreed to review the grants program's regional caps in its first quarter of 2027."],
    ),
    (
        datetime.date(2026, 11, 11),
        ["Rafael Costa"],
        [
            (
                "Treasurer",
                "The Treasurer presented a first reading of the 2027 budget. It will be voted on in "
                "December after directors' comments.",
            ),
            ("Grants", "The third quarter grants report lists nineteen events on five continents."),
        ],
        [
            (
                "RESOLVED, that the Python Software Foundation approve the Grants Work Group's recommendations for the "
                "third quarter of 2026, totalling $46,750 USD across nineteen events.",
                "8-0-0",
            ),
        ],
        ["Directors discussed the year-end fundraiser's goals and the plan for supporting membership renewals."],
    ),
]

PUBLISHED_UNTIL = datetime.date(2026, 10, 31)  # the November minutes await approval


def meeting_text(date, absent, reports, resolutions, discussion):
    directors = DIRECTORS_AFTER_ELECTION if date >= datetime.date(2026, 10, 1) else DIRECTORS_BEFORE_ELECTION
    present = [name for name in directors if name.split(" (")[0] not in absent]
    lines = [
        "Minutes of a Regular Meeting of the Board of Directors of the Python Software Foundation",
        "",
        "Date and time",
        "-------------",
        f"{date:%A}, {date:%B} {date.day}, {date.year}, 17:00 UTC, by video conference.",
        "",
        "Attendance",
        "----------",
        f"**Directors present:** {', '.join(present)}.",
        "",
        f"**Directors absent:** {', '.join(absent) if absent else 'none'}.",
        "",
        f"**Staff present:** {', '.join(STAFF)}.",
        "",
        "A quorum being present, the Chair called the meeting to order at 17:03 UTC. The minutes of the previous "
        "meeting were approved as circulated.",
        "",
        "Reports",
        "-------",
    ]
    for who, text in reports:
        lines += [f"**{who}.** {text}", ""]
    lines += ["Resolutions", "-----------"]
    for number, (text, vote) in enumerate(resolutions, start=1):
        approve, oppose, abstain = vote.split("-")
        lines += [
            f"{number}. {text}",
            "",
            f"   Approved, {approve} in favour, {oppose} opposed, {abstain} abstaining.",
            "",
        ]
    lines += ["Other business", "--------------"]
    for text in discussion:
        lines += [text, ""]
    lines += ["Adjournment", "-----------", "The Chair adjourned the meeting at 18:12 UTC.", ""]
    return "\n".join(lines)


def load(data_dir, stdout=None):
    created = 0
    for date, absent, reports, resolutions, discussion in MEETINGS:
        if Minutes.objects.filter(date=date).exists():
            continue
        minutes = Minutes(date=date, content=meeting_text(date, absent, reports, resolutions, discussion),
                          content_markup="restructuredtext", live=False)  # fmt: skip
        minutes.save()
        revision = minutes.save_revision()
        if date <= PUBLISHED_UNTIL:
            revision.publish()
        created += 1
    return f"{created} board meetings' minutes created"
