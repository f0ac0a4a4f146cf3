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

  return { getJson, say, option, el, percent, link };
})();
