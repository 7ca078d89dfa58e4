/* 范文参考库: exact phrase search over the bigram index (see scripts/fanwen/search_index.py).
 *
 * The state lives in the URL: search/?q=公开承诺&unit_type=国有企业&genre=讲话稿&year=2010.
 * A query is one or more phrases separated by spaces; a report matches when its text
 * contains every phrase. The reports holding all of the query's bigrams are candidates;
 * they are checked newest first, a page at a time, against their text, and only reports
 * that really contain the phrase are listed.
 *
 * The index files are scripts that call fanwenSearchData(name, data); they are loaded with
 * <script> elements, which works from a web server and from file:// (the offline copy).
 */
(function () {
  "use strict";
  var root = document.getElementById("fanwen-search");
  if (!root) return;
  var INDEX = root.getAttribute("data-index");
  var REPORTS = root.getAttribute("data-reports");
  var PAGE = 20;
  var FILTERS = ["unit_type", "genre", "year"];
  var LABELS = { unit_type: "单位类型", genre: "文种", year: "年份" };
  /* From a folder on disk (file://) a link to a folder opens a file listing: name index.html. */
  var INDEX_HTML = location.protocol === "file:" ? "index.html" : "";

  var cache = {}, arrived = {};
  window.fanwenSearchData = function (name, data) {
    if (arrived[name]) arrived[name](data);
  };
  function get(name) {
    if (!cache[name]) {
      cache[name] = new Promise(function (resolve, reject) {
        var done = false;
        arrived[name] = function (data) { done = true; delete arrived[name]; resolve(data); };
        var s = document.createElement("script");
        s.src = INDEX + name + ".js";
        s.onload = function () { s.remove(); if (!done) reject(new Error(name + ".js 内容不对")); };
        s.onerror = function () { s.remove(); reject(new Error(name + ".js 无法读取")); };
        document.head.appendChild(s);
      });
    }
    return cache[name];
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

  var meta, facets, yearOfDoc, t2s = new Map();
  /* Only the Traditional->Simplified tables of the query's own characters are loaded:
     t2s/N.js covers code points N * 512 to N * 512 + 511 (T2S_SHIFT, T2S_RANGE in search_index.py). */
  function loadT2S(q) {
    var buckets = new Set();
    for (var ch of q) {
      var c = ch.codePointAt(0);
      if (c >= 0x3400 && c < 0xa000) buckets.add(c >> 9);
    }
    return Promise.all(Array.from(buckets).map(function (b) {
      return get("t2s/" + b).then(function (m) { Object.keys(m).forEach(function (k) { t2s.set(k, m[k]); }); });
    }));
  }
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

  function decodeDocs(text) {
    var out = [];
    if (text.charAt(0) === "~") {
      var bin = atob(text.slice(1));
      for (var i = 0; i < bin.length; i++) {
        var byte = bin.charCodeAt(i);
        for (var b = 0; b < 8; b++) if (byte >> b & 1) out.push(i * 8 + b);
      }
    } else {
      var last = 0;
      text.split(",").forEach(function (d) { last += parseInt(d, 36); out.push(last); });
    }
    return out;
  }
  function rank(sorted, doc) {
    var lo = 0, hi = sorted.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (sorted[mid] === doc) return mid;
      if (sorted[mid] < doc) lo = mid + 1; else hi = mid - 1;
    }
    return -1;
  }

  /* bigram -> {count, docs} */
  var grams = {};
  function loadGram(g) {
    return get("sets/" + (crc32(g) % meta.shards)).then(function (shard) {
      var e = shard[g];
      grams[g] = e ? { count: e[0], docs: decodeDocs(e[1]) } : null;
    });
  }

  /* A report's row: [slug, title, unit, genre, date, org, body start, text], the text inflated. */
  var texts = {};
  function inflate(b64) {
    var bin = atob(b64), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"))).text();
  }
  function report(doc) {
    if (!texts[doc]) {
      texts[doc] = get("text/" + Math.floor(doc / meta.pack)).then(function (rows) {
        var row = rows[doc % meta.pack];
        return inflate(row[7]).then(function (text) {
          return { head: row, text: text, norm: normalise(text) };
        });
      });
    }
    return texts[doc];
  }
  function bigrams(phrase) {
    var cs = Array.from(phrase), out = [];
    for (var i = 0; i + 1 < cs.length; i++) out.push(cs[i] + cs[i + 1]);
    return out;
  }

  /* Where the phrase is in the report: {head, text, at}, or null; a match in the body is
     preferred to one in the title. Offsets count UTF-16 units, like the strings. */
  function verify(doc, phrase) {
    return report(doc).then(function (r) {
      var body = Array.from(r.text).slice(0, r.head[6]).join("").length;
      var at = r.norm.indexOf(phrase, body);
      if (at < 0) at = r.norm.indexOf(phrase);
      return at >= 0 ? { head: r.head, text: r.text, norm: r.norm, at: at } : null;
    });
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

  /* The line around the match, the phrases marked. */
  function excerpt(hit, phrases) {
    var text = hit.text, norm = hit.norm, at = hit.at, sep = meta.separator;
    var lineStart = text.lastIndexOf(sep, at) + 1;
    var lineEnd = text.indexOf(sep, at);
    if (lineEnd < 0) lineEnd = text.length;
    var from = Math.max(lineStart, at - 40), to = Math.min(lineEnd, at + 80);
    var p = el("p", { class: "fanwen-excerpt" }), last = from;
    if (from > 0 && text.charAt(from - 1) !== sep) p.appendChild(document.createTextNode("…"));
    for (var i = from; i < to; i++) {
      var found = phrases.find(function (ph) { return norm.startsWith(ph, i); });
      if (!found) continue;
      p.appendChild(document.createTextNode(text.slice(last, i)));
      p.appendChild(el("mark", { text: text.slice(i, i + found.length) }));
      last = i + found.length;
      i = last - 1;
    }
    p.appendChild(document.createTextNode(text.slice(last, Math.max(last, to))));
    if (to < text.length && text.charAt(to) !== sep) p.appendChild(document.createTextNode("…"));
    return p;
  }

  var params = new URLSearchParams(location.search);
  var q = (params.get("q") || "").trim();
  var form = root.querySelector("form");
  var status = root.querySelector(".fanwen-status");
  var facetsBox = root.querySelector(".fanwen-facets");
  var list = root.querySelector(".fanwen-results");
  var more = root.querySelector(".fanwen-more");
  form.q.value = q;

  /* A query that names a practice of the 做法库 (or one of its variants): a link to its page. */
  var practices = document.getElementById("fanwen-practices");
  var practice = q && practices ? JSON.parse(practices.textContent)[q] : null;
  if (practice) {
    var box = root.querySelector(".fanwen-practice");
    box.appendChild(document.createTextNode("“" + practice[0] + "”是做法库里的一个做法："));
    box.appendChild(el("a", { href: "../practices/" + practice[1] + "/" + INDEX_HTML, text: "看 " + practice[2] + " 篇范文怎样写它（按单位类型分组，每篇摘出那句话）" }));
    box.hidden = false;
  }

  function say(text) { status.textContent = text; }

  function facetValue(key, doc) {
    var code = facets.charCodeAt(doc) - 0x30;
    if (key === "unit_type") return meta.units[Math.floor(code / meta.genres.length)];
    if (key === "genre") return meta.genres[code % meta.genres.length];
    return yearOfDoc[doc];
  }

  var queryPhrases = [], candidates = [], checked = new Map(), exactSets = false;

  /* Counts are candidates less those found not to hold the phrase: exact once all are checked. */
  function renderFacets() {
    facetsBox.innerHTML = "";
    FILTERS.forEach(function (key) {
      var counts = new Map();
      allCandidates.forEach(function (doc) {
        if (checked.get(doc) === false) return;
        var ok = FILTERS.every(function (other) {
          return other === key || !params.get(other) || facetValue(other, doc) === params.get(other);
        });
        if (!ok) return;
        var v = facetValue(key, doc) || "未注明";
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

  var allCandidates = [], next = 0, shownCount = 0;
  function renderStatus() {
    var remaining = candidates.length - next;
    var total = shownCount + remaining;
    var exact = exactSets || remaining === 0;
    var filtered = FILTERS.filter(function (k) { return params.get(k); }).map(function (k) { return params.get(k); });
    var where = filtered.length ? "（" + filtered.join("，") + "）" : "";
    say(total ? "找到" + (exact ? " " : "约 ") + total + " 篇范文含有“" + q + "”" + where + "，按日期从新到旧排列。"
              : "没有找到含有“" + q + "”的范文" + where + "。");
    more.hidden = remaining === 0;
    more.textContent = "加载更多（还有" + (exact ? " " : "约 ") + remaining + " 篇）";
  }

  function verifyDoc(doc) {
    return Promise.all(queryPhrases.map(function (p) { return verify(doc, p); })).then(function (hits) {
      var ok = hits.every(Boolean);
      checked.set(doc, ok);
      return ok ? hits[0] : null;
    });
  }

  /* Check candidates in order until a page of results is found or none are left. */
  function page(phrases) {
    more.disabled = true;
    var got = [];
    function batch() {
      if (got.length >= PAGE || next >= candidates.length) return Promise.resolve();
      var slice = candidates.slice(next, next + PAGE - got.length);
      next += slice.length;
      return Promise.all(slice.map(verifyDoc)).then(function (hits) {
        hits.forEach(function (h) { if (h) got.push(h); });
        return batch();
      });
    }
    return batch().then(function () {
      got.forEach(function (hit) {
        var d = hit.head;
        var link = el("a", { href: REPORTS + d[0] + "/" + INDEX_HTML + "?h=" + encodeURIComponent(phrases.join(" ")), text: d[1] });
        var info = [d[5], meta.units[d[2]], meta.genres[d[3]], d[4] ? d[4].replace(/^--/, "") : ""].filter(Boolean).join(" · ");
        list.appendChild(el("li", { class: "fanwen-result", "data-slug": d[0] }, [
          el("h3", {}, [link]),
          el("p", { class: "fanwen-result__meta", text: info }),
          excerpt(hit, phrases)
        ]));
      });
      shownCount += got.length;
      more.disabled = false;
      if (!shownCount || shownCount === got.length) performance.mark("fanwen-first-results");
      renderStatus();
      renderFacets();
    });
  }

  function run() {
    if (!q) { say("输入要查找的做法或词句，如“领导点评”“公开承诺”；多个词语用空格分开。"); return; }
    if (!window.DecompressionStream) {  // the index's texts are compressed (search_index.pack_text)
      say("这个浏览器版本太旧，不能搜索：请用 Chrome 或 Edge 80 以上、Firefox 113 以上的版本（或 360、奇安信等浏览器的极速模式）。");
      return;
    }
    say("正在搜索……");
    performance.mark("fanwen-search-start");
    Promise.all([get("meta"), get("facets"), loadT2S(q)]).then(function (loaded) {
      meta = loaded[0];
      facets = loaded[1];
      yearOfDoc = [];
      meta.years.forEach(function (run) { for (var i = 0; i < run[1]; i++) yearOfDoc.push(run[0]); });
      var phrases = q.split(/\s+/).map(normalise).filter(Boolean);
      if (!phrases.length || phrases.some(function (p) { return Array.from(p).length < 2; })) {
        say("每个词语请至少输入两个字。");
        return null;
      }
      var wanted = new Set();
      phrases.forEach(function (p) { bigrams(p).forEach(function (g) { wanted.add(g); }); });
      return Promise.all(Array.from(wanted).map(loadGram)).then(function () {
        var lists = Array.from(wanted).map(function (g) { return grams[g]; });
        if (lists.some(function (l) { return !l; })) {
          allCandidates = [];
        } else {
          lists.sort(function (a, b) { return a.count - b.count; });
          allCandidates = lists[0].docs.filter(function (doc) {
            return lists.every(function (l) { return rank(l.docs, doc) >= 0; });
          });
        }
        queryPhrases = phrases;
        exactSets = phrases.every(function (p) { return Array.from(p).length === 2; });
        candidates = allCandidates.filter(function (doc) {
          return FILTERS.every(function (k) { return !params.get(k) || facetValue(k, doc) === params.get(k); });
        });
        list.innerHTML = "";
        more.onclick = function () { page(phrases); };
        return page(phrases);
      });
    }).catch(function (e) { say("搜索索引加载失败：" + e.message); });
  }

  run();
})();
