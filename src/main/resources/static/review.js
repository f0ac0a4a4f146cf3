// The review queue of the server a `review web` link opens: the token travels in a header,
// never a cookie, and leaves the address bar at once so it is not bookmarked or shared by accident.
"use strict";

(() => {
  const { el, say } = window.Quizbot;
  const status = document.getElementById("status");
  const KEY = "quizbot.review.token";
  const fromUrl = new URLSearchParams(location.search).get("token");
  if (fromUrl) {
    sessionStorage.setItem(KEY, fromUrl);
    history.replaceState(null, "", location.pathname);
  }
  const token = sessionStorage.getItem(KEY) || "";

  async function call(method, path, body) {
    let response;
    try {
      response = await fetch(path, {
        method,
        headers: { Accept: "application/json", "Content-Type": "application/json", "X-Review-Token": token },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new Error("The server could not be reached. Check your connection and reload.");
    }
    let json = null;
    try {
      json = await response.json();
    } catch (e) {
      // not JSON: the status says it
    }
    if (!response.ok) {
      const error = new Error((json && json.error) || "The server answered " + response.status + ".");
      error.status = response.status;
      throw error;
    }
    return json;
  }

  function line(label, text) {
    const p = el("p", "detail");
    p.append(el("strong", "", label + ": "), document.createTextNode(text));
    return p;
  }

  function card(item, pending) {
    const li = el("li", "card review-item");
    li.dataset.item = item.id;
    li.append(el("h3", "", "#" + item.id + " · " + item.kind + " · round " + item.round));
    li.append(line("Question", item.question));
    li.append(line("Reference", item.reference));
    li.append(line(item.player + " answered", item.answer));
    li.append(line("Grade", item.grade + ", " + item.score + "/100, " + item.points + " points"));
    if (item.reason) li.append(line("Reason", item.reason));
    if (!pending) {
      li.append(line("Decision", item.status + (item.decidedBy ? " by " + item.decidedBy : "")
        + (item.decidedAt ? ", " + new Date(item.decidedAt).toLocaleString() : "")));
      if (item.note) li.append(line("Note", item.note));
      return li;
    }
    const form = el("form", "decide");
    const score = el("input");
    score.type = "number"; score.min = 1; score.max = 100; score.placeholder = "100";
    score.name = "score"; score.setAttribute("aria-label", "Score for #" + item.id + " (1-100, empty: correct)");
    const note = el("input");
    note.type = "text"; note.maxLength = 500; note.name = "note";
    note.setAttribute("aria-label", "Note to the player for #" + item.id);
    note.placeholder = "note to the player (reject)";
    const buttons = [["accept", "Accept"], ["reject", "Reject"], ["skip", "Skip"], ["split", "Split"]].map(([action, text]) => {
      const b = el("button", "", text);
      b.type = "button";
      b.dataset.action = action;
      b.addEventListener("click", () => decide(item.id, action, score.value, note.value));
      return b;
    });
    form.append(score, note, ...buttons);
    li.append(form);
    return li;
  }

  async function decide(id, action, score, note) {
    const body = {};
    if (action === "accept" && score !== "") body.score = Number(score);
    if (action === "reject" && note.trim() !== "") body.note = note.trim();
    try {
      const outcome = await call("POST", "api/review/" + id + "/" + action, body);
      await load(outcome.message);
    } catch (e) {
      say(status, e.message, true);
    }
  }

  async function load(message) {
    let queue;
    try {
      queue = await call("GET", "api/review");
    } catch (e) {
      document.getElementById("pending-section").hidden = true;
      document.getElementById("decided-section").hidden = true;
      say(status, e.message, true);
      return;
    }
    const pending = document.getElementById("pending");
    const decided = document.getElementById("decided");
    pending.replaceChildren(...queue.pending.map(i => card(i, true)));
    decided.replaceChildren(...queue.decided.map(i => card(i, false)));
    document.getElementById("pending-section").hidden = false;
    document.getElementById("decided-section").hidden = queue.decided.length === 0;
    const summary = queue.pendingCount === 0 ? "The queue is empty." : queue.pendingCount + " waiting.";
    say(status, (message ? message + " " : "") + summary + " Link valid until "
      + new Date(queue.linkExpires).toLocaleString() + ".", false);
  }

  load();
})();
