// Progressive enhancement only: every link and form works without this file.
document.documentElement.classList.replace("no-js", "js");

function closeAll(except) {
    document.querySelectorAll(".submenu-toggle[aria-expanded='true']").forEach((button) => {
        if (button !== except) button.setAttribute("aria-expanded", "false");
    });
}

document.querySelectorAll(".submenu-toggle").forEach((button) => {
    button.addEventListener("click", () => {
        const open = button.getAttribute("aria-expanded") === "true";
        closeAll(button);
        button.setAttribute("aria-expanded", String(!open));
    });
});

// Arrow keys move along a menu bar; Escape closes an open panel and returns focus.
document.querySelectorAll("[data-menu]").forEach((menu) => {
    menu.addEventListener("keydown", (event) => {
        const links = [...menu.querySelectorAll(":scope > li > .menu-link")];
        const index = links.indexOf(document.activeElement);
        if (event.key === "Escape") {
            const section = document.activeElement.closest(".menu-section");
            const toggle = section?.querySelector(".submenu-toggle");
            if (toggle?.getAttribute("aria-expanded") === "true") {
                toggle.setAttribute("aria-expanded", "false");
                section.querySelector(".menu-link").focus();
            }
        } else if (index >= 0 && (event.key === "ArrowRight" || event.key === "ArrowLeft")) {
            const step = event.key === "ArrowRight" ? 1 : -1;
            links[(index + step + links.length) % links.length].focus();
            event.preventDefault();
        } else if (index >= 0 && event.key === "ArrowDown") {
            const section = links[index].closest(".menu-section");
            const toggle = section.querySelector(".submenu-toggle");
            if (toggle) {
                closeAll(toggle);
                toggle.setAttribute("aria-expanded", "true");
                section.querySelector(".supernav a")?.focus();
                event.preventDefault();
            }
        }
    });
});

document.addEventListener("click", (event) => {
    if (!event.target.closest(".menu-section")) closeAll(null);
});

const menuToggle = document.querySelector(".menu-toggle");
menuToggle?.addEventListener("click", () => {
    const open = menuToggle.getAttribute("aria-expanded") === "true";
    menuToggle.setAttribute("aria-expanded", String(!open));
});

// Code sample carousel on the homepage.
document.querySelectorAll("[data-carousel]").forEach((carousel) => {
    const slides = carousel.querySelectorAll("[data-slide]");
    carousel.querySelectorAll("[data-slide-to]").forEach((button) => {
        button.addEventListener("click", () => {
            slides.forEach((slide, i) => { slide.hidden = i !== Number(button.dataset.slideTo); });
        });
    });
});

// The per-user account menu is fetched separately so cached pages stay anonymous.
const accountMenu = document.querySelector("[data-account-menu]");
if (accountMenu?.dataset.src) {
    fetch(accountMenu.dataset.src, { credentials: "same-origin", headers: { Accept: "text/html" } })
        .then((response) => (response.ok ? response.text() : null))
        .then((html) => { if (html) accountMenu.innerHTML = html; })
        .catch(() => {});
}
