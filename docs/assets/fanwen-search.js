/* 范文参考库: exact phrase search over the character-bigram index (see scripts/fanwen/search_index.py).
 *
 * The state lives in the URL: search/?q=公开承诺&unit_type=国有企业&genre=讲话稿&year=2010.
 * A query is one or more phrases separated by spaces; a report matches when its text
 * contains every phrase. Only the index shards of the query's bigrams are fetched.
 */
(function () {
  "use strict";
  var root = document.getElementById("fanwen-search");
  if (!root) return;
  var INDEX = root.getAttribute("data-index");
  var REPORTS = root.getAttribute("data-reports");
  var PAGE = 50;
  var FILTERS = ["unit_type", "genre", "year"];
  var LABELS = { unit_type: "单位类型", genre: "文种", year: "年份" };

  var cache = {};
  function getJSON(path) {
    if (!cache[path]) {
      cache[path] = fetch(INDEX + path).then(function (r) {
        if (!r.ok) throw new Error(path + ": HTTP " + r.status);
        return r.json();
      });
    }
    return cache[path];
  }

  var CRC = (function () {
    var t = new Uint32Array(256);
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      t[n] = c >>> 0;
    }
    return t;
  })();
  function crc32(str) {
    var bytes = new TextEncoder().encode(str), c = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) c = CRC[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  }

  var t2s = null;
  /* As normalise_char in search_index.py: one character for one, so positions line up. */
  function normaliseChar(ch) {
    ch = t2s.get(ch) || ch;
    var n = ch.normalize("NFKC").toLowerCase();
    return Array.from(n).length === 1 ? n : ch.toLowerCase();
  }
  function normalise(s) {
    var out = "";
    for (var ch of s.replace(/\s+/g, "")) out += normaliseChar(ch);
    return out;
  }

  function decode(list) {
    var docs = new Map(), doc = 0;
    list.split(";").forEach(function (part) {
      var colon = part.indexOf(":");
      doc += parseInt(part.slice(0, colon), 36);
      var pos = 0, set = new Set();
      part.slice(colon + 1).split(",").forEach(function (d) { pos += parseInt(d, 36); set.add(pos); });
      docs.set(doc, set);
    });
    return docs;
  }

  /* doc -> {count, first} for the reports containing the phrase. */
  function matchPhrase(phrase, postings) {
    var grams = [];
    for (var i = 0; i + 1 < phrase.length; i++) grams.push(postings[phrase.slice(i, i + 2)]);
    var found = new Map();
    if (grams.some(function (g) { return !g; })) return found;
    var rarest = grams.reduce(function (a, b) { return a.size <= b.size ? a : b; });
    rarest.forEach(function (_, doc) {
      if (!grams.every(function (g) { return g.has(doc); })) return;
      var count = 0, first = -1;
      grams[0].get(doc).forEach(function (p) {
        for (var k = 1; k < grams.length; k++) if (!grams[k].get(doc).has(p + k)) return;
        count++;
        if (first < 0 || p < first) first = p;
      });
      if (count) found.set(doc, { count: count, first: first });
    });
    return found;
  }

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") e.textContent = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(c); });
    return e;
  }

  function hrefWith(params, key, value) {
    var p = new URLSearchParams(params);
    if (value === null) p.delete(key); else p.set(key, value);
    return "?" + p.toString();
  }

  /* A line of the report around the first match in its body, the phrases marked. */
  function excerpt(text, phrases) {
    var norm = normalise(text), at = -1;
    var bodyStart = text.indexOf(meta.separator) + 1;
    phrases.forEach(function (p) {
      var i = norm.indexOf(p, bodyStart);
      if (i < 0) i = norm.indexOf(p);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    });
    at = Math.max(at, 0);
    var lineStart = text.lastIndexOf(meta.separator, at) + 1;
    var lineEnd = text.indexOf(meta.separator, at);
    if (lineEnd < 0) lineEnd = text.length;
    var from = Math.max(lineStart, at - 40), to = Math.min(lineEnd, at + 80);
    var p = el("p", { class: "fanwen-excerpt" }), last = from;
    if (from > lineStart) p.appendChild(document.createTextNode("…"));
    for (var i = from; i < to; i++) {
      var hit = phrases.find(function (ph) { return norm.startsWith(ph, i); });
      if (!hit) continue;
      p.appendChild(document.createTextNode(text.slice(last, i)));
      p.appendChild(el("mark", { text: text.slice(i, i + hit.length) }));
      last = i + hit.length;
      i = last - 1;
    }
    p.appendChild(document.createTextNode(text.slice(last, Math.max(last, to))));
    if (to < lineEnd) p.appendChild(document.createTextNode("…"));
    return p;
  }

  var meta, docs;
  var params = new URLSearchParams(location.search);
  var q = (params.get("q") || "").trim();
  var form = root.querySelector("form");
  var status = root.querySelector(".fanwen-status");
  var facetsBox = root.querySelector(".fanwen-facets");
  var list = root.querySelector(".fanwen-results");
  var more = root.querySelector(".fanwen-more");
  form.q.value = q;

  function say(text) { status.textContent = text; }

  function yearOf(d) { return /^\d{4}/.test(d[4]) ? d[4].slice(0, 4) : ""; }
  function facetValue(key, d) {
    return key === "unit_type" ? meta.units[d[2]] : key === "genre" ? meta.genres[d[3]] : yearOf(d);
  }

  function renderFacets(matches) {
    facetsBox.innerHTML = "";
    FILTERS.forEach(function (key) {
      var counts = new Map();
      matches.forEach(function (_, id) {
        var d = docs[id];
        var ok = FILTERS.every(function (other) {
          return other === key || !params.get(other) || facetValue(other, d) === params.get(other);
        });
        if (!ok) return;
        var v = facetValue(key, d) || "未注明";
        counts.set(v, (counts.get(v) || 0) + 1);
      });
      var order = key === "unit_type" ? meta.units : key === "genre" ? meta.genres : Array.from(counts.keys()).sort().reverse();
      var group = el("div", { class: "fanwen-facet", "data-facet": key }, [el("span", { class: "fanwen-facet__name", text: LABELS[key] + "：" })]);
      var current = params.get(key);
      group.appendChild(el("a", { href: hrefWith(params, key, null), class: current ? "" : "fanwen-active", text: "全部" }));
      order.forEach(function (v) {
        if (!counts.get(v) || v === "未注明") return;
        group.appendChild(el("a", {
          href: hrefWith(params, key, v), "data-value": v, "data-count": String(counts.get(v)),
          class: current === v ? "fanwen-active" : "", text: v + "（" + counts.get(v) + "）"
        }));
      });
      facetsBox.appendChild(group);
    });
  }

  function run() {
    if (!q) { say("输入要查找的做法或词句，如“领导点评”“公开承诺”；多个词语用空格分开。"); return; }
    say("正在搜索……");
    getJSON("meta.json").then(function (m) {
      meta = m;
      t2s = new Map();
      Array.from(m.t2s[0]).forEach(function (ch, i) { t2s.set(ch, Array.from(m.t2s[1])[i]); });
      var phrases = q.split(/\s+/).map(normalise).filter(Boolean);
      if (!phrases.length || phrases.some(function (p) { return Array.from(p).length < 2; })) {
        say("每个词语请至少输入两个字。");
        return null;
      }
      var grams = new Set();
      phrases.forEach(function (p) { for (var i = 0; i + 1 < p.length; i++) grams.add(p.slice(i, i + 2)); });
      var shards = new Set();
      grams.forEach(function (g) { shards.add(crc32(g) % meta.shards); });
      return Promise.all([getJSON("docs.json")].concat(Array.from(shards).map(function (s) { return getJSON("shards/" + s + ".json"); })))
        .then(function (loaded) {
          docs = loaded[0];
          var postings = {};
          loaded.slice(1).forEach(function (shard) {
            grams.forEach(function (g) { if (shard[g] !== undefined && !postings[g]) postings[g] = decode(shard[g]); });
          });
          var matches = null;
          phrases.forEach(function (p) {
            var found = matchPhrase(p, postings);
            if (matches === null) matches = found;
            else matches.forEach(function (v, id) {
              if (!found.has(id)) matches.delete(id);
              else v.count += found.get(id).count;
            });
          });
          show(phrases, matches || new Map());
        });
    }).catch(function (e) { say("搜索索引加载失败：" + e.message); });
  }

  function show(phrases, matches) {
    renderFacets(matches);
    var hits = [];
    matches.forEach(function (v, id) {
      var d = docs[id];
      if (FILTERS.every(function (k) { return !params.get(k) || facetValue(k, d) === params.get(k); })) hits.push([id, v]);
    });
    hits.sort(function (a, b) { return b[1].count - a[1].count || (docs[b[0]][4] > docs[a[0]][4] ? 1 : -1) || a[0] - b[0]; });
    var filtered = FILTERS.filter(function (k) { return params.get(k); }).map(function (k) { return params.get(k); });
    say(hits.length ? "找到 " + hits.length + " 篇范文含有“" + q + "”" + (filtered.length ? "（" + filtered.join("，") + "）" : "") + "。"
                    : "没有找到含有“" + q + "”的范文" + (filtered.length ? "（" + filtered.join("，") + "）" : "") + "。");
    var shown = 0;
    function page() {
      hits.slice(shown, shown + PAGE).forEach(function (h) {
        var d = docs[h[0]];
        var link = el("a", { href: REPORTS + d[0] + "/?h=" + encodeURIComponent(phrases.join(" ")), text: d[1] });
        var info = [d[5], meta.units[d[2]], meta.genres[d[3]], d[4] ? d[4].replace(/^--/, "") : ""].filter(Boolean).join(" · ");
        var item = el("li", { class: "fanwen-result", "data-slug": d[0] }, [
          el("h3", {}, [link]),
          el("p", { class: "fanwen-result__meta", text: info + " · 出现 " + h[1].count + " 次" })
        ]);
        list.appendChild(item);
        getJSON("text/" + h[0] + ".json").then(function (text) { item.appendChild(excerpt(text, phrases)); });
      });
      shown = Math.min(hits.length, shown + PAGE);
      more.hidden = shown >= hits.length;
      more.textContent = "加载更多（还有 " + (hits.length - shown) + " 篇）";
    }
    list.innerHTML = "";
    more.onclick = page;
    page();
  }

  run();
})();
