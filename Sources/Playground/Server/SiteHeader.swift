/// The one header every served page shares (playground, gallery, experiments, report): the name, the
/// tabs and the theme toggle. The playground's index.html carries a `<!--site-header-->` marker; the
/// gallery and report pages, written to work offline, get the header as they are served.
enum SiteHeader {
    enum Tab: String, CaseIterable {
        case playground = "Playground"
        case gallery = "Gallery"
        case experiments = "Experiments"
    }

    static func path(_ tab: Tab) -> String {
        switch tab {
        case .playground: "/"
        case .gallery: "/gallery"
        case .experiments: "/experiments/"
        }
    }

    /// The header's markup with `current` marked.
    static func html(current: Tab) -> String {
        let tabs = Tab.allCases.map { tab in
            "<a\(tab == current ? " class=\"current\" aria-current=\"page\"" : "") href=\"\(path(tab))\">\(tab.rawValue)</a>"
        }.joined()
        return """
            <header class="top site"><a class="brand" href="/"><strong>ActivationLab</strong> \(current.rawValue)</a>\
            <nav class="tabs" aria-label="Pages">\(tabs)</nav>\
            <button id="theme" class="theme" title="Light or dark page (the first choice follows your system)">Dark</button></header>
            """
    }

    /// What a page's head needs for the header: its style, the theme script and the icon.
    static let head = """
        <link rel="icon" href="/favicon.ico" sizes="32x32"><link rel="icon" href="/static/favicon.svg" type="image/svg+xml">\
        <link rel="stylesheet" href="/static/header.css"><script src="/static/theme.js"></script>
        """

    /// `page` with the header's head links before `</head>`, and the header first in its body
    /// (the body marked `site-page`). The playground's page has a marker where the header goes.
    static func inject(into page: String, current: Tab) -> String {
        if page.contains("<!--site-header-->") {
            return page.replacingOccurrences(of: "<!--site-header-->", with: html(current: current))
        }
        var result = page
        if let head = result.range(of: "</head>") {
            result.replaceSubrange(head.lowerBound..<head.lowerBound, with: Self.head)
        }
        guard let open = result.range(of: "<body"), let end = result[open.upperBound...].firstIndex(of: ">") else {
            return result
        }
        let tag = String(result[open.lowerBound...end])
        let marked =
            tag.contains("class=\"")
            ? tag.replacingOccurrences(of: "class=\"", with: "class=\"site-page ")
            : tag.replacingOccurrences(of: "<body", with: "<body class=\"site-page\"")
        result.replaceSubrange(open.lowerBound...end, with: marked + html(current: current))
        return result
    }
}
