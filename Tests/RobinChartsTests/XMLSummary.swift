import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What an XML parser sees in a document: its element names, attributes and text.
final class XMLSummary: NSObject, XMLParserDelegate {
    private(set) var elements: [String] = []
    private(set) var attributes: [(element: String, name: String, value: String)] = []
    private(set) var text = ""
    private(set) var error: String?

    /// Parses `document`; nil when it is not well-formed XML.
    static func parse(_ document: String) -> XMLSummary? {
        let summary = XMLSummary()
        let parser = XMLParser(data: Data(document.utf8))
        parser.delegate = summary
        guard parser.parse(), summary.error == nil else { return nil }
        return summary
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        elements.append(elementName)
        for name in attributeDict.keys.sorted() {
            attributes.append((elementName, name, attributeDict[name] ?? ""))
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        error = "\(parseError)"
    }
}
