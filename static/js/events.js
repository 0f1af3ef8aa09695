// Progressive enhancement: fill the line reserved after an event's local time with the visitor's own
// time, naming the zone once. Nothing is inserted, so nothing moves.
const visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const format = new Intl.DateTimeFormat(undefined, {
    weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit",
});

document.querySelectorAll("time[data-local-time]").forEach((element) => {
    const start = new Date(element.getAttribute("datetime"));
    const note = element.nextElementSibling;
    if (Number.isNaN(start.getTime()) || !note?.hasAttribute("data-visitor-time")) return;
    // Nothing to add when the visitor is in the event's own zone.
    if (element.dataset.zone === visitorZone) return;
    note.textContent = `Your time: ${format.format(start)} (${visitorZone})`;
});
