// Announcement banners: the visitor's dismissals live in localStorage, so cached pages stay shared.
const PREFIX = "pydotorg:banner-dismissed:";

function isDismissed(key) {
    try {
        return window.localStorage.getItem(PREFIX + key) === "1";
    } catch {
        return false; // storage blocked: the banner simply stays
    }
}

function remember(key) {
    try {
        window.localStorage.setItem(PREFIX + key, "1");
    } catch {
        // Storage blocked: dismissed for this page view only.
    }
}

document.querySelectorAll("[data-banner]").forEach((banner) => {
    const key = banner.dataset.banner;
    if (isDismissed(key)) {
        banner.remove();
        return;
    }
    const button = banner.querySelector("[data-banner-dismiss]");
    button.hidden = false;
    button.addEventListener("click", () => {
        remember(key);
        banner.remove();
    });
});
