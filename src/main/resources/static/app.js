// The leaderboard page: reads the JSON API and renders one board (helpers from common.js). No framework, no build step.
"use strict";

(() => {
  const { getJson, option, el, link } = window.Quizbot;
  const $ = (id) => document.getElementById(id);
  const form = { community: $("community"), scope: $("scope"), channel: $("channel"), period: $("period") };
  const status = $("status");
  const table = $("board");
  const rows = $("board-rows");
  const PERIODS = { today: "today", week: "this week", month: "this month", all: "all time" };
  let communities = [];
  let latest = 0; // only the newest request may draw, when answers arrive out of order

  const say = (text, isError) => window.Quizbot.say(status, text, isError);

  function selectedCommunity() {
    return communities[Number(form.community.value)];
  }

  function fillChannels() {
    const c = selectedCommunity();
    const wanted = form.channel.value || new URLSearchParams(location.search).get("channel");
    form.channel.replaceChildren(...(c ? c.channels.map((ch) => option(ch.id, ch.name)) : []));
    if (wanted && c && c.channels.some((ch) => ch.id === wanted)) {
      form.channel.value = wanted;
    }
  }

  function showChannelField() {
    $("channel-field").hidden = form.scope.value !== "channel";
  }

  function remember() {
    const c = selectedCommunity();
    if (!c) return;
    const q = new URLSearchParams({ platform: c.platform, community: c.id, scope: form.scope.value, period: form.period.value });
    if (form.scope.value === "channel" && form.channel.value) q.set("channel", form.channel.value);
    history.replaceState(null, "", "?" + q);
    const rounds = { platform: c.platform, community: c.id };
    if (form.scope.value === "channel" && form.channel.value) rounds.channel = form.channel.value;
    $("rounds-link").href = link("rounds.html", rounds);
  }

  function number(value, digits) {
    return value.toLocaleString(undefined, { maximumFractionDigits: digits });
  }

  function draw(board) {
    const scopeText = board.scope === "team" ? "Teams" : board.scope === "channel" ? board.channel.name : board.communityName;
    $("board-title").textContent = scopeText + " · " + PERIODS[board.period];
    $("board-caption").textContent = "Leaderboard for " + scopeText + ", " + PERIODS[board.period];
    const w = board.window;
    $("board-window").textContent = (w.first ? (w.first === w.last ? w.first : w.first + " to " + w.last) : "All time")
      + " (" + w.zone + ")";
    $("points-heading").textContent = board.scope === "team" ? "Points per active member" : "Points";
    rows.replaceChildren(...board.rows.map((r) => {
      const tr = el("tr");
      const name = el("td", "name");
      const c = selectedCommunity();
      const page = board.scope === "team" ? "team.html" : "player.html";
      const a = el("a", "", r.name);
      a.href = link(page, { platform: c.platform, community: c.id, name: r.name });
      name.append(a);
      tr.append(el("td", "num rank", String(r.rank)), name, el("td", "num", number(r.points, 1)),
        el("td", "num", String(r.answers)), el("td", "num", String(r.correct)), el("td", "num", number(r.accuracy * 100, 0) + "%"));
      return tr;
    }));
    table.hidden = board.rows.length === 0;
    if (board.rows.length === 0) {
      say(board.scope === "team"
        ? "No teams here yet. Create one in chat with “team create NAME”."
        : "Nobody has scored " + PERIODS[board.period] + " yet. Answer a question in chat to get on the board.");
    } else {
      say("");
    }
  }

  async function load() {
    showChannelField();
    const c = selectedCommunity();
    if (!c) return;
    remember();
    const q = new URLSearchParams({ scope: form.scope.value, period: form.period.value });
    if (form.scope.value === "channel") {
      if (!form.channel.value) {
        table.hidden = true;
        say("No channel of this community has scores yet.");
        return;
      }
      q.set("channel", form.channel.value);
    }
    const request = ++latest;
    say("Loading…");
    try {
      const board = await getJson("api/leaderboards/" + encodeURIComponent(c.platform) + "/"
        + encodeURIComponent(c.id) + "?" + q);
      if (request === latest) draw(board);
    } catch (e) {
      if (request === latest) {
        table.hidden = true;
        say(e.message, true);
      }
    }
  }

  async function start() {
    const wanted = new URLSearchParams(location.search);
    for (const name of ["scope", "period"]) {
      const value = wanted.get(name);
      if (value && [...form[name].options].some((o) => o.value === value)) form[name].value = value;
    }
    try {
      communities = (await getJson("api/communities")).communities;
    } catch (e) {
      say(e.message, true);
      return;
    }
    if (communities.length === 0) {
      form.community.disabled = true;
      say("No scores yet anywhere. Once someone answers a question in chat, their community appears here.");
      return;
    }
    form.community.replaceChildren(...communities.map((c, i) =>
      option(String(i), c.name + " (" + c.platform + ", " + c.players + (c.players === 1 ? " player)" : " players)"))));
    const chosen = communities.findIndex((c) => c.platform === wanted.get("platform") && c.id === wanted.get("community"));
    form.community.value = String(Math.max(chosen, 0));
    fillChannels();
    form.community.addEventListener("change", () => { fillChannels(); load(); });
    for (const name of ["scope", "channel", "period"]) form[name].addEventListener("change", load);
    load();
  }

  start();
})();
