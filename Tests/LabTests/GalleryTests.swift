import ActivationFunctions
import Foundation
import Lab
import Plotting
import SVGTestSupport
import Testing

/// The `<svg>…</svg>` fragments inlined in an HTML page.
func inlineSVGs(_ html: String) -> [String] {
    html.components(separatedBy: "<svg ").dropFirst().map {
        "<svg " + ($0.components(separatedBy: "</svg>").first ?? "") + "</svg>"
    }
}

@Suite("gallery")
struct GalleryTests {
    static let gallery = Gallery()

    @Test("one card per catalog entry, in catalog order within each family")
    func oneCardPerEntry() {
        let cards = Self.gallery.cards.map(\.info.id)
        #expect(cards.count == Activations.all.count)
        #expect(Set(cards) == Set(Activations.all.map { $0.info.id }))
        for section in Self.gallery.sections {
            let expected = Activations.all.map { $0.info }.filter { $0.family == section.family }.map(\.id)
            #expect(section.cards.map(\.info.id) == expected)
        }
    }

    @Test("sections follow the families' order")
    func familyOrder() {
        let families = Self.gallery.sections.map(\.family)
        #expect(families == Family.allCases.filter { families.contains($0) })
        #expect(families.first == .stepAndLinear && families.last == .vector)
    }

    @Test("the page holds each card once, each with its chart, and nothing from the network")
    func page() throws {
        let html = Self.gallery.html
        for id in Activations.all.map({ $0.info.id }) {
            #expect(html.components(separatedBy: "id=\"fn-\(id)\"").count == 2, "\(id)")
        }
        #expect(html.components(separatedBy: "<article class=\"card\"").count - 1 == Activations.all.count)
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("@import"))
        let svgs = inlineSVGs(html)
        #expect(svgs.count == Activations.all.count)
        for svg in svgs { _ = try ParsedSVG(svg) }
        let clipIDs = svgs.compactMap {
            $0.components(separatedBy: "clipPath id=\"").dropFirst().first?.prefix { $0 != "\"" }
        }
        #expect(Set(clipIDs).count == svgs.count)  // ids unique on the page
    }

    @Test("each card shows name, formula, derivative, properties and parameters")
    func cardContents() {
        let card = GalleryCard(LeakyReLU.self)
        let html = card.html
        for needle in ["Leaky ReLU", "leaky-relu", "f′(x)", "smoothness", "monotonic", "<code>slope</code>", "0.01"] {
            #expect(html.contains(needle), "\(needle)")
        }
    }

    @Test("writing the gallery gives index.html and one SVG per function")
    func write() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gallery-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try Self.gallery.write(to: directory)
        #expect(files.count == Activations.all.count + 1)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("index.html").path))
        let relu = try String(contentsOf: directory.appendingPathComponent("relu.svg"), encoding: .utf8)
        _ = try ParsedSVG(relu)
    }
}
