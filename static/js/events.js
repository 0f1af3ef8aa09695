// Progressive enhancement: add the visitor's own time beside an event's local time, naming the zone once.
const visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const format = new Intl.DateTimeFormat(undefined, {
    weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit",
});

document.querySelectorAll("time[data-local-time]").forEach((element) => {
    const start = new Date(element.getAttribute("datetime"));
    if (Number.isNaN(start.getTime())) return;
    // Nothing to add when the visitor is in the event's own zone.
    if (element.dataset.zone && element.dataset.zone === visitorZone) return;
    const note = document.createElement("span");
    note.className = "visitor-time";
    note.textContent = ` (your time: ${format.format(start)} ${visitorZone})`;
    element.after(note);
});
