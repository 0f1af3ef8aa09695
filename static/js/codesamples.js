// The homepage code-sample carousel: previous/next buttons and a tab list (arrow keys, Home, End).
document.querySelectorAll("[data-code-carousel]").forEach((carousel) => {
    const slides = [...carousel.querySelectorAll("[data-code-slide]")];
    const tabs = [...carousel.querySelectorAll("[data-code-tab]")];
    let current = 0;

    const show = (index, focusTab = false) => {
        current = (index + slides.length) % slides.length;
        slides.forEach((slide, i) => { slide.hidden = i !== current; });
        tabs.forEach((tab, i) => {
            tab.setAttribute("aria-selected", String(i === current));
            tab.tabIndex = i === current ? 0 : -1;
        });
        if (focusTab) tabs[current]?.focus();
    };

    carousel.querySelector("[data-code-prev]")?.addEventListener("click", () => show(current - 1));
    carousel.querySelector("[data-code-next]")?.addEventListener("click", () => show(current + 1));
    tabs.forEach((tab, i) => {
        tab.addEventListener("click", () => show(i));
        tab.addEventListener("keydown", (event) => {
            const moves = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: slides.length - 1 };
            if (event.key in moves) {
                event.preventDefault();
                show(moves[event.key], true);
            }
        });
    });
});
