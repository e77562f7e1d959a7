import Foundation
import GraphExport
import KnowledgeGraph
import Testing
import TestSupport

/// Text that real articles can hold and XML or Graphviz cannot take as it is: control characters,
/// noncharacters, and Graphviz's own escapes (\N is the node's name, \G the graph's, \E the edge's,
/// \L its label, \n \l \r line breaks).
private enum Hostile {
    static let escapes = #"Ana \N \G \E \T \H \L \n \l \r \\ and C:\Users\"#
    static let forbidden = "Bell\u{1}Corp\u{8} \u{1B}[1m over\(scalar(0xFFFE))the\(scalar(0xFFFF)) deal\(scalar(0xFDD0))\(scalar(0x1FFFF))"

    /// A noncharacter, which Swift's string literals do not take.
    static func scalar(_ value: UInt32) -> String { String(Character(Unicode.Scalar(value)!)) }

    static func graph(name: String, alias: String, sentence: String) -> Graph {
        Graph(
            entities: [
                Entity(id: "a", name: name, type: .person, aliases: [alias], mentions: 1),
                Entity(id: "b", name: "Mary Chen", type: .person, mentions: 1),
            ],
            relations: [
                Relation(source: "a", type: .criticized, target: "b",
                         evidence: [Evidence(document: "doc\u{1}", sentence: sentence, start: 0, end: 10)]),
            ])
    }

    /// Whether every character of `text` is one XML 1.0 allows.
    static func isXMLCharacters(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
            default: false
            }
        }
    }
}

/// The path of xmllint (Debian's libxml2-utils), when installed.
private let xmllint: String? = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// xmllint's verdict on a document: nil when it is well-formed, else its messages.
private func xmllintErrors(_ document: [UInt8]) throws -> String? {
    let folder = try TemporaryFolder()
    let file = URL(fileURLWithPath: try folder.write("document.xml", bytes: document))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(xmllint))
    process.arguments = ["--noout", file.path]
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let messages = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return process.terminationStatus == 0 ? nil : messages
}

@Suite("Exports of text that XML and Graphviz cannot take as it is")
struct HostileTextTests {
    @Test("SVG is well-formed XML when names and sentences hold control characters and noncharacters")
    func svgForbiddenCharacters() throws {
        let graph = Hostile.graph(name: Hostile.forbidden, alias: "\u{2}Alias\(Hostile.scalar(0xFFFE))", sentence: Hostile.forbidden)
        let svg = try GraphvizRenderer.render(dot: DOTWriter().write(graph), layout: .dot, format: .svg)
        let text = String(decoding: svg, as: UTF8.self)
        #expect(Hostile.isXMLCharacters(text))
        let outline = XMLOutline.parse(text)
        #expect(outline.error == nil, "\(String(describing: outline.error))")
        #expect(outline.elements(named: "text").contains { $0.text.hasPrefix("BellCorp") })
    }

    @Test("xmllint accepts the SVG and the GraphML of such text", .enabled(if: xmllint != nil))
    func xmllintAccepts() throws {
        let graph = Hostile.graph(name: Hostile.forbidden, alias: "\u{2}Alias\(Hostile.scalar(0xFFFE))", sentence: Hostile.forbidden + Hostile.escapes)
        let svg = try GraphvizRenderer.render(dot: DOTWriter().write(graph), layout: .dot, format: .svg)
        let svgErrors = try xmllintErrors(svg)
        #expect(svgErrors == nil, "\(svgErrors ?? "")")
        let graphMLErrors = try xmllintErrors(Array(GraphMLWriter.write(graph).utf8))
        #expect(graphMLErrors == nil, "\(graphMLErrors ?? "")")
    }

    @Test("GraphML drops control characters and replaces noncharacters, in ids, names and sentences")
    func graphMLForbiddenCharacters() throws {
        let graph = Hostile.graph(name: Hostile.forbidden, alias: "\u{2}Alias\(Hostile.scalar(0xFFFE))", sentence: Hostile.forbidden)
        let document = GraphMLWriter.write(graph)
        #expect(Hostile.isXMLCharacters(document))
        let outline = XMLOutline.parse(document)
        #expect(outline.error == nil, "\(String(describing: outline.error))")
        let data = outline.elements(named: "data")
        #expect(data.first { $0.attributes["key"] == "name" }?.text == "BellCorp [1m over\u{FFFD}the\u{FFFD} deal\u{FFFD}\u{FFFD}")
        #expect(data.first { $0.attributes["key"] == "aliases" }?.text == "Alias\u{FFFD}")
        #expect(data.first { $0.attributes["key"] == "documents" }?.text == "doc")
    }

    @Test("Graphviz escapes in names and sentences show as written in SVG labels and tooltips")
    func graphvizEscapes() throws {
        let graph = Hostile.graph(name: Hostile.escapes, alias: #"\G"#, sentence: "Sentence " + Hostile.escapes)
        let svg = String(decoding: try GraphvizRenderer.render(dot: DOTWriter().write(graph), layout: .dot, format: .svg), as: UTF8.self)
        let outline = XMLOutline.parse(svg)
        #expect(outline.error == nil)
        #expect(outline.elements(named: "text").map(\.text).contains(Hostile.escapes), "\(outline.elements(named: "text").map(\.text))")
        let tooltips = outline.elements(named: "a").compactMap { $0.attributes["xlink:title"] }
        #expect(tooltips.contains("person: \(Hostile.escapes); \\G"), "\(tooltips)")
        #expect(tooltips.contains("Sentence " + Hostile.escapes), "\(tooltips)")
    }

    @Test("Line breaks in a sentence stay line breaks in its tooltip")
    func tooltipLineBreaks() throws {
        let graph = Hostile.graph(name: "Ana Lima", alias: "Lima", sentence: "First line\nsecond line")
        let svg = String(decoding: try GraphvizRenderer.render(dot: DOTWriter().write(graph), layout: .dot, format: .svg), as: UTF8.self)
        let tooltips = XMLOutline.parse(svg).elements(named: "a").compactMap { $0.attributes["xlink:title"] }
        #expect(tooltips.contains("First line\nsecond line"), "\(tooltips)")
    }
}
