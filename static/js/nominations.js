// Live preview of a nomination statement: the server renders and sanitises the Markdown.
const preview = document.querySelector(".statement-preview");
const textarea = document.querySelector("textarea[data-statement-preview]");

if (preview && textarea) {
    const body = preview.querySelector(".statement-preview-body");
    const csrf = textarea.form.querySelector("input[name=csrfmiddlewaretoken]").value;
    let timer = null;
    let lastSent = null;

    const refresh = async () => {
        if (textarea.value === lastSent) return;
        lastSent = textarea.value;
        const response = await fetch(preview.dataset.previewUrl, {
            method: "POST",
            headers: { "X-CSRFToken": csrf },
            body: new URLSearchParams({ statement: textarea.value }),
            credentials: "same-origin",
        });
        const data = await response.json().catch(() => ({ error: response.statusText }));
        preview.hidden = false;
        if (data.html !== undefined) {
            body.innerHTML = data.html; // rendered and sanitised by the server (apps.core.markup)
        } else {
            body.textContent = data.error;
        }
    };

    textarea.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(refresh, 600);
    });
    if (textarea.value) refresh();
}
