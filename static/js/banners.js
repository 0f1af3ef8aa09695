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

// Cached copies of a page outlive a banner's end by up to the CDN lifetime; the visitor's clock ends it on time.
const MAX_DELAY = 2 ** 31 - 1;

document.querySelectorAll("[data-banner]").forEach((banner) => {
    const key = banner.dataset.banner;
    const ends = Date.parse(banner.dataset.bannerEnds || "");
    if (isDismissed(key) || ends <= Date.now()) {
        banner.remove();
        return;
    }
    if (ends - Date.now() < MAX_DELAY) {
        window.setTimeout(() => banner.remove(), ends - Date.now());
    }
    const button = banner.querySelector("[data-banner-dismiss]");
    button.addEventListener("click", () => {
        remember(key);
        banner.remove();
    });
});
