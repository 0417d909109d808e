// The course's notebook extension, loaded by scripts/notebook.sh (it puts
// scripts/jupyter on JUPYTER_PATH and JUPYTER_CONFIG_PATH; nbconfig/notebook.json
// enables it). It changes how code cells look, nothing else.
define([], function () {
  "use strict";
  // Go is indented with tabs. The notebook's editor theme marks every tab with
  // an arrow image (meant for Python, where a tab is a mistake); in Go it would
  // cover every indented line. Tabs show as plain space, four columns wide.
  var css = ".cm-s-ipython span.cm-tab { background: none; }\n" +
    ".CodeMirror pre { tab-size: 4; -moz-tab-size: 4; }\n";
  function load_ipython_extension() {
    var style = document.createElement("style");
    style.id = "backprop-course-style";
    style.textContent = css;
    document.head.appendChild(style);
  }
  return {load_ipython_extension: load_ipython_extension};
});
