/// The HTML report's inline style and script: kept apart from the markup so each reads on its own.
/// The script only filters what is already in the page; it loads nothing.
enum HTMLAssets {
    static let css = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
        header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:8px 20px;z-index:1}
        h1{font-size:20px;margin:4px 0}h2{font-size:16px;margin:0 0 8px}
        main{padding:12px 20px}
        .filters{display:flex;gap:16px;align-items:center;flex-wrap:wrap}
        .filters fieldset{border:1px solid #ddd;padding:2px 8px;margin:0}
        section.document,section.goldens{background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px;margin:0 0 14px}
        table{border-collapse:collapse;margin:6px 0}th,td{border:1px solid #e2e2e2;padding:3px 8px;text-align:left;vertical-align:top}
        .badge{display:inline-block;border-radius:3px;padding:0 6px;font-size:12px;font-weight:600;color:#fff;background:#777}
        .badge.error,.badge.failed{background:#c62828}.badge.warning{background:#b26a00}.badge.note{background:#1565c0}
        .badge.passed{background:#2e7d32}.badge.skipped{background:#757575}
        .sev-error{color:#c62828}.sev-warning{color:#b26a00}.sev-note{color:#1565c0}
        ol.findings{padding-left:22px}li.finding{margin:0 0 10px}li.finding.hidden{display:none}
        .message{margin:2px 0}
        pre{background:#f4f4f4;border:1px solid #e2e2e2;padding:6px;overflow:auto;max-height:420px;margin:4px 0}
        pre.excerpt .ln{display:block}pre.excerpt .hit{background:#fff3c4}
        pre.excerpt .no{display:inline-block;width:4em;color:#888;user-select:none}
        pre.diff .add{color:#1b5e20;background:#e8f5e9}pre.diff .del{color:#b71c1c;background:#ffebee}
        pre.diff .hunk,pre.diff .meta{color:#6a1b9a}
        .call{border-top:1px dashed #ddd;padding:4px 0}.status.ok{color:#2e7d32}.status.bad{color:#c62828}
        .from,.time,.attempts,.cut,.binary{color:#666;font-size:12px}
        .audio{margin:4px 0}.scope{font-size:12px;color:#555;border:1px solid #ccc;border-radius:3px;padding:0 4px}
        """

    static let script = """
        (function () {
          "use strict";
          var findings = Array.prototype.slice.call(document.querySelectorAll("li.finding"));
          var select = document.getElementById("rule-filter");
          var boxes = Array.prototype.slice.call(document.querySelectorAll("input.severity-filter"));
          var shown = document.getElementById("shown-count");
          var counts = {};
          findings.forEach(function (f) { var r = f.getAttribute("data-rule"); counts[r] = (counts[r] || 0) + 1; });
          Object.keys(counts).sort().forEach(function (rule) {
            var option = document.createElement("option");
            option.value = rule;
            option.textContent = rule + " (" + counts[rule] + ")";
            select.appendChild(option);
          });
          function apply() {
            var severities = {};
            boxes.forEach(function (b) { severities[b.value] = b.checked; });
            var rule = select.value, visible = 0;
            findings.forEach(function (f) {
              var show = severities[f.getAttribute("data-severity")] && (!rule || f.getAttribute("data-rule") === rule);
              f.classList.toggle("hidden", !show);
              if (show) { visible += 1; }
            });
            shown.textContent = visible + " of " + findings.length + " findings shown";
          }
          select.addEventListener("change", apply);
          boxes.forEach(function (b) { b.addEventListener("change", apply); });
          apply();
          document.body.setAttribute("data-filters-ready", "true");
        })();
        """
}
