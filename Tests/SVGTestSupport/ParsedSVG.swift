import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Shared by PlottingTests and LabTests.
/// An SVG parsed with Foundation's XMLParser: every element with its attributes and text, in document order.
public struct ParsedSVG {
    public struct Element {
        public let name: String
        public let attributes: [String: String]
        public var text = ""
        public var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }
    }

    public private(set) var elements: [Element] = []

    /// Parses `markup`; fails the caller's expectation with the parser's error when it is not well formed.
    public init(_ markup: String) throws {
        let delegate = Collector()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = delegate
        guard parser.parse() else {
            throw ParseError(message: parser.parserError.map { "\($0)" } ?? "unknown", line: parser.lineNumber)
        }
        elements = delegate.elements
    }

    struct ParseError: Error { let message: String; let line: Int }

    public func all(_ name: String, class className: String? = nil) -> [Element] {
        elements.filter { $0.name == name && (className == nil || $0.classes.contains(className!)) }
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var open: [Int] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            elements.append(Element(name: name, attributes: attributes))
            open.append(elements.count - 1)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let index = open.last { elements[index].text += string }
        }
    }
}

extension ParsedSVG.Element {
    public func number(_ attribute: String) -> Double { Double(attributes[attribute] ?? "") ?? .nan }
}
