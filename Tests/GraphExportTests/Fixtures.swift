import Foundation
import KnowledgeGraph
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A small graph with names that stress escaping: non-Latin scripts, ampersands, quotes.
func exportSample() -> Graph {
    Graph(
        entities: [
            Entity(name: "Recep Tayyip Erdoğan", type: .person, aliases: ["Erdoğan"], mentions: 4),
            Entity(id: "xi-jinping", name: "习近平", type: .person, aliases: ["Xi Jinping"], mentions: 2),
            Entity(name: "AT&T", type: .organization, mentions: 1),
            Entity(name: "U.S. Treasury", type: .agency, aliases: ["Treasury"], mentions: 3),
            Entity(name: "Türkiye", type: .country, mentions: 5),
        ],
        relations: [
            Relation(source: "xi-jinping", type: .metWith, target: "recep-tayyip-erdogan", evidence: [
                Evidence(document: "ankara", sentence: "Erdoğan met Xi in \"Beijing\".", start: 0, end: 28, rationale: "cue met"),
                Evidence(document: "summit", sentence: "Xi and Erdoğan met <again>.", start: 50, end: 77),
            ]),
            Relation(source: "us-treasury", type: .sanctioned, target: "at-t", evidence: [
                Evidence(document: "sanctions", sentence: "Treasury sanctioned AT&T.", start: 10, end: 35),
            ]),
            Relation(source: "recep-tayyip-erdogan", type: .affiliatedWith, target: "turkiye"),
        ])
}

/// Everything an XML document contains that the tests look at.
final class XMLOutline: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []
    private(set) var error: Error?

    static func parse(_ text: String) -> XMLOutline {
        let outline = XMLOutline()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = outline
        if !parser.parse() { outline.error = outline.error ?? parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return outline
    }

    func elements(named name: String) -> [Element] { elements.filter { $0.name == name } }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:])
    {
        open.append(elements.count)
        elements.append(Element(name: elementName, attributes: attributeDict, text: ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last { elements[index].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        error = parseError
    }
}
