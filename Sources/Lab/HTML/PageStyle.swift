import Plotting

/// The page style sheet: light and dark themes follow the system, or `data-theme` on `<html>`.
enum PageStyle {
    static let css = """
        :root { --page-bg: #f6f8fa; --card-bg: #ffffff; --text: #1f2328; --muted: #59636e; --border: #d1d9e0;
                --accent: #0969da; --code-bg: #eff2f5; color-scheme: light; }
        @media (prefers-color-scheme: dark) { :root:not([data-theme=light]) { --page-bg: #010409; --card-bg: #0d1117;
                --text: #e6edf3; --muted: #9198a1; --border: #3d444d; --accent: #4493f8; --code-bg: #151b23;
                color-scheme: dark; } }
        :root[data-theme=dark] { --page-bg: #010409; --card-bg: #0d1117; --text: #e6edf3; --muted: #9198a1;
                --border: #3d444d; --accent: #4493f8; --code-bg: #151b23; color-scheme: dark; }
        :root { --lab-bg: var(--card-bg); }
        * { box-sizing: border-box; }
        body { margin: 0; padding: 24px clamp(12px, 3vw, 40px); background: var(--page-bg); color: var(--text);
               font: 15px/1.5 \(ChartTheme.fontFamily); }
        header, main > section > p, nav { max-width: 72rem; }
        h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
        h2 { font-size: 1.3rem; margin: 2rem 0 .8rem; padding-bottom: .3rem; border-bottom: 1px solid var(--border); }
        h3 { font-size: 1.1rem; margin: 0; }
        a { color: var(--accent); }
        .lede, .note { color: var(--muted); }
        nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem 1rem; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 420px), 1fr)); gap: 16px; }
        .card, .panel { background: var(--card-bg); border: 1px solid var(--border); border-radius: 8px; padding: 14px 16px;
                min-width: 0; }
        .card header { display: flex; flex-wrap: wrap; align-items: baseline; gap: .2rem .6rem; }
        .card .id, .card .aliases { color: var(--muted); font-size: .85rem; }
        code, .id { font-family: ui-monospace, 'SFMono-Regular', Menlo, 'DejaVu Sans Mono', monospace; }
        .formulas { margin: .6rem 0; display: grid; grid-template-columns: auto 1fr; gap: .2rem .6rem; align-items: baseline; }
        .formulas dt { color: var(--muted); font-style: italic; }
        .formulas dd { margin: 0; overflow-wrap: anywhere; }
        .math { font-family: 'STIX Two Math', 'Cambria Math', 'Latin Modern Math', 'DejaVu Serif', Georgia, serif;
                font-size: 1.05rem; }
        .math sup, .math sub { font-size: .75em; }
        figure { margin: .4rem 0; }
        figure svg { display: block; width: 100%; height: auto; }
        table { border-collapse: collapse; font-size: .85rem; width: 100%; margin: .4rem 0; }
        th, td { text-align: left; padding: .15rem .5rem .15rem 0; border-bottom: 1px solid var(--border); vertical-align: top; }
        th { color: var(--muted); font-weight: 500; white-space: nowrap; }
        td { overflow-wrap: anywhere; }
        .params th { white-space: nowrap; }
        details summary { cursor: pointer; color: var(--muted); font-size: .9rem; }
        .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 400px), 1fr)); gap: 16px; }
        figure svg { max-width: 560px; margin: 0 auto; }
        blockquote.claim { margin: 1rem 0; padding: .6rem 1rem; border-left: 4px solid var(--accent); background: var(--card-bg);
                max-width: 72rem; font-style: italic; }
        blockquote.claim p { margin: 0 0 .3rem; }
        .verdict { border-left-width: 6px; margin: 1rem 0; }
        :root { --holds: #1a7f37; --mixed: #9a6700; --fails: #cf222e; }
        @media (prefers-color-scheme: dark) { :root:not([data-theme=light]) { --holds: #3fb950; --mixed: #d29922; --fails: #f85149; } }
        :root[data-theme=dark] { --holds: #3fb950; --mixed: #d29922; --fails: #f85149; }
        .verdict.holds { border-left-color: var(--holds); } .verdict.mixed { border-left-color: var(--mixed); }
        .verdict.fails { border-left-color: var(--fails); }
        .verdict h2 { margin: 0 0 .4rem; border: 0; }
        .checks { list-style: none; padding: 0; margin: 0; } .checks li { margin: .3rem 0; }
        .holds .mark, td.holds strong { color: var(--holds); } .mixed .mark, td.mixed strong { color: var(--mixed); }
        .fails .mark, td.fails strong { color: var(--fails); }
        .measured { color: var(--muted); font-size: .9rem; }
        .panel h2 { margin-top: 0; }
        .panel + .panel, .panel + .charts, .charts + .panel { margin-top: 16px; }
        .charts > .panel { margin: 0; } /* the grid gap spaces them: .panel + .panel set all but the first lower */
        .scroll { overflow-x: auto; } table.results th, table.results td { padding-right: 1rem; }
        table.results td { overflow-wrap: normal; } table.results:not(.summary) td { white-space: nowrap; } table.summary td.quote { font-style: italic; min-width: 16rem; }
        table.results th { white-space: normal; } table.results:not(.summary) td:first-child { white-space: normal; min-width: 12rem; }
        @media (max-width: 480px) { body { padding: 12px 8px; } .card, .panel { padding: 10px 8px; } }
        """
}
