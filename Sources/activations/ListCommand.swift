import ActivationFunctions
import ArgumentParser
import Foundation

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every activation function with its formula, range and properties.",
        discussion: """
            Examples:
              activations list
              activations list --json | jq '.[].id'
              activations list --markdown
              activations list --docc-pages pages
            """
    )

    @Flag(help: "Print all metadata (parameters, defaults, ranges, kinks, references) as JSON.")
    var json = false

    @Flag(help: "Print a Markdown table (the documentation's catalog page: Scripts/docs/catalog-doc).")
    var markdown = false

    @Option(
        help: ArgumentHelp(
            "Write one DocC page per function (formula, derivative, parameters, kinks) into this folder.",
            valueName: "folder"))
    var doccPages: String?

    func validate() throws {
        if [json, markdown, doccPages != nil].filter({ $0 }).count > 1 {
            throw ValidationError("choose one of --json, --markdown and --docc-pages")
        }
    }

    func run() throws {
        if json {
            print(CatalogDocument.json())
        } else if markdown {
            print(CatalogDocument.markdown())
        } else if let doccPages {
            try reportingFailures { try writePages(into: doccPages) }
        } else {
            printTable()
        }
    }

    /// Creates `path` if needed and writes every catalog page into it (Scripts/docs/catalog-doc).
    func writePages(into path: String) throws {
        try writeDirectory(path, what: "the documentation pages") { folder in
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for page in CatalogPage.all() {
                try Data(page.text.utf8).write(to: folder.appendingPathComponent(page.fileName))
            }
        }
    }

    func printTable() {
        for family in Family.allCases {
            let members = Activations.all.map { $0.info }.filter { $0.family == family }
            guard !members.isEmpty else { continue }
            print("\n\(family.rawValue.uppercased())")
            for info in members {
                let properties = [
                    info.outputRange, info.smoothness.rawValue,
                    info.monotonic == true ? "monotonic" : nil,
                    info.zeroCentred == .yes ? "zero-centred" : nil,
                ].compactMap { $0 }.joined(separator: ", ")
                // 43 characters at most, so that `padding` adds no separator of its own and the next column
                // lines up (a formula cut to 44 got one and pushed its row's properties one column right).
                print("  " + info.id.padding(18) + info.formula.truncated(43).padding(44) + "  " + properties)
            }
        }
        print("\n\(Activations.all.count) functions. `activations show ID` for one in detail.")
    }
}

extension String {
    /// At most `width` characters, ending in … when cut.
    func truncated(_ width: Int) -> String {
        count <= width ? self : String(prefix(width - 1)) + "…"
    }

    /// Left-aligned in `width` characters (never truncated).
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
