// Helpers every page shares: JSON requests with the API's {"error": "..."} messages, status lines.
"use strict";

window.Quizbot = (() => {
  async function getJson(path) {
    let response;
    try {
      response = await fetch(path, { headers: { Accept: "application/json" } });
    } catch (e) {
      throw new Error("The server could not be reached. Check your connection and reload.");
    }
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      // not JSON: fall through to the status below
    }
    if (!response.ok) {
      throw new Error((body && body.error) || "The server answered " + response.status + ".");
    }
    return body;
  }

  function say(element, text, isError) {
    element.textContent = text;
    element.classList.toggle("error", Boolean(isError));
  }

  function option(value, text) {
    const o = document.createElement("option");
    o.value = value;
    o.textContent = text;
    return o;
  }

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function percent(share) {
    return Math.round(share * 100) + "%";
  }

  /** A page URL with the given query parameters, empty ones left out. */
  function link(page, params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, v);
    return page + "?" + q;
  }

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  /** A revealed round as a card: question, when and where, reveal statistics, the reference answer. */
  function roundCard(round, results) {
    const li = el("li", "card round");
    li.dataset.round = String(round.id);
    li.append(el("h3", "", round.question));
    li.append(el("p", "meta", "Round " + round.id + " · " + round.channel.name + " · " + round.topicName + " · "
      + round.difficulty + " · closed " + new Date(round.closedAt).toLocaleString()));
    li.append(el("p", "stats", plural(round.answered, "answer") + ": " + round.correct + " correct, " + round.partial
      + " partial, " + round.incorrect + " incorrect" + (round.answered ? " · mean score " + round.meanScore : "")));
    if (results && results.length) {
      const ul = el("ul", "results");
      ul.append(...results.map((r) => {
        const item = el("li", "", r.name + ": ");
        item.append(el("span", "verdict-" + r.verdict, r.verdict), document.createTextNode(" (score " + r.score + ", "
          + r.points + " points)"));
        return item;
      }));
      li.append(ul);
    }
    const reveal = el("div", "answer");
    reveal.append(el("h4", "", "Reference answer (revealed)"), el("p", "", round.referenceAnswer));
    if (round.commonMistake) reveal.append(el("h4", "", "A common mistake"), el("p", "mistake", round.commonMistake));
    li.append(reveal);
    return li;
  }

  return { getJson, say, option, el, percent, link, plural, roundCard };
})();
