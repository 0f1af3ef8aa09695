"""The demo site's content pages: what a visitor meets first under About, Docs, Community and the PSF.

Each entry maps a site path to a search description and a body of StreamField blocks. The helpers
below build block values in the shapes ``apps.core.blocks`` defines.
"""


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level, "anchor": ""}}


def text(*paragraphs):
    """Rich text from paragraphs; a paragraph starting with "<" is used as HTML as it is."""
    html = "".join(p if p.startswith("<") else f"<p>{p}</p>" for p in paragraphs)
    return {"type": "rich_text", "value": html}


def bullets(*items):
    return {"type": "rich_text", "value": "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"}


def code(source, language="python", caption=""):
    return {"type": "code", "value": {"language": language, "caption": caption, "code": source}}


def action(title, body, url, link_text, style="primary"):
    return {
        "type": "call_to_action",
        "value": {"title": title, "text": body, "link_url": url, "link_text": link_text, "style": style},
    }


def table(rows, header=True):
    return {
        "type": "table",
        "value": {"first_row_is_table_header": header, "first_col_is_header": False, "data": rows},
    }


def quote(words, author, role=""):
    return {"type": "quote", "value": {"quote": words, "author": author, "role": role}}


def link(url, label):
    return f'<a href="{url}">{label}</a>'


WIKI = "https://wiki.python.org/moin/BeginnersGuide/"
CPYTHON_ISSUES = "https://github.com/python/cpython/issues"

PAGES = {
    "/about/gettingstarted/": {
        "description": "New to Python? Where to start, whether you are new to programming or already "
        "know another language.",
        "body": [
            text(
                "Welcome! Whether you have never written a program or you already know several languages, "
                "Python is easy to pick up and rewarding to master. This page points you to the best places "
                "to begin."
            ),
            heading("Installing Python"),
            text(
                f"Most Linux distributions and macOS come with a Python, though often an older one. "
                f"Get the current release for Windows, macOS and other systems from the "
                f"{link('/downloads/', 'downloads page')}. On Windows, the Python install manager keeps "
                f"several versions side by side; on macOS, the installer from python.org includes IDLE "
                f"and Tkinter. Once installed, open a terminal and type <code>python3</code> (or "
                f"<code>py</code> on Windows) to start the interactive interpreter."
            ),
            code(
                '>>> print("Hello, world!")\nHello, world!\n>>> 2 ** 10\n1024',
                language="pycon",
                caption="Your first minute with the interpreter",
            ),
            heading("Learning"),
            heading("New to programming", level="h3"),
            text(
                f"Start with {link('https://docs.python.org/3/tutorial/', 'the official Python tutorial')}, "
                f"which assumes no prior knowledge of Python, and the community's "
                f"{link(WIKI + 'NonProgrammers', 'list of resources for non-programmers')}: "
                "books, interactive courses and videos, many of them free."
            ),
            heading("Experienced programmers", level="h3"),
            text(
                f"Read the tutorial quickly, then keep the "
                f"{link('https://docs.python.org/3/library/', 'library reference')} open: Python's "
                f"'batteries included' standard library covers files, networking, data formats, testing and "
                f"much more. The {link(WIKI + 'Programmers', 'guide for programmers')} "
                "lists resources by the language you already know."
            ),
            heading("Looking for packages?"),
            text(
                f"The {link('https://pypi.org', 'Python Package Index (PyPI)')} hosts hundreds of thousands of "
                f"third-party packages. Install them with <code>pip</code>, which comes with Python, "
                f"preferably inside a virtual environment."
            ),
            code("python3 -m venv .venv\nsource .venv/bin/activate\npython -m pip install requests", "bash"),
            heading("Need help?"),
            text(
                f"Ask on {link('https://discuss.python.org', 'Python Discourse')}, in a local user group, or "
                f"see our {link('/about/help/', 'help page')} for where to ask which kind of question."
            ),
            action(
                "Ready to write your first program?",
                "The tutorial walks you through the language from the first line to classes and modules.",
                "https://docs.python.org/3/tutorial/",
                "Start the tutorial",
            ),
        ],
    },
    "/about/apps/": {
        "description": "What Python is used for: web development, data science, education, desktop "
        "applications, software development and business applications.",
        "body": [
            text(
                "Python is used in many application domains. Here is a sampling of where it shines and the "
                "libraries people reach for."
            ),
            heading("Web and internet development"),
            text(
                "Python offers frameworks for every scale of web project: Django and Pyramid for full "
                "applications, Flask and FastAPI for lighter services. The standard library supports HTML "
                "and XML, JSON, e-mail processing, and HTTP and FTP clients and servers; Requests, "
                "BeautifulSoup and aiohttp do the rest."
            ),
            heading("Scientific and numeric computing"),
            text(
                "NumPy, SciPy and pandas are the foundation of data analysis in Python; Jupyter notebooks "
                "make exploration interactive; scikit-learn, PyTorch and TensorFlow power machine learning "
                "research and products; Matplotlib and friends draw the charts."
            ),
            heading("Education"),
            text(
                "Python's clear syntax makes it a superb first language and a practical tool for teaching "
                "computer science at every level, from the BBC micro:bit in primary schools to university "
                "courses."
            ),
            heading("Desktop GUIs"),
            text(
                "Tkinter ships with most Python installations; Qt (through PySide or PyQt), GTK, Kivy and "
                "wxPython build native-looking applications on every major platform."
            ),
            heading("Software development"),
            text(
                "Developers use Python for build systems, test automation and tooling: SCons, Buildbot and "
                "Apache Airflow are all written in it, and pytest is the test framework of choice for many "
                "projects in other languages too."
            ),
            heading("Business applications"),
            text(
                "ERP and e-commerce systems such as Odoo and Tryton are written in Python, and so are the "
                "data pipelines behind many companies' reporting."
            ),
            action(
                "See Python at work",
                "Read how organisations around the world use Python in our success stories.",
                "/success-stories/",
                "Read success stories",
                style="secondary",
            ),
        ],
    },
    "/about/quotes/": {
        "description": "What developers and organisations say about Python.",
        "body": [
            text(
                "Python has been an important part of many organisations' success. Here are a few of the "
                "things people have said about it over the years."
            ),
            quote(
                "Python has been an important part of Google since the beginning, and remains so as the "
                "system grows and evolves.",
                "Peter Norvig",
                "Director of Research, Google",
            ),
            quote(
                "Python plays a key role in our production pipeline. Without it a project the size of our "
                "films would have been very difficult to pull off.",
                "Tommy Burnette",
                "Senior Technical Director, Industrial Light & Magic",
            ),
            quote(
                "Python allows us to produce maintainable features in record times, with a minimum of developers.",
                "Cuong Do",
                "Software Architect, YouTube",
            ),
            quote(
                "Python is fast enough for our site and allows us to produce maintainable features in record times.",
                "Steve Hudson",
                "Engineer",
            ),
            text(
                f"Have a story of your own? {link('/success-stories/create/', 'Submit a success story')} and "
                "tell the community how Python helps you."
            ),
        ],
    },
    "/about/help/": {
        "description": "Where to get help with Python: documentation, forums, mailing lists, user groups "
        "and how to report a bug or a problem with this website.",
        "body": [
            text("Stuck? Python has a large, friendly community. Here is where to turn, depending on the question."),
            heading("Questions about using Python"),
            bullets(
                f"Search the {link('https://docs.python.org/3/', 'documentation')}, including the "
                f"{link('https://docs.python.org/3/faq/', 'Python FAQs')}.",
                f"Ask in the Help category of {link('https://discuss.python.org/c/help/7', 'Python Discourse')}.",
                "Ask a local or online user group: most welcome beginners' questions.",
                "Stack Overflow's <code>python</code> tag has answers to a great many common questions.",
            ),
            heading("Bugs in Python itself"),
            text(
                f"Check the {link('https://github.com/python/cpython/issues', 'CPython issue tracker')} to see "
                f"whether the problem is known, and open an issue with a short example that reproduces it. "
                f"Security problems are different: please follow "
                f"{link('/news/security/', 'how to report a security issue')} instead."
            ),
            heading("Problems with this website"),
            text(
                f"Report a broken link or a page that is wrong on the "
                f"{link('https://github.com/python/pythondotorg/issues', 'python.org issue tracker')}. For "
                f"questions about your account, jobs or events you posted, write to "
                f"<code>webmaster@python.org</code>."
            ),
            heading("Installing and using packages"),
            text(
                f"The {link('https://packaging.python.org', 'Python Packaging User Guide')} explains how to "
                f"install packages and publish your own; PyPI's own help pages cover accounts and uploads."
            ),
        ],
    },
    "/community/awards/": {
        "description": "The PSF Community Service Awards and Distinguished Service Award recognise "
        "people who make the Python community better.",
        "body": [
            text(
                "The Python Software Foundation recognises members of the community who give their time "
                "and energy to help Python and its community thrive."
            ),
            heading("Community Service Awards"),
            text(
                "Community Service Awards honour volunteers whose work benefits the community: organising "
                "conferences and user groups, mentoring newcomers, writing documentation, maintaining "
                "infrastructure and much more. The PSF Board considers nominations each quarter."
            ),
            heading("Distinguished Service Award"),
            text(
                "The Distinguished Service Award is the highest award the PSF bestows. It recognises "
                "individuals whose sustained contributions over many years have shaped Python and its "
                "community."
            ),
            heading("Nominate someone"),
            text(
                "Anyone may nominate a person for a Community Service Award by writing to the PSF with a "
                "short description of their contributions. Nominations are kept confidential."
            ),
            action(
                "Know someone who deserves thanks?",
                "Tell the PSF about the volunteer who made a difference for you.",
                "mailto:psf-recognition@python.org",
                "Send a nomination",
                style="secondary",
            ),
        ],
    },
    "/community/diversity/": {
        "description": "The Python community's commitment to diversity and inclusion.",
        "body": [
            text(
                "The Python Software Foundation and the global Python community welcome and encourage "
                "participation by everyone. Our community is based on mutual respect, tolerance and "
                "encouragement, and we are working to help each other live up to these principles."
            ),
            text(
                "We want our community to be more diverse: whoever you are, and whatever your background, "
                "we welcome you. We encourage everyone to help us meet this goal."
            ),
            heading("What we do"),
            bullets(
                "Grants for events and workshops that reach under-represented groups.",
                "Financial aid for PyCon US attendees, with a share set aside for people who could not "
                "otherwise attend.",
                "Support for groups such as PyLadies, Django Girls and local user groups that run "
                "beginner-friendly workshops.",
                f"A {link('/psf/codeofconduct/', 'Code of Conduct')} for PSF spaces and events, with a "
                "working group that handles reports.",
            ),
            action(
                "Run an event that broadens participation?",
                "The PSF grants program can help with venues, food, travel and materials.",
                "/psf/grants/",
                "Apply for a grant",
            ),
        ],
    },
    "/community/forums/": {
        "description": "Python's discussion forums: Python Discourse and other places to talk about Python.",
        "body": [
            text(
                "Much of Python's day-to-day discussion happens on web forums, where threads are easy to "
                "follow and search."
            ),
            heading("Python Discourse"),
            text(
                f"{link('https://discuss.python.org', 'discuss.python.org')} is the main forum of the Python "
                "community. Its categories cover help for users, ideas for the language, core development, "
                "packaging, and the work of the PSF and its working groups. Core developers discuss PEPs "
                "there before the Steering Council decides on them."
            ),
            heading("Other forums"),
            bullets(
                "Stack Overflow for focused questions with code.",
                "The r/Python and r/learnpython communities on Reddit.",
                "Regional and language-specific forums run by local user groups.",
            ),
            text(
                f"Please follow the {link('/psf/codeofconduct/', 'PSF Code of Conduct')} in community spaces: "
                "be open, considerate and respectful."
            ),
        ],
    },
    "/community/irc/": {
        "description": "Chat about Python in real time on IRC and other chat networks.",
        "body": [
            text(
                "Real-time chat is a good place for quick questions and for meeting other Python users. "
                "Python's official IRC channels are on the Libera.Chat network."
            ),
            table(
                [
                    ["Channel", "What it is for"],
                    ["#python", "General questions about Python, for users at every level"],
                    ["#python-dev", "Development of CPython itself (not for help)"],
                    ["#pypa", "Python packaging: pip, setuptools, PyPI"],
                    ["#python-fr, #python-de, #python-es …", "Python in other languages"],
                ]
            ),
            heading("Getting connected"),
            text(
                "Use any IRC client (or Libera.Chat's web client) to connect to <code>irc.libera.chat</code> "
                "on port 6697 with TLS. Registering your nickname is required to speak in #python."
            ),
            heading("Etiquette"),
            bullets(
                "Ask your question directly; you don't need to ask to ask.",
                "Paste code to a paste site rather than into the channel.",
                "Be patient: people answer when they can.",
            ),
        ],
    },
    "/community/lists/": {
        "description": "Python mailing lists and newsletters, from announcements to special interest groups.",
        "body": [
            text(
                "Mailing lists were Python's first community spaces and several remain active, especially "
                "for announcements and special interest groups."
            ),
            table(
                [
                    ["List", "What it carries"],
                    ["python-announce-list", "Announcements of new releases, packages and events (low volume)"],
                    ["python-list", "General discussion of Python, mirrored to comp.lang.python"],
                    ["tutor", "Help for people learning to program with Python"],
                    ["psf-community", "News from the Python Software Foundation"],
                    ["security-announce", "Security advisories for Python"],
                ]
            ),
            text(
                f"Subscribe and browse archives at {link('https://mail.python.org/mailman3/', 'mail.python.org')}. "
                f"Many former lists have moved to {link('https://discuss.python.org', 'Python Discourse')}, "
                "which you can also follow by email."
            ),
        ],
    },
    "/community/logos/": {
        "description": "The Python logo: downloads, colours and the rules for using it.",
        "body": [
            text(
                "The two-snake Python logo is a trademark of the Python Software Foundation. You are "
                "welcome to use it to refer to Python, on websites, slides, user group materials and "
                "merchandise for community events, as long as you follow the trademark usage policy."
            ),
            heading("Colours"),
            table(
                [
                    ["Colour", "Hex"],
                    ["Python blue", "#306998"],
                    ["Python yellow", "#FFD43B"],
                    ["Dark blue", "#4B8BBE"],
                    ["Dark yellow", "#FFE873"],
                ]
            ),
            heading("Guidelines"),
            bullets(
                "Do not change the logo's shape or proportions, or combine it with other marks.",
                "Keep clear space around it, and make sure it stands out against its background.",
                "Do not use it in a way that suggests the PSF endorses your product or event.",
            ),
            action(
                "Using the logo commercially?",
                "Read the trademark usage policy, or ask the PSF for permission.",
                "/psf/trademarks/",
                "Trademark policy",
                style="secondary",
            ),
        ],
    },
    "/community/merchandise/": {
        "description": "Python and PSF merchandise: shirts, stickers and more, supporting the PSF.",
        "body": [
            text(
                "Show your love for Python! Sales of official Python merchandise support the Python "
                "Software Foundation's work on the language and its community."
            ),
            bullets(
                "T-shirts and hoodies with the Python logo and PyCon designs.",
                "Stickers, mugs and notebooks for your desk.",
                "Limited editions for PSF fundraising campaigns.",
            ),
            text(
                f"Organising a user group or conference? You may produce merchandise with the Python logo "
                f"for your event under the {link('/psf/trademarks/', 'trademark usage policy')}."
            ),
        ],
    },
    "/community/sigs/": {
        "description": "Python Special Interest Groups (SIGs): focused communities with their own mailing lists.",
        "body": [
            text(
                "Special Interest Groups bring together people working on one area of Python. Each has a "
                "charter, a coordinator and a mailing list or forum category."
            ),
            table(
                [
                    ["SIG", "Topic"],
                    ["Distutils-SIG", "Packaging and distribution (now mostly on Discourse's Packaging category)"],
                    ["DB-SIG", "The Python database API (PEP 249)"],
                    ["Edu-SIG", "Python in education"],
                    ["Image-SIG", "Image processing"],
                    ["XML-SIG", "XML processing"],
                    ["Mobile-SIG", "Python on mobile platforms"],
                ]
            ),
            text(
                "Want to start a new SIG? Describe its purpose and who would take part on Python Discourse; "
                "a SIG needs a charter and a coordinator willing to keep it going."
            ),
        ],
    },
    "/community/survey/": {
        "description": "The Python Developers Survey: who uses Python, for what, and with which tools.",
        "body": [
            text(
                "Each year the Python Software Foundation runs the Python Developers Survey together with "
                "JetBrains, to learn how the community uses Python: which versions, which frameworks and "
                "tools, and for what kind of work."
            ),
            text(
                "The anonymised results are published for everyone. They help core developers plan, help "
                "library maintainers decide which versions to support, and help the PSF choose where to "
                "spend its resources."
            ),
            action(
                "Take part",
                "The survey opens once a year and takes about fifteen minutes. Watch the PSF blog for the "
                "announcement.",
                "/blogs/",
                "Read the PSF news",
                style="secondary",
            ),
        ],
    },
    "/community/workshops/": {
        "description": "Python conferences and workshops around the world, from PyCon US to regional events.",
        "body": [
            text(
                "Python conferences happen all over the world, organised by volunteers from the community. "
                "They are the best way to learn, share your work and meet other Pythonistas."
            ),
            heading("PyCon US"),
            text(
                "The largest annual gathering of the Python community, organised by the Python Software "
                "Foundation: tutorials, talks, a job fair, open spaces and four days of development sprints."
            ),
            heading("Regional conferences"),
            text(
                "EuroPython, PyCon APAC, PyCon Africa, Python Brasil, PyCon India and dozens more bring "
                "the community together closer to home, many of them with financial aid for attendees."
            ),
            action(
                "Find an event near you",
                "The Python Events calendar lists conferences, workshops and user group meetings.",
                "/events/",
                "Browse events",
            ),
        ],
    },
    "/dev/": {
        "description": "Contribute to Python: code, documentation, triage, translations and the community.",
        "body": [
            text(
                "Python is developed in the open by volunteers and a few paid developers. There is a place "
                "for you whatever your experience."
            ),
            heading("Ways to contribute"),
            bullets(
                f"Read the {link('https://devguide.python.org', 'Python Developer’s Guide')}: it explains "
                "how to build CPython, run its tests and submit a pull request.",
                f"Triage and reproduce issues on the {link(CPYTHON_ISSUES, 'issue tracker')}.",
                "Improve the documentation, or translate it into your language.",
                f"Discuss proposals (PEPs) on {link('https://discuss.python.org', 'Python Discourse')}.",
                "Help with the community: mentor newcomers, run a user group, organise a sprint.",
            ),
            code(
                "git clone https://github.com/python/cpython\ncd cpython\n./configure --with-pydebug && make -j\n"
                "./python -m test -j0",
                language="bash",
                caption="Building CPython and running its test suite on Linux or macOS",
            ),
            action(
                "New to contributing?",
                "The core mentorship programme pairs newcomers with experienced contributors.",
                "/dev/core-mentorship/",
                "Core mentorship",
                style="secondary",
            ),
        ],
    },
    "/dev/core-mentorship/": {
        "description": "The core mentorship programme helps people who want to contribute to CPython.",
        "body": [
            text(
                "The core mentorship programme welcomes anyone who wants to contribute to the development "
                "of CPython, especially people from groups under-represented in open source. Experienced "
                "core developers answer questions about the code base, the workflow and how decisions "
                "are made."
            ),
            heading("How it works"),
            bullets(
                "Join the core mentorship discussions, which are private to participants so beginners' "
                "questions are safe to ask.",
                "Pick an issue labelled <em>easy</em> on the issue tracker, and ask for guidance when stuck.",
                "Get reviews on your first pull requests from people who remember what it was like.",
            ),
            text("No question is too basic. The only requirement is wanting to learn and to help."),
        ],
    },
    "/doc/av/": {
        "description": "Recorded talks and videos about Python from conferences around the world.",
        "body": [
            text(
                "Many Python conferences record their talks and publish them for free. They are a great "
                "way to learn from experts and to catch up on events you could not attend."
            ),
            bullets(
                f"{link('https://pyvideo.org', 'PyVideo.org')} indexes thousands of talks from Python "
                "conferences worldwide.",
                "PyCon US publishes every talk and tutorial on its video channel.",
                "EuroPython, PyCon Australia, PyData and regional conferences publish their recordings too.",
            ),
            text("Most recordings come with slides and links to the code shown in the talk."),
        ],
    },
    "/doc/essays/": {
        "description": "Essays about Python's design and history, many by Guido van Rossum.",
        "body": [
            text(
                "Over the years, Guido van Rossum and other core developers have written essays about "
                "Python's design decisions, its history and its philosophy. They explain why the language "
                "is the way it is."
            ),
            bullets(
                "<em>The History of Python</em>: how the language grew from a holiday project in 1989.",
                "<em>Unifying types and classes</em>: the design behind new-style classes.",
                "<em>Python Patterns: implementing graphs</em>: a classic short essay on idiomatic data structures.",
            ),
            code("import this", caption="The Zen of Python, by Tim Peters, is in the interpreter itself"),
            text(
                f"For the reasoning behind newer features, read the {link('https://peps.python.org', 'PEPs')}: "
                "each one records a proposal, the discussion and the decision."
            ),
        ],
    },
    "/download/alternatives/": {
        "description": "Alternative Python implementations: PyPy, MicroPython, GraalPy, Jython and more.",
        "body": [
            text(
                "The downloads on python.org are CPython, the reference implementation written in C. "
                "Other implementations run Python code in other environments, or faster for some workloads."
            ),
            table(
                [
                    ["Implementation", "What it offers"],
                    ["PyPy", "A fast implementation with a just-in-time compiler"],
                    ["MicroPython", "Python 3 for microcontrollers such as the BBC micro:bit and Raspberry Pi Pico"],
                    ["CircuitPython", "A MicroPython variant focused on education and hobby electronics"],
                    ["GraalPy", "Python on the GraalVM, with Java interoperability"],
                    ["Jython", "Python 2 on the Java virtual machine"],
                    ["Pyodide", "CPython compiled to WebAssembly, running in the browser"],
                ]
            ),
            text(
                "Repackagings of CPython, such as Anaconda, ActivePython or the builds in Linux "
                "distributions, add libraries or installers but run the same interpreter."
            ),
        ],
    },
    "/download/other/": {
        "description": "Python for other platforms: mobile, embedded, and less common operating systems.",
        "body": [
            text(
                "Python runs on many platforms besides Windows, macOS and Linux. For most of them, builds "
                "are maintained by the community rather than by the release team."
            ),
            bullets(
                "iOS and Android: CPython supports both as official platforms since Python 3.13 (PEP 730 "
                "and PEP 738); the BeeWare project's tools build apps for them.",
                "FreeBSD, OpenBSD and NetBSD: Python is available from each system's ports and packages.",
                "Solaris and illumos: packages from the system vendors and community repositories.",
                "WebAssembly: builds for Emscripten and WASI run Python in browsers and sandboxes.",
            ),
            text(f"With a C compiler you can usually build it from {link('/downloads/source/', 'the source')}."),
        ],
    },
    "/news/security/": {
        "description": "How to report a security issue in Python or on python.org, and how the PSRT handles it.",
        "body": [
            text(
                "If you think you have found a security vulnerability in Python, please do not open a "
                "public issue. Report it privately so that a fix can be prepared before it is disclosed."
            ),
            heading("How to report"),
            bullets(
                "Send a report through GitHub's private vulnerability reporting on the "
                "<code>python/cpython</code> repository, or email <code>security@python.org</code>.",
                "Include the affected versions, a description of the issue and, if you can, a short proof of concept.",
                "Reports about python.org or PyPI go to the same address; PyPI also has its own security page.",
            ),
            heading("What happens next"),
            text(
                "The Python Security Response Team (PSRT), a group of core developers and PSF staff, "
                "acknowledges your report, works with you on a fix and coordinates disclosure. Fixes are "
                "released in the maintained branches and announced on the security-announce mailing list."
            ),
        ],
    },
    "/download/": {
        "description": "Python for every platform: installers, source code, alternative implementations.",
        "body": [
            text(
                f"The current Python releases for Windows, macOS and Linux are on the "
                f"{link('/downloads/', 'downloads page')}. The pages below cover the rest: implementations "
                "of Python other than CPython, and platforms the release team does not build for."
            ),
            text(
                "Not sure which file you need? Most people want the newest stable release for their operating "
                "system; the source code is for building Python yourself or packaging it for a distribution."
            ),
        ],
    },
    "/news/": {
        "description": "News from Python and the Python Software Foundation, and how to report security issues.",
        "body": [
            text(
                f"Release announcements, PSF news and community stories are collected on the "
                f"{link('/blogs/', 'news page')}; new releases are also listed on the "
                f"{link('/downloads/', 'downloads page')} and in its RSS feed."
            ),
            text(
                "Security advisories are announced on the security-announce mailing list; if you have found a "
                "vulnerability yourself, please report it privately as described below."
            ),
        ],
    },
    "/psf/about/": {
        "description": "About the Python Software Foundation: the non-profit behind the Python language.",
        "body": [
            text(
                "The Python Software Foundation (PSF) is a 501(c)(3) non-profit corporation that holds the "
                "intellectual property rights behind the Python programming language. We manage the open "
                "source licensing for Python, protect its trademarks, run PyCon US and PyPI, and fund "
                "the community through grants."
            ),
            heading("Our mission"),
            text(
                "The mission of the Python Software Foundation is to promote, protect, and advance the "
                "Python programming language, and to support and facilitate the growth of a diverse and "
                "international community of Python programmers."
            ),
            heading("What we do"),
            bullets(
                "Run the Python Package Index and the infrastructure behind python.org.",
                "Organise PyCon US, the largest annual Python conference.",
                "Award grants to Python events and projects around the world.",
                "Employ developers-in-residence who work on CPython and its security.",
            ),
            action(
                "Help us do more",
                "The PSF is funded by sponsors, members and individual donors.",
                "/psf/donations/",
                "Donate to the PSF",
            ),
        ],
    },
    "/psf/bylaws/": {
        "description": "The bylaws of the Python Software Foundation: members, directors, officers and meetings.",
        "body": [
            text(
                "The bylaws are the rules under which the Python Software Foundation governs itself. This "
                "summary explains their main parts; the complete text is the authoritative version."
            ),
            heading("Members"),
            text(
                "The PSF has several classes of membership. Basic members support the Foundation; Supporting, "
                "Contributing and Managing members, and Fellows, may vote in the election of directors."
            ),
            heading("Board of Directors"),
            text(
                "A board of directors elected by the voting members manages the Foundation's affairs. "
                "Directors serve staggered terms, so about a third of the board is elected each year."
            ),
            heading("Officers"),
            text(
                "The board appoints the officers, including the President, the Executive Director, the "
                "Secretary and the Treasurer, who carry out its decisions."
            ),
            heading("Amendments"),
            text("The bylaws may be amended by a vote of the members or, within limits, by the board."),
        ],
    },
    "/psf/committees/": {
        "description": "PSF work groups and committees, and how volunteers run parts of the Foundation's work.",
        "body": [
            text(
                "Much of the PSF's work is done by volunteer work groups, each with a charter approved by "
                "the Board. They handle grants, the code of conduct, the packaging ecosystem, outreach and "
                "more."
            ),
            table(
                [
                    ["Work group", "What it does"],
                    ["Grants", "Reviews grant applications and funds events and outreach worldwide"],
                    ["Code of Conduct", "Handles reports under the PSF Code of Conduct and advises event organisers"],
                    ["Packaging", "Funds and guides work on PyPI and the packaging tools"],
                    ["Education and Outreach", "Supports teaching Python in schools and to new audiences"],
                ]
            ),
            heading("Joining a work group"),
            text(
                "Members are usually PSF members who have time to give for a year or more. Each group says in "
                "its charter how it takes new members; many simply ask you to write to the group's chair."
            ),
            text(
                f"See the {link('/psf/workgroups/', 'list of PSF work groups')} for their charters and how to "
                "join; most welcome new members."
            ),
        ],
    },
    "/psf/contrib/": {
        "description": "Contributor agreements: how contributions to Python are licensed to the PSF.",
        "body": [
            text(
                "Before the PSF can include your contribution in Python, you need to sign the Contributor "
                "License Agreement (CLA). The agreement lets the PSF distribute your contribution under "
                "Python's open source licence; you keep the copyright to your work."
            ),
            heading("How to sign"),
            text(
                "When you open your first pull request on the CPython repository, a bot checks whether you "
                "have signed the CLA and links to the form if not. Signing takes a couple of minutes and "
                "covers all your future contributions."
            ),
        ],
    },
    "/psf/fraud/": {
        "description": "Suspicious checks or requests claiming to come from the PSF or PyCon.",
        "body": [
            text(
                "From time to time people receive checks, invoices or requests for payment that claim to "
                "come from the Python Software Foundation or PyCon. Many of these are fraudulent."
            ),
            bullets(
                "The PSF never asks you to deposit a check and send part of the money back.",
                "The PSF does not sell lists of PyCon attendees.",
                "Grants and sponsorship payments are arranged by email with PSF staff first.",
            ),
            text(
                "If you are unsure whether a request is genuine, do not pay: write to "
                "<code>psf@python.org</code> and we will check."
            ),
        ],
    },
    "/psf/grants/faq/": {
        "description": "Frequently asked questions about the PSF grants program.",
        "body": [
            heading("Who can apply?"),
            text(
                "Individuals and groups anywhere in the world who run a Python event, workshop or project "
                "that benefits the community. You do not need to be a PSF member."
            ),
            heading("What can a grant pay for?"),
            text(
                "Venues, food, travel for speakers, financial aid for attendees, childcare at events, "
                "outreach materials and similar costs. Grants do not pay people to write software."
            ),
            heading("How long does a decision take?"),
            text(
                "The Grants work group reviews applications monthly. Apply at least six weeks before your "
                "event; larger requests go to the Board and take longer."
            ),
            heading("What happens after the event?"),
            text(
                "We ask for a short report: how many people attended, what worked and what you would do "
                "differently. It helps us fund better events."
            ),
        ],
    },
    "/psf/codeofconduct/": {
        "description": "The PSF Code of Conduct in brief: how we treat each other in Python spaces, where it "
        "applies and how to report a problem.",
        "body": [
            text(
                "Python's community spans every continent, every level of experience and every kind of work. "
                "The Python Software Foundation's Code of Conduct sets out how we treat each other so that "
                "everyone can take part. This page summarises it; the full text is the version that applies."
            ),
            heading("What we expect"),
            bullets(
                "<strong>Be open.</strong> Welcome newcomers and their questions, and accept that others "
                "may see a problem differently.",
                "<strong>Be considerate.</strong> Much of Python is built by volunteers in their spare time; "
                "think about how your words land before you send them.",
                "<strong>Be respectful.</strong> Disagree about ideas, never attack people. Criticism of "
                "code, proposals and decisions is welcome when it is constructive.",
                "<strong>Be inclusive.</strong> Use welcoming language and make room for people whose "
                "background, identity or abilities differ from yours.",
            ),
            heading("What is not acceptable"),
            text(
                "Harassment, insults, discriminatory jokes or language, unwelcome sexual attention, personal "
                "attacks, threats, publishing other people's private information, and sustained disruption "
                "of talks or discussions. Asking someone to stop is enough: they are expected to stop at once."
            ),
            heading("Where it applies"),
            text(
                "In every space the PSF runs or supports: python.org and its mailing lists, Python Discourse, "
                "the CPython repositories and issue tracker, PyPI, PyCon US, and events funded by a PSF grant. "
                "Many community conferences and user groups have adopted it or a code of their own."
            ),
            heading("Reporting a problem"),
            text(
                "If you experience or witness behaviour that breaks the code, write to the PSF Code of "
                "Conduct Working Group at <code>conduct-wg@python.org</code>. Reports are handled in "
                "confidence; the working group may ask for more information, and tells you what it decided. "
                "At an event, find the organisers or the staff on duty: they can help straight away."
            ),
            action(
                "Read the full Code of Conduct",
                "The complete text, with the enforcement procedures the working group follows.",
                "https://policies.python.org/python.org/code-of-conduct/",
                "The PSF Code of Conduct",
            ),
        ],
    },
    "/psf/donations/": {
        "description": "Donate to the Python Software Foundation: what your gift pays for and the ways to give.",
        "body": [
            text(
                "The Python Software Foundation is a 501(c)(3) non-profit. Donations from individuals, "
                "alongside sponsorships and memberships, keep Python free for everyone: they pay for the "
                "infrastructure millions of developers rely on every day and for the people who look after it."
            ),
            heading("What your donation pays for"),
            bullets(
                "Running the Python Package Index and python.org, including their security and bandwidth.",
                "Grants for conferences, workshops and user groups around the world.",
                "Financial aid that lets people attend PyCon US who otherwise could not.",
                "Developers-in-residence working on CPython, its security and the packaging ecosystem.",
            ),
            heading("Ways to give"),
            table(
                [
                    ["How", "What to know"],
                    ["A one-off or monthly donation", "By card or PayPal through the PSF's donation form."],
                    ["Supporting membership", "A yearly donation of $99 that also gives you a vote in PSF elections."],
                    ["Your employer", "Many companies match their employees' donations to non-profits; ask HR."],
                    [
                        "Sponsorship",
                        "For organisations: packages with recognition across python.org, PyPI and PyCon US.",
                    ],
                ]
            ),
            text(
                "In the United States, donations are tax-deductible to the extent the law allows; you receive "
                "a receipt by email. For questions about giving, write to <code>psf@python.org</code>. "
                f"Organisations can read about {link('/psf/sponsorship/', 'sponsoring the PSF')}."
            ),
            action(
                "Donate to the PSF",
                "Every gift, large or small, goes to the work above.",
                "https://psfmember.org/civicrm/contribute/transact?reset=1&id=2",
                "Donate now",
            ),
        ],
    },
    "/psf/grants/": {
        "description": "The PSF Grants Program: funding for Python events, workshops and outreach, and how to apply.",
        "body": [
            heading("What we fund"),
            text(
                "Each year the PSF funds hundreds of community activities in dozens of countries. Most grants "
                "are small and go to volunteers who bring people together to learn and use Python."
            ),
            table(
                [
                    ["Kind of activity", "For example"],
                    ["Conferences", "A regional PyCon: venue, speakers' travel, financial aid for attendees"],
                    ["Workshops and sprints", "A beginners' day, a Django Girls workshop, a documentation sprint"],
                    ["User groups", "Meeting costs and materials for a new or growing local group"],
                    ["Outreach", "Teaching Python in schools, translations, materials for under-represented groups"],
                ]
            ),
            heading("How to apply"),
            bullets(
                "Read the guidelines and the FAQ below, and check that your activity benefits the Python community.",
                "Prepare a short description, the expected attendance, a budget and your event's code of conduct.",
                "Apply well before the event; the Grants Work Group reviews applications and answers by email.",
                "After the event, send a short report on how it went.",
            ),
            action(
                "Questions about a grant?",
                "The FAQ covers who can apply, what a grant can pay for and how long a decision takes.",
                "/psf/grants/faq/",
                "Read the Grants Program FAQ",
            ),
        ],
    },
    "/psf/league/": {
        "description": "The PSF's relationships with other open source foundations and organisations.",
        "body": [
            text(
                "The Python Software Foundation works with other non-profits to support open source: we "
                "share experience on running infrastructure, events and fiscal sponsorship, and we speak "
                "together on policy that affects open source developers, such as software liability and "
                "supply-chain security regulation."
            ),
            text(
                "The PSF also acts as fiscal sponsor for Python community projects, handling donations and "
                "payments on their behalf so volunteers can focus on their work."
            ),
        ],
    },
    "/psf/license/": {
        "description": "Python's licence: the PSF License Agreement, and the history of Python's licences.",
        "body": [
            text(
                "Python is distributed under the PSF License Agreement, an open source licence approved by "
                "the Open Source Initiative and compatible with the GPL. You can use, modify and distribute "
                "Python, including commercially, without fees."
            ),
            heading("What the licence allows"),
            bullets(
                "Use Python for any purpose, including in commercial and closed-source products.",
                "Modify Python and distribute your modified version.",
                "Bundle Python with your application.",
            ),
            text(
                "The only conditions are keeping the copyright notice and the licence with copies of "
                "Python, and summarising your changes if you distribute a modified version."
            ),
            heading("Documentation and third-party code"),
            text(
                "The documentation is also under the PSF licence, and its code examples are under the "
                "Zero-Clause BSD licence. A few modules include code from other projects under their own "
                "compatible licences; the full list is in the documentation's history and licence page."
            ),
        ],
    },
    "/psf/members/": {
        "description": "The PSF membership roster: Fellows and members of the Python Software Foundation.",
        "body": [
            text(
                "The Python Software Foundation's members come from around the world and from every part "
                "of the community. Fellows are members nominated and recognised for their extraordinary "
                "contributions to Python."
            ),
            heading("Fellows"),
            text(
                "Any member may nominate someone for Fellowship; the Fellows work group reviews nominations "
                "each quarter. Fellows have made lasting contributions to Python: code, teaching, organising "
                "events, or looking after the community's infrastructure."
            ),
            text(
                f"Want to join them? Anyone can become a basic member, and people who contribute time to "
                f"Python can become voting members. See {link('/psf/membership/', 'the membership FAQ')}."
            ),
            action(
                "Become a member",
                "Sign in to python.org and choose the membership that fits you.",
                "/users/membership/",
                "Join the PSF",
            ),
        ],
    },
    "/psf/membership/": {
        "description": "PSF membership: the classes of membership, voting rights and how to join.",
        "body": [
            text(
                "PSF membership is open to everyone who wants to support Python and its community. Members "
                "who contribute time or money may vote in the PSF's elections."
            ),
            table(
                [
                    ["Membership", "How to become one", "Votes"],
                    ["Basic", "Sign up on python.org and agree to the code of conduct", "No"],
                    ["Supporting", "Donate $99 a year to the PSF", "Yes"],
                    ["Contributing", "Volunteer five hours a month on Python-related projects", "Yes"],
                    ["Managing", "Volunteer five hours a month on PSF activities", "Yes"],
                    ["Fellow", "Nominated by peers for outstanding contributions", "Yes"],
                ]
            ),
            heading("Voting"),
            text(
                "Voting members elect the Board of Directors and vote on changes to the bylaws. Before each "
                "election you confirm that you wish to vote."
            ),
            action(
                "Become a member",
                "Sign in to python.org and choose your membership.",
                "/membership/",
                "Join the PSF",
            ),
        ],
    },
    "/psf/mission/": {
        "description": "The mission of the Python Software Foundation.",
        "body": [
            quote(
                "The mission of the Python Software Foundation is to promote, protect, and advance the "
                "Python programming language, and to support and facilitate the growth of a diverse and "
                "international community of Python programmers.",
                "The PSF's mission statement",
            ),
            heading("What that means in practice"),
            bullets(
                "<strong>Promote</strong>: present Python to the world, through python.org, PyCon US and "
                "support for conferences everywhere.",
                "<strong>Protect</strong>: hold Python's intellectual property and trademarks, and keep "
                "its infrastructure secure.",
                "<strong>Advance</strong>: fund developers-in-residence, the packaging ecosystem and "
                "improvements to the language.",
                "<strong>Community</strong>: grants, diversity initiatives and a code of conduct for a "
                "welcoming community.",
            ),
        ],
    },
    "/psf/press-release/": {
        "description": "Press releases and media information from the Python Software Foundation.",
        "body": [
            text(
                "The Python Software Foundation publishes news about releases, programmes and the "
                f"community on the {link('/blogs/', 'PSF blog')}. Members of the press are welcome to "
                "quote it."
            ),
            heading("Press contact"),
            text(
                "For interviews, quotes or background on Python and the PSF, write to "
                "<code>press@python.org</code>. Please mention your publication and deadline."
            ),
            text(f"Logos for articles are on the {link('/community/logos/', 'Python logo page')}."),
        ],
    },
    "/psf/records/": {
        "description": "Public records of the Python Software Foundation: board minutes, annual reports and "
        "financial statements.",
        "body": [
            text("As a non-profit, the Python Software Foundation publishes records of its governance and finances."),
            bullets(
                f"{link('/psf/records/board/minutes/', 'Minutes of Board meetings')}, with the resolutions passed.",
                "Annual reports describing the year's work and finances.",
                "Form 990 tax filings, as every US non-profit must make public.",
                f"The {link('/psf/bylaws/', 'bylaws')} under which the Foundation operates.",
            ),
            heading("Where to find them"),
            text(
                "Board minutes are published here once the Board has approved them, usually at its next "
                "meeting. Annual reports appear on the PSF blog. Form 990 filings are public records: ask "
                "<code>psf@python.org</code> for a copy, or look the PSF up in a "
                "non-profit database such as ProPublica's Nonprofit Explorer."
            ),
        ],
    },
    "/psf/sponsorship/": {
        "description": "Sponsor the Python Software Foundation: packages, benefits and how to apply.",
        "body": [
            text(
                "Sponsors fund most of the PSF's work: PyPI, the developers-in-residence, grants to the "
                "community, and python.org itself. In return, sponsors are recognised across python.org, "
                "PyPI and PyCon US, and reach millions of Python developers."
            ),
            heading("Sponsorship packages"),
            text(
                "Packages range from Visionary to Associate, and you can add à la carte benefits such as "
                "logo placement on the downloads page or a job listing. Benefits are delivered across the "
                "PSF's programmes: the Foundation, PyPI, core development and PyCon US."
            ),
            action(
                "Become a sponsor",
                "Pick a package and benefits, tell us about your organisation, and the sponsorship team "
                "will be in touch.",
                "/sponsors/application/",
                "Apply to sponsor",
            ),
            text(f"See who already supports Python on the {link('/psf/sponsors/', 'PSF sponsors page')}."),
        ],
    },
    "/psf/summary/": {
        "description": "An executive summary of the Python Software Foundation and its programmes.",
        "body": [
            text(
                "The Python Software Foundation is the non-profit organisation behind Python, one of the "
                "most widely used programming languages in the world. Founded in 2001, it is supported by "
                "sponsors, members and donors, and run by a small staff together with many volunteers."
            ),
            table(
                [
                    ["Programme", "What it does"],
                    ["PyPI", "Hosts the packages the Python ecosystem depends on"],
                    ["PyCon US", "The community's annual conference, with tutorials and sprints"],
                    ["Grants", "Funds events, workshops and outreach worldwide"],
                    ["Developers-in-residence", "Paid engineers working on CPython, security and packaging"],
                ]
            ),
        ],
    },
    "/psf/trademarks/": {
        "description": "The PSF trademark usage policy for the Python name and logos.",
        "body": [
            text(
                "“Python” and the Python logos are trademarks of the Python Software Foundation. The PSF "
                "protects them so that people can trust that something called Python really is Python."
            ),
            heading("Uses that need no permission"),
            bullets(
                "Referring to Python in articles, books, courses and talks.",
                "Saying that your software is written in Python or works with Python.",
                "Using the logo on your user group's website or at a community event.",
            ),
            heading("Uses that need permission"),
            bullets(
                "Using “Python” or a logo in the name of a commercial product or company.",
                "Selling merchandise with the logo, except for community events.",
                "Modified versions of the logos.",
            ),
            text("Questions? Write to the PSF's trademarks committee at <code>psf-trademarks@python.org</code>."),
        ],
    },
    "/psf/trademarks/pycon/": {
        "description": "Using the PyCon name for a Python conference.",
        "body": [
            text(
                "“PyCon” is a trademark of the Python Software Foundation. Community conferences may use "
                "it in their names, such as PyCon Ireland or PyCon APAC, when they follow a few rules."
            ),
            bullets(
                "The conference is about Python and run by the community on a non-profit basis.",
                "It has and enforces a code of conduct.",
                "The name includes a place or community, so it is not confused with PyCon US.",
            ),
        ],
    },
    "/psf/volunteer/": {
        "description": "Volunteer for the PSF and the Python community.",
        "body": [
            text(
                "Python's community is run largely by volunteers, and there are many ways to help, "
                "whatever your skills."
            ),
            bullets(
                "Help at PyCon US: registration, session chairing and the sprints.",
                "Join a PSF work group: grants, code of conduct, packaging and more.",
                "Organise or help your local user group or a regional conference.",
                "Write documentation, translate it, or answer beginners' questions.",
            ),
            text(
                "Volunteering five hours a month on Python-related work makes you eligible for "
                f"Contributing membership of the PSF: see {link('/psf/membership/', 'the membership FAQ')}."
            ),
        ],
    },
    "/psf/weblog-policy/": {
        "description": "The PSF blog's policy on posts and comments.",
        "body": [
            text(
                "The PSF blog publishes news about the Foundation, its programmes and the Python community. "
                "Posts are written by PSF staff, the Board and guest authors invited by them."
            ),
            bullets(
                "Posts follow the PSF Code of Conduct.",
                "Comments that are off-topic, abusive or advertising are removed.",
                "Corrections are made openly, with a note at the end of the post.",
            ),
        ],
    },
}
