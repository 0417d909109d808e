// The course's notebook extension, loaded by scripts/notebook.sh (it puts
// scripts/jupyter on JUPYTER_PATH and JUPYTER_CONFIG_PATH; nbconfig/notebook.json
// enables it). It changes how code cells look, and loads the chart library.
define(["require", "base/js/utils"], function (require, utils) {
  "use strict";
  // Go is indented with tabs. The notebook's editor theme marks every tab with
  // an arrow image (meant for Python, where a tab is a mistake); in Go it would
  // cover every indented line. Tabs show as plain space, four columns wide.
  var css = ".cm-s-ipython span.cm-tab { background: none; }\n" +
    ".CodeMirror pre { tab-size: 4; -moz-tab-size: 4; }\n";

  // ECharts comes from node_modules (notebook.sh serves a copy as the
  // nbextension course-echarts), once per page: the kernels started by
  // notebook.sh then leave it out of every chart (BACKPROP_VIZ_PAGE_LIBRARY),
  // so saved notebooks stay small. Charts drawn before it arrives wait in
  // window.__bpvizWait, as they do for a library carried by a chart.
  function loadECharts() {
    if (window.echarts && window.echarts.init) return;
    var url = utils.get_body_data("baseUrl") + "nbextensions/course-echarts/echarts.min.js";
    require([url], function (echarts) {
      window.echarts = window.echarts && window.echarts.init ? window.echarts : echarts;
      var q = window.__bpvizWait || [];
      window.__bpvizWait = {push: function (f) { f(); }};
      for (var i = 0; i < q.length; i++) {
        try { q[i](); } catch (e) { console.error(e); }
      }
    }, function (err) {
      console.error("course extension: ECharts not loaded (run make setup):", err);
    });
  }

  function load_ipython_extension() {
    var style = document.createElement("style");
    style.id = "backprop-course-style";
    style.textContent = css;
    document.head.appendChild(style);
    loadECharts();
  }
  return {load_ipython_extension: load_ipython_extension};
});
