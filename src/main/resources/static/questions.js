// The question browser: search and filters in the address (linkable), one page of the API at a time.
"use strict";

(() => {
  const { getJson, say, option, el } = window.Quizbot;
  const $ = (id) => document.getElementById(id);
  const form = $("filters");
  const fields = { q: $("q"), topic: $("topic"), difficulty: $("difficulty") };
  const status = $("status");
  const list = $("questions");
  let page = 1;
  let latest = 0;
  let typing = 0;

  function state() {
    return { q: fields.q.value.trim(), topic: fields.topic.value, difficulty: fields.difficulty.value, page };
  }

  function remember() {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(state())) if (v && !(k === "page" && v === 1)) q.set(k, v);
    history.replaceState(null, "", q.toString() ? "?" + q : location.pathname);
  }

  function section(title, items, className) {
    const box = el("div", className);
    box.append(el("h4", "", title));
    const ul = el("ul");
    ul.append(...items.map((text) => el("li", "", text)));
    box.append(ul);
    return box;
  }

  function card(q) {
    const li = el("li", "card question");
    li.dataset.id = q.id;
    li.append(el("h3", "", q.question));
    li.append(el("p", "meta", q.topicName + " · " + q.difficulty));
    if (q.concepts.length) li.append(section("Key concepts", q.concepts, "concepts"));
    if (q.misconceptions && q.misconceptions.length) li.append(section("Common misconceptions", q.misconceptions, "misconceptions"));
    if (q.sources.length) li.append(section("Sources", q.sources.map((s) => s.document + " — " + s.heading), "sources"));
    const answerId = "answer-" + q.id;
    const toggle = el("button", "toggle", "Show answer");
    toggle.type = "button";
    toggle.setAttribute("aria-expanded", "false");
    toggle.setAttribute("aria-controls", answerId);
    const answer = el("div", "answer");
    answer.id = answerId;
    answer.hidden = true;
    answer.append(el("h4", "", "Reference answer"), el("p", "", q.answer));
    toggle.addEventListener("click", () => {
      const open = answer.hidden;
      answer.hidden = !open;
      toggle.setAttribute("aria-expanded", String(open));
      toggle.textContent = open ? "Hide answer" : "Show answer";
    });
    li.append(toggle, answer);
    return li;
  }

  async function load() {
    remember();
    const request = ++latest;
    say(status, "Loading…");
    try {
      const s = state();
      const result = await getJson("api/questions?" + new URLSearchParams({ q: s.q, topic: s.topic, difficulty: s.difficulty, page: s.page }));
      if (request !== latest) return;
      list.replaceChildren(...result.questions.map(card));
      const first = (result.page - 1) * result.size + 1;
      say(status, result.total === 0 ? "No questions match. Try fewer words or another topic."
        : result.total === 1 ? "1 question"
        : result.pages === 1 ? result.total + " questions"
        : result.total + " questions, showing " + first + "–" + (first + result.questions.length - 1));
      $("pager").hidden = result.pages <= 1;
      $("page-info").textContent = "Page " + result.page + " of " + result.pages;
      $("prev").disabled = result.page <= 1;
      $("next").disabled = result.page >= result.pages;
    } catch (e) {
      if (request === latest) {
        list.replaceChildren();
        say(status, e.message, true);
      }
    }
  }

  function restart() {
    page = 1;
    load();
  }

  async function start() {
    const wanted = new URLSearchParams(location.search);
    fields.q.value = wanted.get("q") || "";
    page = Math.max(1, Number.parseInt(wanted.get("page") || "1", 10) || 1);
    try {
      const topics = (await getJson("api/topics")).topics;
      fields.topic.append(...topics.map((t) => option(t.slug, t.name + " (" + t.questions + ")")));
    } catch (e) {
      say(status, e.message, true);
    }
    for (const name of ["topic", "difficulty"]) {
      const value = wanted.get(name);
      if (value && [...fields[name].options].some((o) => o.value === value)) fields[name].value = value;
      fields[name].addEventListener("change", restart);
    }
    form.addEventListener("submit", (e) => { e.preventDefault(); clearTimeout(typing); restart(); });
    fields.q.addEventListener("input", () => { clearTimeout(typing); typing = setTimeout(restart, 300); });
    $("prev").addEventListener("click", () => { page--; load(); });
    $("next").addEventListener("click", () => { page++; load(); });
    load();
  }

  start();
})();
