"""Importing the legacy python.org database: the framework every app's ``legacy.py`` plugs into.

A legacy export (``dumpdata --natural-foreign``) is read as a stream. Rows are spooled to one file
per app group, so memory stays flat whatever the dump's size, then each group is imported inside a
savepoint of one transaction: a failure anywhere rolls the whole run back and the site is as it was.

Each imported row is remembered in ``LegacyRecord`` (legacy model, legacy primary key, the object it
became, a checksum of its fields): a second run of the same dump changes nothing, a newer dump updates
what changed and removes what is gone.

An app registers an importer per legacy model::

    @importer("jobs.job", group="jobs", order=30, fields={...})
    def import_job(row, target, ctx):
        ...  # create or update ``target`` (None for a new row); return the object, or raise Skip(reason)
"""

import hashlib
import importlib
import json
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.signal_handlers import disable_reference_index_auto_update

from apps.core.tasks import enqueue, run_command

# Legacy models that have no equivalent here, and why; they are counted, never an error.
IGNORED_MODELS = {
    "sites.site": "the site's hostname comes from settings",
    "admin_interface.theme": "the Wagtail admin carries python.org's branding",
    "contenttypes.contenttype": "rebuilt by migrations",
    "auth.permission": "rebuilt by migrations",
    "sessions.session": "sessions are not carried over; users sign in again",
    "admin.logentry": "the legacy admin's history stays in the legacy database",
    "sitetree.tree": "its items become the navigation",
    "account.emailconfirmation": "pending confirmation links expire; users ask for a new one",
    "waffle.switch": "python.org's code read only flags",
    "waffle.sample": "python.org's code read only flags",
    "users.usergroup": "user groups are listed on the events calendar and the community pages",
    "django_celery_beat.periodictask": "periodic work is scheduled in the repository (pydotorg/cron.py)",
    "django_celery_beat.periodictasks": "periodic work is scheduled in the repository (pydotorg/cron.py)",
    "django_celery_beat.crontabschedule": "periodic work is scheduled in the repository (pydotorg/cron.py)",
    "django_celery_beat.intervalschedule": "periodic work is scheduled in the repository (pydotorg/cron.py)",
    "django_celery_beat.solarschedule": "periodic work is scheduled in the repository (pydotorg/cron.py)",
    "django_celery_beat.clockedschedule": "periodic work is scheduled in the repository (pydotorg/cron.py)",
}

# Groups run in this order; an app not listed runs after them, alphabetically.
GROUP_ORDER = ["users", "pages", "downloads", "jobs", "events"]


class Skip(Exception):  # noqa: N818 - it names the outcome
    """A row that is deliberately not imported; ``error`` marks one that should have been."""

    def __init__(self, reason, error=True):
        super().__init__(reason)
        self.reason = reason
        self.error = error


class MalformedDump(Exception):  # noqa: N818
    pass


@dataclass
class Importer:
    model: str
    group: str
    order: int
    function: object
    fields: frozenset
    remove: object = None


REGISTRY = {}


def importer(model, *, group, order, fields, remove=None):
    """Register ``function(row, target, ctx)`` as the importer of a legacy model."""

    def register(function):
        REGISTRY[model] = Importer(model, group, order, function, frozenset(fields), remove)
        return function

    return register


def load_importers():
    """Import every project app's ``legacy`` module so its importers register."""
    for config in apps.get_app_configs():
        if config.name.startswith("apps."):
            try:
                importlib.import_module(f"{config.name}.legacy")
            except ModuleNotFoundError as error:
                if error.name != f"{config.name}.legacy":
                    raise
    return REGISTRY


@dataclass
class ModelReport:
    read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    skipped: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)


class Report:
    def __init__(self):
        self.models = defaultdict(ModelReport)
        self.ignored = Counter()
        self.unknown_models = Counter()
        self.unknown_fields = defaultdict(set)
        self.notes = []
        self.failure = ""
        self.allow_unknown = False

    @property
    def ok(self):
        unknown = (self.unknown_models or self.unknown_fields) and not self.allow_unknown
        return not (self.failure or unknown or self.error_count)

    @property
    def changed(self):
        return any(model.created or model.updated or model.removed for model in self.models.values())

    @property
    def error_count(self):
        return sum(sum(model.errors.values()) for model in self.models.values())

    @property
    def unknown_label(self):
        return "NOT IMPORTED (--allow-unknown)" if self.allow_unknown else "ERROR"

    def lines(self):
        yield f"{'legacy model':40} {'read':>7} {'created':>8} {'updated':>8} {'same':>7} {'removed':>8} {'skipped':>8}"
        for name in sorted(self.models):
            m = self.models[name]
            skipped = sum(m.skipped.values()) + sum(m.errors.values())
            yield f"{name:40} {m.read:7} {m.created:8} {m.updated:8} {m.unchanged:7} {m.removed:8} {skipped:8}"
            for reason, count in sorted(m.skipped.items()):
                yield f"    skipped {count}: {reason}"
            for reason, count in sorted(m.errors.items()):
                yield f"    ERROR {count}: {reason}"
        for name, count in sorted(self.ignored.items()):
            yield f"{name:40} {count:7}  not imported: {IGNORED_MODELS[name]}"
        for name, count in sorted(self.unknown_models.items()):
            yield f"{name:40} {count:7}  {self.unknown_label}: unknown legacy model (no importer)"
        for name, names in sorted(self.unknown_fields.items()):
            yield f"{name:40}          {self.unknown_label}: unknown fields {', '.join(sorted(names))}"
        yield from dict.fromkeys(self.notes)  # a file cited by many rows is listed once
        if self.failure:
            yield f"FAILED: {self.failure}"


def checksum(row):
    return hashlib.sha256(json.dumps(row["fields"], sort_keys=True, default=str).encode()).hexdigest()


def stream_rows(path):
    """The dump's rows one at a time (ijson), whatever its size."""
    import ijson

    with open(path, "rb") as handle:
        try:
            for row in ijson.items(handle, "item"):
                if not isinstance(row, dict) or "model" not in row or "fields" not in row or "pk" not in row:
                    raise MalformedDump(f"a row without model, pk and fields: {str(row)[:200]}")
                yield row
        except ijson.JSONError as error:
            raise MalformedDump(f"the dump is not valid JSON ({error})") from error


class Context:
    """What importers share: lookups of already imported rows, the report, options."""

    def __init__(self, report, *, media_root=None, spool=None):
        from apps.core.models import LegacyRecord

        self.report = report
        self.media_root = Path(media_root) if media_root else None
        self.spool = spool
        self.records = LegacyRecord.objects
        self._maps = {}
        self.explicit_pk_models = set()

    def target_id(self, model, legacy_pk):
        """The id of what a legacy row became, or None."""
        if legacy_pk is None:
            return None
        if model not in self._maps:
            self._maps[model] = dict(self.records.filter(model=model).values_list("legacy_pk", "object_id"))
        return self._maps[model].get(str(legacy_pk))

    def remember(self, model, legacy_pk, object_id):
        self._maps.setdefault(model, {})[str(legacy_pk)] = object_id

    def require(self, target_model, model, legacy_pk, what):
        """The object a legacy foreign key points at, or Skip (an error) when it was not imported."""
        object_id = self.target_id(model, legacy_pk)
        if object_id is None:
            raise Skip(f"{what} {legacy_pk} is not in the dump")
        return target_model.objects.get(pk=object_id)

    def keep_legacy_pk(self, obj, legacy_pk):
        """Give a new object the legacy primary key when it is free, so python.org's links to it keep working."""
        model = type(obj)
        if obj.pk is None and not model._default_manager.filter(pk=legacy_pk).exists():
            obj.pk = legacy_pk
            self.explicit_pk_models.add(model)

    def user(self, natural_key):
        """A user by legacy natural key (``["username"]``), or None."""
        from apps.users.models import User

        if not natural_key:
            return None
        username = natural_key[0] if isinstance(natural_key, list) else natural_key
        return User.objects.filter(username=username).first()

    def rows(self, model):
        """Rows of another legacy model of the same group (read again from the spool)."""
        return self.spool.rows(model) if self.spool else iter(())

    def media_file(self, relative):
        """The legacy media file at ``relative``; None (and a note) when it is not available."""
        if not relative:
            return None
        if self.media_root and (self.media_root / relative).is_file():
            return self.media_root / relative
        self.report.notes.append(f"missing media file: {relative}")
        return None


class Spool:
    """One JSON-lines file per group, written while streaming the dump."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.handles = {}
        self.counts = Counter()

    def add(self, group, row):
        if group not in self.handles:
            self.handles[group] = open(self.folder / f"{group}.jsonl", "w", encoding="utf-8")  # noqa: SIM115
        self.handles[group].write(json.dumps(row, default=str) + "\n")
        self.counts[row["model"]] += 1

    def close(self):
        for handle in self.handles.values():
            handle.close()

    def groups(self):
        names = [group for group in GROUP_ORDER if group in self.handles]
        return names + sorted(set(self.handles) - set(names))

    def rows(self, model, group=None):
        group = group or REGISTRY[model].group
        path = self.folder / f"{group}.jsonl"
        if not path.exists():
            return
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                if row["model"] == model:
                    yield row


def run(dump, *, dry_run=False, media_root=None, allow_unknown=False, prune=True):
    """Import ``dump``; return the Report. Nothing is changed unless the whole run succeeds."""
    from apps.core.models import LegacyRecord

    registry = load_importers()
    report = Report()
    report.allow_unknown = allow_unknown
    with tempfile.TemporaryDirectory(prefix="legacy-import-") as folder:
        spool = Spool(folder)
        try:
            for row in stream_rows(dump):
                model = row["model"]
                if model in registry:
                    spool.add(registry[model].group, row)
                    unknown = set(row["fields"]) - registry[model].fields
                    if unknown:
                        report.unknown_fields[model] |= unknown
                elif model in IGNORED_MODELS:
                    report.ignored[model] += 1
                else:
                    report.unknown_models[model] += 1
        except MalformedDump as error:
            report.failure = f"{error}; nothing was imported"
            return report
        except OSError as error:
            report.failure = f"cannot read {dump}: {error}"
            return report
        finally:
            spool.close()
        if not report.ok and not allow_unknown:
            report.failure = "the dump has models or fields this site does not know; nothing was imported"
            return report

        ctx = Context(report, media_root=media_root, spool=spool)
        try:
            # Wagtail would queue a reference-index job per saved row, before the commit (or for a dry run's
            # rows that never exist); the index is rebuilt once, after the import commits.
            with disable_reference_index_auto_update(), transaction.atomic():
                for group in spool.groups():
                    with transaction.atomic():
                        import_group(group, registry, spool, ctx, prune=prune)
                reset_sequences(ctx.explicit_pk_models)
                if not report.ok:
                    report.failure = f"{report.error_count} rows could not be imported; nothing was changed"
                    transaction.set_rollback(True)
                elif dry_run:
                    report.notes.append("dry run: nothing was changed")
                    transaction.set_rollback(True)
        except Exception as error:  # noqa: BLE001 - any failure is reported and leaves the site as it was
            report.failure = f"{type(error).__name__}: {error}; nothing was changed"
        if report.ok and not dry_run and report.changed:
            enqueue(run_command, "rebuild_references_index")
    report.records = LegacyRecord.objects.count()
    return report


def reset_sequences(models):
    """After rows were created with explicit primary keys, new rows must be numbered after them."""
    if not models:
        return
    from django.core.management.color import no_style
    from django.db import connection

    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), list(models)):
            cursor.execute(statement)


def import_group(group, registry, spool, ctx, *, prune):
    from apps.core.models import LegacyRecord

    importers = sorted((imp for imp in registry.values() if imp.group == group), key=lambda imp: imp.order)
    for imp in importers:
        stats = ctx.report.models[imp.model] if spool.counts[imp.model] else None
        if stats is None:
            continue
        records = {record.legacy_pk: record for record in LegacyRecord.objects.filter(model=imp.model)}
        seen, new_records, changed_records = set(), [], []
        for row in spool.rows(imp.model, group):
            stats.read += 1
            legacy_pk = str(row["pk"])
            seen.add(legacy_pk)
            digest = checksum(row)
            record = records.get(legacy_pk)
            target = record.target() if record else None
            if record and record.checksum == digest and (target is not None or not record.object_id):
                stats.unchanged += 1
                continue
            try:
                result = imp.function(row, target, ctx)
            except Skip as skip:
                (stats.errors if skip.error else stats.skipped)[skip.reason] += 1
                continue
            if target is None:
                stats.created += 1
            else:
                stats.updated += 1
            content_type = ContentType.objects.get_for_model(result) if result is not None else None
            object_id = str(result.pk) if result is not None else ""
            if record is None:
                new_records.append(LegacyRecord(model=imp.model, legacy_pk=legacy_pk))
                record = new_records[-1]
            else:
                changed_records.append(record)
            record.content_type, record.object_id, record.checksum = content_type, object_id, digest
            ctx.remember(imp.model, legacy_pk, object_id)
        LegacyRecord.objects.bulk_create(new_records, batch_size=1000)
        LegacyRecord.objects.bulk_update(changed_records, ["content_type", "object_id", "checksum"], batch_size=1000)
        if prune:
            for legacy_pk, record in records.items():
                if legacy_pk in seen:
                    continue
                target = record.target()
                if target is not None and imp.remove:
                    imp.remove(target, ctx)
                record.delete()
                stats.removed += 1


# Legacy feature flags (django-waffle) become settings here; apps register what each flag sets.
FLAG_HANDLERS = {}
# Flags whose behaviour is always on here.
SETTLED_FLAGS = {"psf_membership": "PSF membership sign-up is always available here"}


def flag_handler(name):
    def register(function):
        FLAG_HANDLERS[name] = function
        return function

    return register


FLAG_FIELDS = {
    "name", "everyone", "percent", "testing", "superusers", "staff", "authenticated", "languages", "rollout",
    "note", "created", "modified", "groups", "users",
}  # fmt: skip


@importer("waffle.flag", group="settings", order=10, fields=FLAG_FIELDS)
def import_flag(row, target, ctx):
    """A flag is on here when it was on for everyone there."""
    fields = row["fields"]
    handler = FLAG_HANDLERS.get(fields["name"])
    if fields["name"] in SETTLED_FLAGS:
        raise Skip(f"{fields['name']}: {SETTLED_FLAGS[fields['name']]}", error=False)
    if handler is None:
        raise Skip(f"no setting here for the flag {fields['name']!r}", error=False)
    handler(fields["everyone"] is True or (fields["percent"] or 0) >= 100)
    return None
