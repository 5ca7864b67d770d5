// FactCheck: submit claims without leaving the page and follow the check's progress (server-sent events).
// Without this script every form still works as a plain POST followed by a redirect.
"use strict";

function showProgress(form, message, stage) {
  const box = form.querySelector(".progress") || document.querySelector(".claim-form .progress");
  if (!box) return;
  box.hidden = false;
  const steps = Array.from(box.querySelectorAll("li[data-stage]"));
  const index = steps.findIndex((li) => li.dataset.stage === stage);
  steps.forEach((li, i) => {
    li.classList.toggle("done", index >= 0 && i < index);
    li.classList.toggle("active", i === index);
  });
  box.querySelector(".progress-message").textContent = message;
}

function showError(form, message) {
  let error = form.querySelector(".js-error");
  if (!error) {
    error = document.createElement("p");
    error.className = "form-error js-error";
    error.setAttribute("role", "alert");
    form.appendChild(error);
  }
  error.textContent = message;
}

async function submitCheck(event) {
  const form = event.currentTarget;
  event.preventDefault();
  const buttons = Array.from(document.querySelectorAll(".js-check-form button"));
  buttons.forEach((b) => (b.disabled = true));
  const reset = () => buttons.forEach((b) => (b.disabled = false));
  showProgress(form, "Sending your claim…", "");
  let response;
  try {
    response = await fetch(form.action, {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(new FormData(form)).toString(),
      credentials: "same-origin",
    });
  } catch (e) {
    reset();
    showError(form, "FactCheck could not be reached. Check your connection and try again.");
    return;
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    reset();
    showError(form, (body.error && body.error.message) || "The check could not be started.");
    return;
  }
  if (body.url) {
    window.location.assign(body.url);
    return;
  }
  const events = new EventSource(body.events);
  events.addEventListener("stage", (e) => {
    const data = JSON.parse(e.data);
    showProgress(form, data.message + "…", data.stage);
  });
  events.addEventListener("done", (e) => {
    events.close();
    window.location.assign(JSON.parse(e.data).url);
  });
  events.addEventListener("failed", (e) => {
    events.close();
    reset();
    showError(form, JSON.parse(e.data).message);
  });
  events.onerror = () => {
    if (events.readyState === EventSource.CLOSED) {
      reset();
      showError(form, "Lost contact with FactCheck while checking. Reload the page to see whether the check was published.");
    }
  };
}

// The progress page of an article check: each claim's verdict appears as it is decided, then the article page opens.
// Without this script the page reloads itself every few seconds instead.
function followArticle(section) {
  const status = section.querySelector(".progress-message");
  const items = Array.from(section.querySelectorAll("li[data-claim]"));
  let checked = items.filter((li) => !li.querySelector(".pending")).length;
  const events = new EventSource("/articles/jobs/" + encodeURIComponent(section.dataset.job) + "/events");
  events.addEventListener("checked", (e) => {
    const data = JSON.parse(e.data);
    const item = items[data.index];
    const badge = item && item.querySelector(".badge");
    if (!badge || !badge.classList.contains("pending")) return;
    badge.className = "badge " + data.verdict_class;
    badge.textContent = data.verdict;
    if (data.url) {
      const text = badge.nextSibling;
      const link = document.createElement("a");
      link.href = data.url;
      link.textContent = text ? text.textContent.trim() : "";
      if (text) item.replaceChild(link, text);
      item.insertBefore(document.createTextNode(" "), link);
    }
    checked += 1;
    status.textContent = "Checked " + checked + " of " + items.length + " claims…";
  });
  events.addEventListener("done", (e) => {
    events.close();
    window.location.assign(JSON.parse(e.data).url);
  });
  events.addEventListener("failed", (e) => {
    events.close();
    status.textContent = JSON.parse(e.data).message;
  });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".js-check-form").forEach((form) => form.addEventListener("submit", submitCheck));
  document.querySelectorAll(".article-progress[data-job]").forEach(followArticle);
});
