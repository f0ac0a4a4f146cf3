// A player's or a team's page: numbers, the weekly chart with its period switch, topics, recent rounds.
"use strict";

(() => {
  const { getJson, say, el, percent, link, roundCard } = window.Quizbot;
  const $ = (id) => document.getElementById(id);
  // one page for both: served as team.html (or /team) for a team, as player.html otherwise
  const kind = /^team(\.html)?$/.test(location.pathname.split("/").pop()) ? "team" : "player";
  document.body.dataset.kind = kind;
  document.title = "quizbot " + kind;
  $("title").textContent = kind === "team" ? "Team" : "Player";
  $("members-section").hidden = kind !== "team";
  const status = $("status");
  const wanted = new URLSearchParams(location.search);
  const where = { platform: wanted.get("platform") || "", community: wanted.get("community") || "", name: wanted.get("name") || "" };
  const switches = [...document.querySelectorAll("[data-weeks]")];
  let weeks = [4, 12, 26, 52].includes(Number(wanted.get("weeks"))) ? Number(wanted.get("weeks")) : 12;
  let latest = 0;

  function topicNames(slugs, topics) {
    return slugs.map((s) => (topics.find((t) => t.slug === s) || { name: s }).name).join(", ") || "—";
  }

  function draw(p) {
    document.title = p.name + " · quizbot";
    $("title").textContent = p.name;
    $("subtitle").textContent = (kind === "team" ? "Team" : "Player") + " in " + p.communityName + " (" + p.platform + ")";
    $("board-link").href = link("./", { platform: p.platform, community: p.community, scope: kind === "team" ? "team" : "server", period: "all" });
    $("rounds-link").href = link("rounds.html", { platform: p.platform, community: p.community });
    $("answers").textContent = String(p.answers);
    $("correct").textContent = String(p.correct);
    $("accuracy").textContent = percent(p.accuracy);
    $("points").textContent = p.points.toLocaleString();
    window.QuizbotCharts.weekly($("weekly-chart"), p.weeks);
    const active = p.weeks.filter((w) => w.answers > 0).length;
    $("weekly-summary").textContent = p.weeks.length + " weeks from " + p.weeks[0].week + " (" + p.zone + "), "
      + active + " with answers";
    $("strongest").textContent = topicNames(p.strongest, p.topics);
    $("weakest").textContent = topicNames(p.weakest, p.topics);
    window.QuizbotCharts.topics($("topics-chart"), p.topics);
    if (p.members) {
      $("member-rows").replaceChildren(...p.members.map((m) => {
        const tr = el("tr");
        const name = el("td", "name");
        const a = el("a", "", m.name);
        a.href = link("player.html", { platform: p.platform, community: p.community, name: m.name });
        name.append(a);
        tr.append(name, el("td", "num", String(m.answers)), el("td", "num", percent(m.accuracy)),
          el("td", "num", m.points.toLocaleString()));
        return tr;
      }));
    }
    $("recent").replaceChildren(...p.recent.map((r) => roundCard(r.round, r.results)));
    $("recent-empty").hidden = p.recent.length > 0;
    $("profile").hidden = false;
  }

  async function load() {
    for (const b of switches) b.setAttribute("aria-pressed", String(Number(b.dataset.weeks) === weeks));
    history.replaceState(null, "", link(location.pathname, Object.assign({}, where, { weeks: weeks === 12 ? "" : weeks })));
    const request = ++latest;
    say(status, "Loading…");
    try {
      const p = await getJson(link("api/" + (kind === "team" ? "teams" : "players") + "/" + encodeURIComponent(where.platform)
        + "/" + encodeURIComponent(where.community), { name: where.name, weeks }));
      if (request !== latest) return;
      draw(p);
      say(status, "");
    } catch (e) {
      if (request === latest) {
        $("profile").hidden = true;
        say(status, e.message, true);
      }
    }
  }

  if (!where.platform || !where.community || !where.name) {
    say(status, "This page needs platform, community and name in its address; follow a name on the leaderboard page.", true);
    return;
  }
  for (const b of switches) b.addEventListener("click", () => { weeks = Number(b.dataset.weeks); load(); });
  load();
})();
