import Foundation
import GraphExport
import KnowledgeGraph
import Testing

/// Inputs the fuzz targets (Fuzz/README.md) found, each kept as a seed in `Fuzz/Corpus/<target>/`
/// under the name given here, and checked as the behavior it broke.
@Suite("Fuzz findings: exports")
struct FuzzFindingTests {
    /// FuzzGraphML, `Fuzz/Corpus/graphml/crlf-name` (bytes 4A B7 D2): an entity named "\r\n" came
    /// back from an XML parser as "\n". XML turns every line break in text into "\n" and every line
    /// break or tab in an attribute into a space, so the export writes them as character
    /// references, which a parser gives back as they were.
    @Test("GraphML gives back carriage returns, line breaks and tabs in names, ids and sentences")
    func graphMLLineBreaks() throws {
        let name = "\r\n"
        let id = "a\tb\nc\rd"
        let sentence = "Ana Lima met\r\nXi Jinping.\rThen\tagain."
        let graph = Graph(
            entities: [Entity(id: id, name: name, type: .person), Entity(id: "xi", name: "Xi Jinping", type: .person)],
            relations: [Relation(source: id, type: .metWith, target: "xi",
                                 evidence: [Evidence(document: "doc", sentence: sentence, start: 0, end: 37)])])
        let outline = XMLOutline.parse(GraphMLWriter.write(graph))
        #expect(outline.error == nil)
        let names = outline.elements(named: "data").filter { $0.attributes["key"] == "name" }.map(\.text)
        #expect(names == [name, "Xi Jinping"])
        #expect(outline.elements(named: "node").map { $0.attributes["id"] } == [id, "xi"])
        #expect(outline.elements(named: "edge").first?.attributes["source"] == id)
        let evidence = outline.elements(named: "data").filter { $0.attributes["key"] == "evidence" }.map(\.text)
        #expect(evidence == [sentence])
    }
}
