// The console's few behaviours; pages work without them, these make them pleasant. No inline scripts: the
// content security policy allows only this file and htmx.
(function () {
  "use strict";

  const lang = document.documentElement.lang || "en";
  const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content;

  // a form that cannot be undone (cancelling a campaign) asks first, in the page's words
  document.addEventListener("submit", (event) => {
    const question = event.target.dataset?.confirm;
    if (question && !window.confirm(question)) event.preventDefault();
  });

  // htmx requests carry the CSRF token as a header (forms carry it as a field)
  document.addEventListener("htmx:configRequest", (event) => {
    const header = meta("csrf-header");
    const token = meta("csrf-token");
    if (header && token) event.detail.headers[header] = token;
  });

  function compact(seconds) {
    seconds = Math.max(0, Math.floor(seconds));
    if (seconds < 60) return `${seconds} s`;
    if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
    if (seconds < 86400) {
      const minutes = Math.floor(seconds / 60) % 60;
      return `${Math.floor(seconds / 3600)} h` + (minutes ? ` ${minutes} min` : "");
    }
    return `${Math.floor(seconds / 86400)} d`;
  }

  const relative = new Intl.RelativeTimeFormat(lang, { numeric: "auto", style: "short" });
  const timeOfDay = new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit" });
  const dayAndTime = new Intl.DateTimeFormat(lang, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

  function formatTimes(root) {
    root.querySelectorAll("time[data-relative]").forEach((el) => {
      const seconds = (Date.parse(el.dateTime) - Date.now()) / 1000;
      const abs = Math.abs(seconds);
      el.textContent =
        abs < 60 ? relative.format(Math.round(seconds), "second")
        : abs < 3600 ? relative.format(Math.round(seconds / 60), "minute")
        : abs < 86400 ? relative.format(Math.round(seconds / 3600), "hour")
        : relative.format(Math.round(seconds / 86400), "day");
      el.title = new Date(el.dateTime).toLocaleString(lang);
    });
    root.querySelectorAll("time[data-time]").forEach((el) => {
      const at = new Date(el.dateTime);
      const today = new Date().toDateString() === at.toDateString();
      el.textContent = (today ? timeOfDay : dayAndTime).format(at);
      el.title = at.toLocaleString(lang);
    });
  }

  function countdowns() {
    document.querySelectorAll("[data-countdown]").forEach((el) => {
      const left = (Date.parse(el.dataset.countdown) - Date.now()) / 1000;
      el.textContent = left > 0 ? el.dataset.template.replace("{}", compact(left)) : el.dataset.closed;
    });
  }

  function stickToBottom() {
    document.querySelectorAll("[data-stick-bottom]").forEach((el) => (el.scrollTop = el.scrollHeight));
  }

  // the template picker asks for the chosen template's parameters (the first name is filled in by the service)
  function templateParams(select) {
    const box = select.form.querySelector("[data-template-params]");
    box.replaceChildren();
    const option = select.selectedOptions[0];
    const params = (option?.dataset.params || "").split(",").filter((p) => p && p !== "firstName");
    params.forEach((param) => {
      const label = document.createElement("label");
      const span = document.createElement("span");
      span.textContent = param;
      const input = document.createElement("input");
      input.name = `param.${param}`;
      input.required = true;
      input.maxLength = 1024;
      label.append(span, input);
      box.append(label);
    });
  }

  document.addEventListener("change", (event) => {
    const target = event.target;
    if (target.matches("[data-autosubmit]")) target.form.requestSubmit();
    if (target.matches("[data-template-picker]")) templateParams(target);
  });

  // a form sends once: its button waits for the next page
  document.addEventListener("submit", (event) => {
    if (event.defaultPrevented) return; // not sent after all (a confirmation declined)
    const button = event.target.querySelector("button[type=submit]");
    if (button) setTimeout(() => (button.disabled = true));
  });

  document.addEventListener("htmx:beforeSwap", (event) => {
    const scroller = event.detail.target.closest("[data-stick-bottom]");
    if (scroller) scroller.dataset.atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 40;
  });
  document.addEventListener("htmx:afterSwap", (event) => {
    formatTimes(document);
    const scroller = event.detail.target.closest?.("[data-stick-bottom]") || document.querySelector("[data-stick-bottom]");
    if (scroller && scroller.dataset.atBottom !== "false") scroller.scrollTop = scroller.scrollHeight;
  });

  document.addEventListener("DOMContentLoaded", () => {
    formatTimes(document);
    countdowns();
    stickToBottom();
    setInterval(countdowns, 30000);
    setInterval(() => formatTimes(document), 30000);
  });
})();
