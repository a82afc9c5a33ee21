// Runs axe-core on the page (WCAG 2.0, 2.1 and 2.2 levels A and AA) and writes the outcome into
// <pre id="axe-result"> as JSON, where AccessibilityTest reads it from Chromium's --dump-dom.
axe
  .run(document, {
    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']},
    resultTypes: ['violations']
  })
  .then(function (r) {
    report({
      version: axe.version,
      passes: r.passes.map(function (p) { return p.id; }),
      violations: r.violations.map(function (v) {
        return {
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map(function (n) { return n.target.join(' ') + ': ' + n.failureSummary; })
        };
      })
    });
  })
  .catch(function (e) { report({error: String(e)}); });

function report(outcome) {
  var pre = document.createElement('pre');
  pre.id = 'axe-result';
  pre.textContent = JSON.stringify(outcome);
  document.body.appendChild(pre);
}
