// Progressive enhancement only: the page is complete without it (filters are pure CSS).
(function () {
  "use strict";
  var details = function () { return document.querySelectorAll("#requirements details"); };
  var tools = document.getElementById("requirements-tools");
  if (tools) {
    tools.hidden = false;
    document.getElementById("requirements-expand").addEventListener("click", function () {
      details().forEach(function (d) { d.open = true; });
    });
    document.getElementById("requirements-collapse").addEventListener("click", function () {
      details().forEach(function (d) { d.open = false; });
    });
  }
  // Following a link to a requirement opens it.
  var openTarget = function () {
    var id = decodeURIComponent(location.hash.slice(1));
    var row = id ? document.getElementById(id) : null;
    var box = row && row.querySelector("details");
    if (box) { box.open = true; }
  };
  window.addEventListener("hashchange", openTarget);
  openTarget();
  // Printing shows every requirement's detail, then restores the page.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = [];
    document.querySelectorAll("details:not([open])").forEach(function (d) { d.open = true; opened.push(d); });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
  });
})();
