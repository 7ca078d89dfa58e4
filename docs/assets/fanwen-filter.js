/* 范文参考库: year and genre filters of the all-reports page; the state lives in the URL. */
(function () {
  "use strict";
  var form = document.getElementById("fanwen-filters");
  var rows = document.querySelectorAll("#fanwen-all tbody tr");
  var count = document.getElementById("fanwen-count");
  if (!form) return;
  var params = new URLSearchParams(location.search);
  form.year.value = params.get("year") || "";
  form.genre.value = params.get("genre") || "";

  function apply() {
    var year = form.year.value, genre = form.genre.value, shown = 0;
    rows.forEach(function (tr) {
      var ok = (!year || tr.dataset.year === year) && (!genre || tr.dataset.genre === genre);
      tr.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = "共 " + shown + " 篇";
    var q = new URLSearchParams();
    if (year) q.set("year", year);
    if (genre) q.set("genre", genre);
    try {
      history.replaceState(null, "", location.pathname + (q.toString() ? "?" + q : ""));
    } catch (e) { /* a browser that keeps pages opened from a folder (file://) from changing their address */ }
  }

  form.addEventListener("change", apply);
  apply();
})();
