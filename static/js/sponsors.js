// The benefits picker: choosing a package ticks its benefits, conflicting benefits are disabled with a note,
// packages without à la carte lock their selection, and a summary counts the selection. Without this
// script the form still works (the "Select this package's benefits" button reloads the page).
document.documentElement.classList.add("js");

const form = document.getElementById("sponsorship-picker");
const read = (id) => JSON.parse(document.getElementById(id)?.textContent || "{}");

if (form) {
    const packageBenefits = read("package-benefits");
    const aLaCarte = read("package-a-la-carte");
    const conflicts = read("benefit-conflicts");
    const boxes = [...form.querySelectorAll("input[name=benefits]")];
    const byId = new Map(boxes.map((box) => [box.value, box]));
    const summary = form.querySelector(".selection-summary");
    const nameOf = (box) => box.closest("label").textContent.trim();

    const currentPackage = () => form.querySelector("input[name=package]:checked")?.value || "";

    function highlightPackage(pkg) {
        form.querySelectorAll("[data-package]").forEach((cell) => {
            cell.classList.toggle("is-current", cell.dataset.package === pkg);
        });
    }

    function refresh() {
        const pkg = currentPackage();
        const included = new Set((packageBenefits[pkg] || []).map(String));
        const locked = pkg && aLaCarte[pkg] === false;
        const chosen = boxes.filter((box) => box.checked);
        const blocked = new Map();
        chosen.forEach((box) => (conflicts[box.value] || []).forEach((other) => blocked.set(String(other), box)));
        boxes.forEach((box) => {
            const row = box.closest("tr, p");
            const note = row.querySelector(".conflict-note");
            const soldOut = row.classList.contains("sold-out") || box.closest(".sold-out");
            const standalone = box.dataset.standalone === "1";
            const packageOnly = box.dataset.packageOnly === "1";
            const blocker = !box.checked && blocked.get(box.value);
            let reason = "";
            let quiet = false; // disabled without a note on every row (the summary explains it once)
            if (blocker) reason = `Cannot be combined with “${nameOf(blocker)}”.`;
            else if (pkg && standalone) reason = "Standalone: only without a package.";
            else if (!pkg && !standalone) [reason, quiet] = ["Choose a package to add this benefit.", true];
            else if (pkg && packageOnly && !included.has(box.value)) reason = "Not part of this package.";
            else if (locked && !included.has(box.value)) reason = "This package cannot be customised.";
            box.disabled = Boolean(soldOut) || Boolean(reason);
            row.classList.toggle("is-conflicting", Boolean(blocker));
            if (note) {
                note.textContent = quiet ? "" : reason;
                note.hidden = quiet || !reason;
            }
        });
        summary.hidden = false;
        summary.textContent = (pkg ? "" : "Choose a package above, or standalone benefits below. ") +
            `${chosen.length} benefit${chosen.length === 1 ? "" : "s"} selected.`;
        highlightPackage(pkg);
    }

    form.addEventListener("change", (event) => {
        if (event.target.name === "package") {
            const included = new Set((packageBenefits[event.target.value] || []).map(String));
            boxes.forEach((box) => {
                box.checked = included.has(box.value);
            });
        }
        refresh();
    });
    refresh();
}
