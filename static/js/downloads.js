// Marks the download button for the visitor's OS as the recommended one. Nothing moves or disappears
// (no layout shift); without JavaScript every OS's button looks the same.
const platform = (navigator.userAgentData?.platform || navigator.userAgent || "").toLowerCase();

function detectOs() {
    if (/android/.test(platform)) return "android";
    if (/iphone|ipad|ipod|ios/.test(platform)) return "ios";
    if (/win/.test(platform)) return "windows";
    if (/mac/.test(platform)) return "macos";
    if (/linux|bsd|x11|cros/.test(platform)) return "source";
    return "";
}

for (const section of document.querySelectorAll("[data-download-os]")) {
    const detected = section.querySelector(`.download-button-item[data-os="${detectOs()}"]`);
    if (!detected) continue;
    section.classList.add("os-detected");
    detected.classList.add("is-detected");
}
