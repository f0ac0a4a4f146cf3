// A channel's past rounds: the published communities and their channels, one page of reveals at a time.
"use strict";

(() => {
  const { getJson, say, option, link, roundCard, plural } = window.Quizbot;
  const $ = (id) => document.getElementById(id);
  const status = $("status");
  const form = { community: $("community"), channel: $("channel") };
  const wanted = new URLSearchParams(location.search);
  let communities = [];
  let page = Math.max(1, Number.parseInt(wanted.get("page") || "1", 10) || 1);
  let latest = 0;

  const selected = () => communities[Number(form.community.value)];

  function fillChannels(preferred) {
    const c = selected();
    form.channel.replaceChildren(...(c ? c.channels.map((ch) => option(ch.id, ch.name)) : []));
    if (preferred && c && c.channels.some((ch) => ch.id === preferred)) form.channel.value = preferred;
  }

  async function load() {
    const c = selected();
    if (!c || !form.channel.value) {
      $("history").hidden = true;
      say(status, "No channel of this community has rounds with answers yet.");
      return;
    }
    history.replaceState(null, "", link(location.pathname, { platform: c.platform, community: c.id,
      channel: form.channel.value, page: page === 1 ? "" : page }));
    $("board-link").href = link("./", { platform: c.platform, community: c.id, scope: "channel", channel: form.channel.value });
    const request = ++latest;
    say(status, "Loading…");
    try {
      const result = await getJson("api/rounds/" + encodeURIComponent(c.platform) + "/" + encodeURIComponent(c.id) + "/"
        + encodeURIComponent(form.channel.value) + "?" + new URLSearchParams({ page }));
      if (request !== latest) return;
      $("history-title").textContent = "Rounds in " + result.channel.name;
      $("rounds").replaceChildren(...result.rounds.map((r) => roundCard(r)));
      window.QuizbotCharts.reveals($("reveals-chart"), result.rounds.slice().reverse());
      $("history").hidden = result.rounds.length === 0;
      $("pager").hidden = result.pages <= 1;
      $("page-info").textContent = "Page " + result.page + " of " + result.pages;
      $("prev").disabled = result.page <= 1;
      $("next").disabled = result.page >= result.pages;
      say(status, result.total === 0 ? "No round in this channel has closed yet." : plural(result.total, "round"));
    } catch (e) {
      if (request === latest) {
        $("history").hidden = true;
        say(status, e.message, true);
      }
    }
  }

  async function start() {
    try {
      communities = (await getJson("api/communities")).communities;
    } catch (e) {
      say(status, e.message, true);
      return;
    }
    if (communities.length === 0) {
      say(status, "No community is on the web yet. An admin adds one with “leaderboard publish on” in chat.");
      return;
    }
    form.community.replaceChildren(...communities.map((c, i) => option(String(i), c.name + " (" + c.platform + ")")));
    const chosen = communities.findIndex((c) => c.platform === wanted.get("platform") && c.id === wanted.get("community"));
    form.community.value = String(Math.max(chosen, 0));
    fillChannels(wanted.get("channel"));
    form.community.addEventListener("change", () => { page = 1; fillChannels(); load(); });
    form.channel.addEventListener("change", () => { page = 1; load(); });
    $("prev").addEventListener("click", () => { page--; load(); });
    $("next").addEventListener("click", () => { page++; load(); });
    load();
  }

  start();
})();
