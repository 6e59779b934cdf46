/// The Experiments tab before any report exists: what the experiments are, a button that runs the quick
/// ones here (``QuickReport``) with their progress, and how to write the full report.
enum ExperimentsPage {
    static func html(total: Int) -> String {
        SiteHeader.inject(
            into: """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>ActivationLab experiments</title>
                <link rel="icon" href="/favicon.ico" sizes="32x32"><link rel="stylesheet" href="/static/header.css"><link rel="stylesheet" href="/static/style.css">
                <script src="/static/theme.js"></script></head>
                <body class="doc"><!--site-header--><main class="doc">
                <h1>Experiments</h1>
                <p>Each claim the article makes about activation functions is an experiment here: it trains small networks \
                with fixed seeds, measures, and gives a verdict with the numbers behind it.</p>
                <p>This server has no report yet. It can run the \(total) experiments in quick mode now (smaller data, networks \
                and epoch counts: about a minute with a release build, several with a debug build). The report is kept until the server stops.</p>
                <p><strong>Its verdicts are quick-run verdicts</strong> (smaller data and nets, fewer epochs; the full run is the reference, \
                and the two can differ): the report says so on every page.</p>
                <p><button id="run" class="button">Run the quick experiments</button></p>
                <div id="progress" class="progress" hidden><progress id="bar" max="\(total)" value="0"></progress> <span id="progressText" aria-live="polite"></span></div>
                <p id="failed" class="run-failed" hidden></p>
                <h2>The full report</h2>
                <p>Larger data and networks, more epochs: minutes of training. Write it once, then serve it with the playground:</p>
                <pre>swift run -c release activations report -o report
                swift run -c release activations serve --experiments report</pre>
                <p>Meanwhile the <a href="/">playground</a>'s presets set up each claim live.</p>
                </main>
                <script>\(script)</script></body></html>
                """, current: .experiments)
    }

    /// Starts the run on the button, polls the status every half second, and reloads when it is done.
    static let script = """
        const $ = id => document.getElementById(id);
        async function poll() {
          const s = await fetch('/api/experiments/status').then(r => r.json());
          $('progress').hidden = s.phase !== 'running'; $('run').disabled = s.phase === 'running';
          $('bar').value = s.done;
          $('progressText').textContent = s.phase === 'running' ? `${s.done} of ${s.total} done${s.current ? ', running ' + s.current : ''} (${Math.round(s.seconds)} s)` : '';
          if (s.phase === 'failed') { $('failed').textContent = 'The run failed: ' + s.message; $('failed').hidden = false; }
          if (s.phase === 'done') location.reload();
          else if (s.phase === 'running') setTimeout(poll, 500);
        }
        $('run').onclick = () => fetch('/api/experiments/run', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }).then(poll);
        poll();
        """
}
