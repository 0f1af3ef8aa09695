"""Demo success stories: the legacy categories and companies, with stories written for this site."""

import json

from wagtail.models import Page, Site

from apps.successstories.models import Company, StoryCategory, StoryIndexPage, StoryPage
from apps.successstories.services import ensure_moderation_workflow

# (company slug, category slug, title, author, pull quote, featured, body paragraphs)
STORIES = [
    ("pittman-cardenas", "engineering", "Faster bridge inspections with Python", "Cynthia Allen",
     "Python let our structural engineers turn a week of spreadsheet work into a script that runs before lunch.",
     True,
     ["Pittman-Cardenas inspects road and rail bridges for regional transport authorities. Every inspection "
      "produces thousands of sensor readings, photographs and hand-written notes, and for years engineers "
      "merged them by hand in spreadsheets.",
      "The team started with a small Python script that read the strain-gauge exports and flagged readings "
      "outside the design tolerances. Within a year it had grown into an internal package built on NumPy, "
      "pandas and Matplotlib that produces the full inspection report, including charts, from a single command.",
      "Because Python reads almost like the engineers' own notes, the people who know the bridges best can "
      "review and extend the checks themselves. Reports now go out in two days instead of ten."]),
    ("chapman-group", "government", "Open data for a city council", "Jonathan Simpson",
     "We publish more than two hundred public datasets every night, and the whole pipeline is plain Python.",
     False,
     ["Chapman Group runs the open-data programme of a mid-sized city council. Residents, journalists and "
      "researchers expect planning applications, bus punctuality and air-quality readings to be online, "
      "accurate and up to date.",
      "The nightly pipeline is written in Python: it pulls records from a dozen internal systems, removes "
      "personal data, validates each file against its published schema and uploads the results. Django "
      "powers the public catalogue where people browse and download the data.",
      "Python's standard library covers most of the formats the council deals with, and the wider ecosystem "
      "fills the gaps, so a team of three maintains a service used by thousands of people."]),
    ("johnson-bennett-and-rivera", "software-development", "Replacing a legacy build system", "Melissa Williams",
     "Moving our build tooling to Python cut release preparation from a full day to twenty minutes.",
     False,
     ["Johnson, Bennett and Rivera ships desktop software for architects on three operating systems. Its "
      "release process depended on a tangle of shell and batch scripts that only two people fully understood.",
      "The developers rewrote the tooling as a Python package with a small command-line interface. The same "
      "code now runs on every developer's machine and in continuous integration, with tests for every step.",
      "New team members read the build code on their first day, and releases are no longer tied to the "
      "availability of one person."]),
    ("carpenter-barnes-and-long", "business", "Forecasting demand for a wholesale distributor", "Allison Singh",
     "Our forecasts used to be guesses with decimals. With Python they are models we can explain to buyers.",
     False,
     ["Carpenter, Barnes and Long supplies hardware shops across four countries. Ordering too much ties up "
      "warehouse space; ordering too little loses customers.",
      "The analytics team built weekly demand forecasts with pandas and scikit-learn, reading sales history "
      "and seasonal promotions straight from the company's database. Jupyter notebooks let analysts share "
      "their reasoning with the buyers who place the orders.",
      "Stock-outs fell by a third in the first year, and the same code base now plans staff rotas for the "
      "busiest weeks."]),
    ("duran-llc", "scientific", "Analysing field samples at scale", "William Lopez",
     "Python is the common language between our field biologists, statisticians and lab technicians.",
     False,
     ["Duran LLC is an environmental laboratory that analyses water and soil samples for conservation "
      "projects. Each season brings tens of thousands of measurements from instruments of different makes.",
      "Python scripts convert every instrument's output into one tidy format, run quality checks and feed "
      "statistical models that estimate pollutant trends over time. Results are shared as reproducible "
      "notebooks alongside the published reports.",
      "Researchers who had never programmed before now write their own analyses, because Python lets them "
      "start small and grow."]),
    ("edwards-evans-and-morgan", "arts", "Generative visuals for live theatre", "Matthew Pennington",
     "Python lets our designers change the stage visuals during rehearsal, while the actors are still on stage.",
     False,
     ["Edwards, Evans and Morgan designs lighting and projection for touring theatre productions. Visuals "
      "have to react to music and movement, and directors change their minds during rehearsals.",
      "The studio's projection system is controlled by Python: scripts read cues from the stage manager's "
      "console, generate visuals and send them to the projectors. Designers adjust a parameter, save the "
      "file and see the result immediately.",
      "The same tools have been used on more than twenty productions, and the studio publishes several of "
      "its utilities as open source."]),
    ("moore-group", "engineering", "Testing embedded firmware with Python", "Andrea Jacobs",
     "Every firmware build is exercised by a thousand Python tests on real hardware before it ships.",
     False,
     ["Moore Group builds controllers for industrial pumps. A firmware fault in the field means a site "
      "visit, so testing has to be thorough.",
      "A rack of test boards is driven by pytest: each test flashes a build, sends commands over a serial "
      "line and checks the pump's responses. Failures come with logs that firmware engineers can read "
      "without digging into the harness.",
      "Writing a new hardware test takes minutes, and the test suite has caught regressions that manual "
      "checks had missed for years."]),
    ("orozco-inc", "education", "Teaching data literacy with Python", "Victor Mejia",
     "Students who had never written code were plotting real census data by the third week.",
     False,
     ["Orozco Inc runs evening courses in data literacy for adults returning to education. Most students "
      "have never programmed, and many are wary of anything that looks like mathematics.",
      "The course uses Python in the browser-based notebooks the students already know from their "
      "coursework. They start with lists of numbers, move on to pandas tables and finish by answering "
      "questions of their own with public data.",
      "Python's readable syntax keeps the focus on the questions rather than the language, and graduates "
      "keep using the same tools at work."]),
]  # fmt: skip
# Categories python.org's menu links to that the legacy dump lacks.
EXTRA_CATEGORIES = [("Education", "education")]


def legacy_rows(data_dir, model):
    with open(data_dir / "dump-a.json", encoding="utf-8") as handle:
        return [row["fields"] for row in json.load(handle) if row["model"] == model]


def story_index(stdout):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        stdout.write("successstories: no default site; skipped")
        return None
    index = StoryIndexPage.objects.first()
    if index is None:
        # Until this app was installed /success-stories/ may have been a plain content page; the app owns it now.
        for stub in Page.objects.child_of(site.root_page).filter(slug="success-stories"):
            stub.delete()
        index = StoryIndexPage(
            title="Python Success Stories",
            slug="success-stories",
            intro="<p>Python is part of the winning formula for productivity, software quality and "
            "maintainability at companies and institutions around the world. Here are some of their stories.</p>",
        )
        site.root_page.add_child(instance=index)
        index.save_revision().publish()
    return index


def load(data_dir, stdout):
    index = story_index(stdout)
    if index is None:
        return "skipped"
    ensure_moderation_workflow(index)
    categories = {}
    for fields in legacy_rows(data_dir, "successstories.storycategory"):
        categories[fields["slug"]], _ = StoryCategory.objects.get_or_create(
            slug=fields["slug"], defaults={"name": fields["name"]}
        )
    for name, slug in EXTRA_CATEGORIES:
        categories[slug], _ = StoryCategory.objects.get_or_create(slug=slug, defaults={"name": name})
    companies = {}
    for fields in legacy_rows(data_dir, "companies.company"):
        companies[fields["slug"]], _ = Company.objects.get_or_create(
            slug=fields["slug"], defaults={"name": fields["name"], "website": fields["url"]}
        )
    created = 0
    for company, category, title, author, quote, featured, paragraphs in STORIES:
        if StoryPage.objects.filter(title=title).exists():
            continue
        company = companies.get(company)
        story = StoryPage(
            title=title,
            company=company,
            category=categories.get(category),
            author=author,
            pull_quote=quote,
            featured=featured,
            body=[{"type": "rich_text", "value": "".join(f"<p>{text}</p>" for text in paragraphs)}],
        )
        index.add_child(instance=story)
        story.save_revision().publish()
        created += 1
    return f"{created} stories created"
