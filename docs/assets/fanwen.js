/* 范文参考库: copy buttons and phrase highlighting on report pages (no search code here). */
(function () {
  "use strict";

  /* Copy text; works on a plain http:// intranet address where navigator.clipboard is missing. */
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return legacyCopy(text); });
    }
    return legacyCopy(text);
  }

  function legacyCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.top = "-1000px";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function toast(message) {
    var el = document.createElement("div");
    el.className = "fanwen-toast";
    el.setAttribute("role", "status");
    el.textContent = message;
    document.body.appendChild(el);
    setTimeout(function () { el.remove(); }, 1800);
  }

  function pageUrl(hash) {
    // not location.origin: it is "null" when the page is opened from a folder (file://)
    return location.href.split(/[?#]/)[0] + (hash ? "#" + hash : "");
  }

  function articleText(article) {
    var clone = article.cloneNode(true);
    clone.querySelectorAll(".admonition, .fanwen-card, .fanwen-related, .headerlink, .fanwen-section-copy, script")
      .forEach(function (el) { el.remove(); });
    return clone.innerText.replace(/\n{3,}/g, "\n\n").trim();
  }

  function setupCopy(article) {
    article.addEventListener("click", function (event) {
      var button = event.target.closest("[data-fanwen-copy]");
      if (!button) return;
      var kind = button.getAttribute("data-fanwen-copy");
      var text = kind === "text" ? articleText(article) : pageUrl(button.getAttribute("data-fanwen-hash"));
      copy(text).then(function () { toast(kind === "text" ? "全文已复制" : "链接已复制"); },
                      function () { toast("复制失败，请手动复制"); });
    });
    if (!article.querySelector(".fanwen-card")) return;
    article.querySelectorAll("h2[id], h3[id], h4[id], h5[id]").forEach(function (h) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "fanwen-section-copy";
      b.setAttribute("data-fanwen-copy", "link");
      b.setAttribute("data-fanwen-hash", h.id);
      b.title = "复制本节链接";
      b.textContent = "复制链接";
      h.appendChild(b);
    });
  }

  /* ?h=phrase (from the search page): mark every occurrence in the report text. */
  function highlight(article, phrases) {
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, null);
    var nodes = [];
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement.closest(".fanwen-card, .fanwen-related, .admonition, button, script")) nodes.push(n);
    }
    var first = null;
    nodes.forEach(function (node) {
      var text = node.nodeValue, hits = [];
      phrases.forEach(function (p) {
        for (var i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + p.length)) hits.push([i, i + p.length]);
      });
      if (!hits.length) return;
      hits.sort(function (a, b) { return a[0] - b[0]; });
      var frag = document.createDocumentFragment(), at = 0;
      hits.forEach(function (h) {
        if (h[0] < at) return;
        frag.appendChild(document.createTextNode(text.slice(at, h[0])));
        var mark = document.createElement("mark");
        mark.className = "fanwen-hit";
        mark.textContent = text.slice(h[0], h[1]);
        frag.appendChild(mark);
        first = first || mark;
        at = h[1];
      });
      frag.appendChild(document.createTextNode(text.slice(at)));
      node.parentNode.replaceChild(frag, node);
    });
    if (first && !location.hash) first.scrollIntoView({ block: "center" });
  }

  function init() {
    var article = document.querySelector("article.md-content__inner");
    if (!article) return;
    setupCopy(article);
    var h = new URLSearchParams(location.search).get("h");
    if (h) highlight(article, h.split(/\s+/).filter(Boolean));
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
