import ActivationFunctions
import Foundation
import Plotting

/// Every catalog function as a card, grouped by family, on one static HTML page that works offline.
///
/// ```swift
/// try Gallery().write(to: URL(fileURLWithPath: "gallery"))   // gallery/index.html and gallery/<id>.svg
/// ```
public struct Gallery: Sendable {
    /// One family's cards, in catalog order.
    public struct Section: Sendable {
        /// The family the section shows.
        public let family: Family
        /// One card per function of the family.
        public let cards: [GalleryCard]

        /// The HTML id of the section: the family in kebab case.
        public var anchor: String { family.rawValue.replacingOccurrences(of: " ", with: "-") }
    }

    /// Families in their catalog order (`Family.allCases` of ActivationFunctions); empty families are left out.
    public let sections: [Section]

    /// The gallery of `catalog` (by default the whole catalog), one section per non-empty family.
    public init(catalog: [any ActivationDefinition.Type] = Activations.all) {
        sections = Family.allCases.compactMap { family in
            let cards = catalog.filter { $0.info.family == family }.map(GalleryCard.init)
            return cards.isEmpty ? nil : Section(family: family, cards: cards)
        }
    }

    /// Every card, section by section.
    public var cards: [GalleryCard] { sections.flatMap(\.cards) }

    /// The whole page.
    public var html: String {
        let count = cards.count
        let header = """
            <header><h1>ActivationLab: the activation functions</h1>
            <p class="lede">\(count) functions, each with its derivative: f solid, f′ dashed, over the \
            range that shows its character. Vector functions are drawn along their first input.</p></header>
            """
        let nav =
            "<nav><ul>"
            + sections.map {
                "<li><a href=\"#\($0.anchor)\">\(HTML.escape($0.family.rawValue))</a> (\($0.cards.count))</li>"
            }.joined() + "</ul></nav>"
        let body = sections.map { section in
            "<section id=\"\(section.anchor)\">\(HTML.element("h2", section.family.rawValue))\n<div class=\"cards\">\n"
                + section.cards.map(\.html).joined(separator: "\n") + "\n</div></section>"
        }
        return HTML.document(
            title: "ActivationLab gallery", body: header + nav + "<main>" + body.joined(separator: "\n") + "</main>")
    }

    /// Writes `index.html` and one standalone `<id>.svg` per function into `directory` (created if needed);
    /// returns the files written.
    @discardableResult
    public func write(to directory: URL) throws -> [URL] {
        var files = [(name: "index.html", text: html)]
        files += cards.map { ("\($0.info.id).svg", $0.chart.svg) }
        return try SiteFiles.write(files, to: directory)
    }
}

/// Writes text files into a directory.
enum SiteFiles {
    static func write(_ files: [(name: String, text: String)], to directory: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try files.map { file in
            let url = directory.appendingPathComponent(file.name)
            try file.text.write(to: url, atomically: true, encoding: .utf8)
            return url
        }
    }
}
