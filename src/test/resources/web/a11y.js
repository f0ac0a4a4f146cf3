// Accessibility checks run inside the page by AccessibilityTest. Each returns a list of
// problems, one line each, naming the element; an empty list means the page passes.
window.__a11y = (() => {
  const CONTROLS = "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex],"
    + " [role=button], [role=link], [role=checkbox], [role=tab], [contenteditable=true], img, canvas, svg[role=img]";

  const squash = (text) => (text || "").replace(/\s+/g, " ").trim();

  /** tag#id.class "text…", enough to find the element in the page source. */
  function describe(e) {
    let d = e.tagName.toLowerCase() + (e.id ? "#" + e.id : "");
    if (typeof e.className === "string" && e.className.trim()) d += "." + e.className.trim().split(/\s+/).join(".");
    for (const a of ["name", "type", "href", "data-weeks"]) if (e.hasAttribute(a)) d += "[" + a + "=" + e.getAttribute(a) + "]";
    const text = squash(e.textContent).slice(0, 40);
    return text ? d + " \"" + text + "\"" : d;
  }

  function shown(e) {
    const s = getComputedStyle(e);
    return e.getClientRects().length > 0 && s.visibility === "visible";
  }

  /** The accessible name, in the order of the accname spec's main steps. */
  function accessibleName(e) {
    const by = e.getAttribute("aria-labelledby");
    if (by) {
      const t = squash(by.split(/\s+/).map((id) => document.getElementById(id)).filter(Boolean)
        .map((x) => x.textContent).join(" "));
      if (t) return t;
    }
    const label = squash(e.getAttribute("aria-label"));
    if (label) return label;
    const tag = e.tagName;
    if (e.labels && e.labels.length) {
      const t = squash([...e.labels].map((l) => l.textContent).join(" "));
      if (t) return t;
    }
    if (tag === "IMG") return squash(e.getAttribute("alt")) || squash(e.getAttribute("title"));
    if (tag === "INPUT" && ["submit", "button", "reset"].includes(e.type)) return squash(e.value);
    if (!["INPUT", "SELECT", "TEXTAREA", "CANVAS", "svg"].includes(tag)) {
      const t = squash(e.textContent + " " + [...e.querySelectorAll("img[alt]")].map((i) => i.alt).join(" "));
      if (t) return t;
    }
    return squash(e.getAttribute("title"));
  }

  /** Every control (shown or not: a hidden one may be shown later) has a name; pictures are images with one. */
  function names() {
    const problems = [];
    for (const e of document.querySelectorAll(CONTROLS)) {
      if (e.closest("noscript")) continue;
      if (e.tagName === "CANVAS" && e.getAttribute("role") !== "img") {
        problems.push(describe(e) + " is a picture without role=\"img\"");
      }
      if (!accessibleName(e)) problems.push(describe(e) + " has no accessible name");
      if (e.getAttribute("aria-labelledby")) {
        for (const id of e.getAttribute("aria-labelledby").split(/\s+/)) {
          if (!document.getElementById(id)) problems.push(describe(e) + " is labelled by a missing #" + id);
        }
      }
    }
    for (const l of document.querySelectorAll("label[for]")) {
      if (!document.getElementById(l.htmlFor)) problems.push(describe(l) + " is for a missing #" + l.htmlFor);
    }
    return problems;
  }

  function rgba(text) {
    const m = /^rgba?\(([^)]*)\)$/.exec(text.trim());
    if (!m) return null;
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  }

  /** top drawn over bottom (an opaque colour). */
  function over(top, bottom) {
    const mix = (k) => top[k] * top.a + bottom[k] * (1 - top.a);
    return { r: mix("r"), g: mix("g"), b: mix("b"), a: 1 };
  }

  /** The colour behind e: its and its ancestors' background colours stacked, over white. */
  function background(e) {
    const layers = [];
    for (let n = e; n; n = n.parentElement) {
      const c = rgba(getComputedStyle(n).backgroundColor);
      if (c && c.a > 0) {
        layers.push(c);
        if (c.a >= 1) break;
      }
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), { r: 255, g: 255, b: 255, a: 1 });
  }

  // WCAG 2.x relative luminance and contrast ratio
  function luminance(c) {
    const lin = (v) => { const s = v / 255; return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
  }

  function ratio(a, b) {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  }

  const css = (c) => "rgb(" + [c.r, c.g, c.b].map(Math.round).join(", ") + ")";

  /** Large text (WCAG): at least 24px, or 18.66px (14pt) and bold. */
  function large(s) {
    const size = parseFloat(s.fontSize);
    return size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
  }

  function check(problems, e, what, colourText, s) {
    const fg = rgba(colourText);
    const bg = background(e);
    if (!fg) {
      problems.push(describe(e) + ": " + what + " colour " + colourText + " cannot be read");
      return;
    }
    const r = ratio(over(fg, bg), bg);
    const needed = large(s) ? 3 : 4.5;
    if (r < needed) {
      problems.push(describe(e) + ": " + what + " " + css(over(fg, bg)) + " on " + css(bg) + " is "
        + r.toFixed(2) + ":1, needs " + needed + ":1 (" + s.fontSize + ", weight " + s.fontWeight + ")");
    }
  }

  /**
   * Text contrast of every shown element with text of its own (and every field's value and
   * placeholder), counted against the background it is drawn on. Disabled controls are
   * exempt, as in WCAG 1.4.3.
   */
  function contrast() {
    const problems = [];
    let checked = 0;
    for (const e of document.body.querySelectorAll("*")) {
      if (["SCRIPT", "STYLE", "NOSCRIPT", "OPTION", "OPTGROUP", "CANVAS"].includes(e.tagName) || !shown(e)) continue;
      if (e.closest(":disabled")) continue;
      const s = getComputedStyle(e);
      const field = ["INPUT", "SELECT", "TEXTAREA"].includes(e.tagName);
      const ownText = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
      if (ownText || (field && (e.value || e.tagName === "SELECT"))) {
        check(problems, e, "text", s.color, s);
        checked++;
      }
      if (field && e.placeholder && !e.value) {
        check(problems, e, "placeholder", getComputedStyle(e, "::placeholder").color, s);
        checked++;
      }
    }
    if (checked === 0) problems.push("no text was found to check");
    return problems;
  }

  const walked = [];
  const styles = [];

  function drawn(e) {
    const s = getComputedStyle(e);
    return { outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, outlineColor: s.outlineColor, boxShadow: s.boxShadow };
  }

  /** Called after each TAB: notes what has the focus and how it is drawn; null when nothing, "again" once round. */
  function focused() {
    const e = document.activeElement;
    if (!e || e === document.body || e === document.documentElement) return null;
    if (walked.includes(e)) return "again";
    walked.push(e);
    styles.push(drawn(e));
    return describe(e);
  }

  function indicator(st) {
    return (st.outlineStyle !== "none" && parseFloat(st.outlineWidth) > 0) || (st.boxShadow && st.boxShadow !== "none");
  }

  /**
   * After the walk, with the focus removed: every element TAB reached drew an outline or a
   * shadow (not none, not 0px) that its unfocused self does not, in a colour at least 3:1
   * against what surrounds it (WCAG 1.4.11); and TAB reached every shown, enabled control.
   */
  function focusProblems() {
    if (document.activeElement) document.activeElement.blur();
    const problems = [];
    walked.forEach((e, i) => {
      const f = styles[i];
      const plain = drawn(e);
      const said = JSON.stringify(f);
      if (!indicator(f)) {
        problems.push(describe(e) + " shows no focus: " + said);
      } else if (JSON.stringify(plain) === said) {
        problems.push(describe(e) + " looks the same focused and unfocused: " + said);
      } else if (f.outlineStyle !== "none" && f.outlineStyle !== "auto" && parseFloat(f.outlineWidth) > 0) {
        const colour = rgba(f.outlineColor);
        const around = background(e.parentElement || e);
        if (colour && ratio(over(colour, around), around) < 3) {
          problems.push(describe(e) + ": focus outline " + f.outlineColor + " on " + css(around) + " is "
            + ratio(over(colour, around), around).toFixed(2) + ":1, needs 3:1");
        }
      }
    });
    const reachable = [...document.querySelectorAll(CONTROLS)]
      .filter((e) => e.tabIndex >= 0 && !e.disabled && shown(e) && !e.closest("noscript"));
    for (const e of reachable) if (!walked.includes(e)) problems.push(describe(e) + " cannot be reached with TAB");
    if (walked.length === 0) problems.push("TAB focused nothing");
    return problems;
  }

  return { names, contrast, focused, focusProblems };
})();
