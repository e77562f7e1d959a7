import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import EntityRecognition
import GraphExport
import KnowledgeGraph
import RelationExtraction

/// What each fuzz target checks: the fuzz executables (built only with `NEWSGRAPH_FUZZ=1`, see
/// Package.swift and Fuzz/README.md) run a check on every input the fuzzer makes.
///
/// A check returns what went wrong, or nil; a crash inside the library is a failure too, found by
/// the fuzzer and its sanitizers.
public enum FuzzCheck: String, CaseIterable, Sendable {
    /// Any bytes through the recognizer and the relation extractor.
    case extraction
    /// A graph through `DOTWriter`, which Graphviz must parse.
    case dot
    /// A graph through `DOTWriter` and Graphviz to SVG, which must be XML whose tooltips read as
    /// the evidence sentences.
    case svg
    /// A graph through `GraphMLWriter`, which must be XML giving back every name and sentence.
    case graphml
    /// A graph through `JSONWriter`, which must decode to the same graph.
    case json

    public func failure(for input: [UInt8]) -> String? {
        switch self {
        case .extraction: FuzzCheck.extraction(input)
        case .dot: FuzzCheck.dot(input)
        case .svg: FuzzCheck.svg(input)
        case .graphml: FuzzCheck.graphML(input)
        case .json: FuzzCheck.json(input)
        }
    }

    /// Runs the check the way a fuzz target does: a failure stops the process.
    public func run(_ data: UnsafePointer<UInt8>?, _ count: Int) {
        if let failure = failure(for: Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : count))) {
            fatalError("\(rawValue) check failed: \(failure)")
        }
    }

    // MARK: - Extraction

    /// The shipped lexicons and cues, loaded once: loading takes longer than extracting a small
    /// article. Built as `GraphExtractor` builds them (the cues register their words first).
    private static let pipeline: (recognizer: EntityRecognizer, relations: RelationExtractor) = {
        var lexicon = try! Lexicon.bundled()
        let relations = RelationExtractor(cues: try! CueLexicon.bundled(), lexicon: &lexicon)
        return (EntityRecognizer(lexicon: lexicon), relations)
    }()

    /// Any bytes go through the recognizer and the relation extractor (the library takes any; the
    /// command line refuses text that is not UTF-8 or holds a NUL before it gets there). The graph
    /// must keep its invariants; for text the command line accepts, each piece of evidence must
    /// also be its sentence, at its offsets in the text.
    private static func extraction(_ input: [UInt8]) -> String? {
        let analysis = pipeline.recognizer.analyze(input, document: "fuzz")
        // A mention ends inside the sentence it starts in: the relation extractor reads a
        // sentence's mentions within the sentence's tokens.
        for mention in analysis.mentions {
            // Sentences are in text order: the last one starting at or before the mention.
            var low = 0
            var high = analysis.sentences.count
            while low < high {
                let middle = (low + high) / 2
                if analysis.sentences[middle].tokens.lowerBound <= mention.tokens.lowerBound { low = middle + 1 } else { high = middle }
            }
            guard low > 0, case let sentence = analysis.sentences[low - 1], sentence.tokens.contains(mention.tokens.lowerBound) else {
                return "mention at tokens \(mention.tokens) is in no sentence"
            }
            if mention.tokens.upperBound > sentence.tokens.upperBound || mention.phrase.upperBound > sentence.tokens.upperBound {
                return "mention at tokens \(mention.tokens) (phrase \(mention.phrase)) leaves its sentence \(sentence.tokens)"
            }
        }
        let graph = pipeline.relations.extract(from: analysis)
        guard graph.checkInvariants() else { return "the extracted graph breaks its invariants" }
        guard !input.contains(0), let text = String(validating: input, as: UTF8.self) else { return nil }
        let scalars = Array(text.unicodeScalars)
        for relation in graph.relations {
            for evidence in relation.evidence {
                guard 0 <= evidence.start, evidence.start <= evidence.end, evidence.end <= scalars.count else {
                    return "evidence at \(evidence.start)..<\(evidence.end) is outside the text of \(scalars.count) scalars"
                }
                var sentence = String.UnicodeScalarView()
                sentence.append(contentsOf: scalars[evidence.start..<evidence.end])
                guard String(sentence) == evidence.sentence else {
                    return "evidence \(evidence.sentence.debugDescription) is not the text at \(evidence.start)..<\(evidence.end)"
                }
            }
        }
        return nil
    }

    // MARK: - DOT and SVG

    private static func dot(_ input: [UInt8]) -> String? {
        var bytes = FuzzBytes(input)
        let writer = DOTWriter(includeLegend: bytes.flag(), sizeByDegree: bytes.flag())
        let graph = bytes.graph()
        do {
            _ = try GraphvizRenderer.render(dot: writer.write(graph), layout: .dot, format: .dot)
        } catch {
            return "Graphviz refused the DOT: \(error)"
        }
        return nil
    }

    private static func svg(_ input: [UInt8]) -> String? {
        var bytes = FuzzBytes(input)
        let graph = bytes.graph()
        let svg: [UInt8]
        do {
            svg = try GraphvizRenderer.render(dot: DOTWriter().write(graph), layout: .dot, format: .svg)
        } catch {
            return "Graphviz refused the DOT: \(error)"
        }
        let text = String(decoding: svg, as: UTF8.self)
        if let bad = text.unicodeScalars.first(where: { !isXMLCharacter($0) }) {
            return "the SVG holds U+\(String(bad.value, radix: 16, uppercase: true)), which XML forbids"
        }
        let document = XMLDocumentOutline(text)
        if let error = document.error { return "the SVG is not XML: \(error)" }
        // Each edge's tooltip reads as its first sentence: no Graphviz escape was expanded.
        // Graphviz writes a space that follows a space as a no-break space (&#160;), to keep it.
        let tooltips = Set(document.attributes(named: "xlink:title").map(noBreakSpacesAsSpaces))
        for relation in graph.relations {
            guard let sentence = relation.evidence.first?.sentence else { continue }
            let expected = noBreakSpacesAsSpaces(svgText(sentence))
            // Graphviz writes no tooltip for an empty one.
            if expected.isEmpty { continue }
            if !tooltips.contains(expected) {
                return "no tooltip reads \(expected.debugDescription); the tooltips are \(tooltips.sorted().map(\.debugDescription))"
            }
        }
        return nil
    }

    /// Scalar by scalar: a no-break space before a combining mark is one Character with it.
    private static func noBreakSpacesAsSpaces(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { result.append(scalar == "\u{A0}" ? " " : scalar) }
        return String(result)
    }

    /// What an SVG tooltip should read for `text`: characters XML forbids dropped or replaced,
    /// every line break one "\n", a tab a space.
    private static func svgText(_ text: String) -> String {
        var result = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            if scalar == "\n" && previousWasCR { continue }
            if scalar == "\r" {
                result += "\n"
            } else if scalar == "\t" {
                result += " "  // Graphviz writes a tab in a tooltip as a space.
            } else if let kept = xmlReplacement(scalar) {
                result.unicodeScalars.append(kept)
            }
        }
        return result
    }

    // MARK: - GraphML

    private static func graphML(_ input: [UInt8]) -> String? {
        var bytes = FuzzBytes(input)
        let graph = bytes.graph()
        let text = GraphMLWriter.write(graph)
        if let bad = text.unicodeScalars.first(where: { !isXMLCharacter($0) }) {
            return "the GraphML holds U+\(String(bad.value, radix: 16, uppercase: true)), which XML forbids"
        }
        let document = XMLDocumentOutline(text)
        if let error = document.error { return "the GraphML is not XML: \(error)" }
        let nodes = document.elements.filter { $0.name == "node" }
        guard nodes.count == graph.entities.count else { return "\(nodes.count) nodes for \(graph.entities.count) entities" }
        let names = document.elements.filter { $0.name == "data" && $0.attributes["key"] == "name" }.map(\.text)
        let expected = graph.entities.map { xmlText($0.name) }
        guard names == expected else { return "names \(names.map(\.debugDescription)) for \(expected.map(\.debugDescription))" }
        let ids = nodes.map { $0.attributes["id"] ?? "" }
        guard ids == graph.entities.map({ xmlText($0.id) }) else { return "node ids \(ids.map(\.debugDescription)) changed" }
        let sentences = document.elements.filter { $0.name == "data" && $0.attributes["key"] == "evidence" }.map(\.text)
        guard sentences == graph.relations.map({ xmlText($0.evidence.first?.sentence ?? "") }) else {
            return "evidence \(sentences.map(\.debugDescription)) changed"
        }
        return nil
    }

    /// What an XML export should give back for `text`: characters XML forbids dropped or replaced.
    private static func xmlText(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if let kept = xmlReplacement(scalar) { result.unicodeScalars.append(kept) }
        }
        return result
    }

    /// Control characters other than tab and line breaks dropped, noncharacters as U+FFFD.
    private static func xmlReplacement(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        if value < 0x20 { return value == 0x9 || value == 0xA || value == 0xD ? scalar : nil }
        if (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE { return "\u{FFFD}" }
        return scalar
    }

    /// XML 1.0's `Char`.
    private static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    // MARK: - JSON

    private static func json(_ input: [UInt8]) -> String? {
        var bytes = FuzzBytes(input)
        let graph = bytes.graph()
        let json = JSONWriter.bytes(of: graph)
        let decoded: Graph
        do {
            decoded = try JSONDecoder().decode(Graph.self, from: Data(json))
        } catch {
            return "the JSON does not decode: \(error)"
        }
        // The JSON leaves out the extractor's rationales and nothing else.
        let expected = Graph(entities: graph.entities, relations: graph.relations.map { relation in
            var copy = relation
            copy.evidence = relation.evidence.map { evidence in
                var stripped = evidence
                stripped.rationale = nil
                return stripped
            }
            return copy
        })
        return decoded == expected ? nil : "the JSON decodes to another graph"
    }
}

/// The elements of an XML document, read by libxml2 through Foundation's XMLParser.
private final class XMLDocumentOutline: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []
    private(set) var error: String?

    init(_ text: String) {
        super.init()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = self
        if !parser.parse() && error == nil { error = parser.parserError.map { "\($0)" } ?? "parse failed" }
    }

    func attributes(named name: String) -> [String] {
        elements.compactMap { $0.attributes[name] }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                attributes attributeDict: [String: String] = [:])
    {
        open.append(elements.count)
        elements.append(Element(name: elementName, attributes: attributeDict))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last { elements[index].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        error = "line \(parser.lineNumber), column \(parser.columnNumber): \(parseError)"
    }
}
