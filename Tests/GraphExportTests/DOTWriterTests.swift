import Testing
import GraphExport
import KnowledgeGraph

@Suite("DOT string quoting")
struct DOTQuotingTests {
    @Test("Plain and non-Latin text is only wrapped in quotes")
    func plain() {
        #expect(DOTWriter.quoted("Antony Blinken") == "\"Antony Blinken\"")
        #expect(DOTWriter.quoted("Erdoğan 习近平") == "\"Erdoğan 习近平\"")
        #expect(DOTWriter.quoted("") == "\"\"")
    }

    @Test("Backslashes and double quotes are escaped")
    func backslashAndQuote() {
        #expect(DOTWriter.quoted(#"C:\path"#) == #""C:\\path""#)
        #expect(DOTWriter.quoted(#"the "Quad""#) == #""the \"Quad\"""#)
        #expect(DOTWriter.quoted(#"\""#) == #""\\\"""#)
    }

    @Test("Every kind of line break becomes one DOT \\n escape")
    func lineBreaks() {
        #expect(DOTWriter.quoted("a\nb") == #""a\nb""#)
        #expect(DOTWriter.quoted("a\r\nb") == #""a\nb""#)
        #expect(DOTWriter.quoted("a\rb") == #""a\nb""#)
        #expect(DOTWriter.quoted("a\r\n\r\nb") == #""a\n\nb""#)
        #expect(DOTWriter.quoted("a\n\nb") == #""a\n\nb""#)
    }

    @Test("Ampersands are written as entities so Graphviz does not decode them")
    func ampersand() {
        #expect(DOTWriter.quoted("AT&T") == "\"AT&amp;T\"")
        #expect(DOTWriter.quoted("&lt;") == "\"&amp;lt;\"")
    }

    @Test("NUL characters are dropped")
    func nul() {
        #expect(DOTWriter.quoted("a\u{0}b") == "\"ab\"")
        #expect(DOTWriter.quoted("\u{0}") == "\"\"")
    }
}

@Suite("DOT output")
struct DOTWriterTests {
    @Test("Every entity is a node labelled with its name and every relation an edge labelled with its type")
    func nodesAndEdges() {
        let dot = DOTWriter().write(exportSample())
        #expect(dot.hasPrefix("digraph newsgraph {\n"))
        #expect(dot.hasSuffix("}\n"))
        #expect(dot.contains("label=\"Recep Tayyip Erdoğan\""))
        #expect(dot.contains("label=\"习近平\""))
        #expect(dot.contains("label=\"AT&amp;T\""))
        #expect(dot.contains("label=\"Türkiye\""))
        #expect(dot.contains("label=\"met_with\""))
        #expect(dot.contains("label=\"sanctioned\""))
        #expect(dot.contains("label=\"affiliated_with\""))
        let edgeLines = dot.split(separator: "\n").filter { $0.contains(" -> ") && !$0.contains("legend_") }
        #expect(edgeLines.count == 3)
    }

    @Test("Entity types are told apart by shape, and met_with edges have no arrowhead")
    func styling() throws {
        let dot = DOTWriter().write(exportSample())
        let lines = dot.split(separator: "\n").map(String.init)
        let treasury = try #require(lines.first { $0.contains("label=\"U.S. Treasury\"") })
        #expect(treasury.contains("shape=box"))
        let country = try #require(lines.first { $0.contains("label=\"Türkiye\"") })
        #expect(country.contains("shape=hexagon"))
        let meeting = try #require(lines.first { $0.contains("label=\"met_with\"") && !$0.contains("legend_") })
        #expect(meeting.contains("dir=none"))
        #expect(meeting.contains("penwidth=3"))
        // The first evidence sentence is the edge's tooltip, escaped.
        #expect(meeting.contains(#"tooltip="Erdoğan met Xi in \"Beijing\".""#))
        let sanction = try #require(lines.first { $0.contains("label=\"sanctioned\"") && !$0.contains("legend_") })
        #expect(!sanction.contains("dir=none"))
        #expect(!sanction.contains("penwidth"))
    }

    @Test("The legend shows every entity type and only the relation types in use")
    func legend() {
        let graph = exportSample().filtered(entities: { _ in true }, relations: { $0.type == .metWith })
        let dot = DOTWriter().write(graph)
        #expect(dot.contains("subgraph cluster_legend"))
        #expect(dot.contains("label=\"Legend\""))
        for type in EntityType.allCases {
            #expect(dot.contains("legend_\(type.rawValue) [label=\"\(type.rawValue)\""))
        }
        let legendEdges = dot.split(separator: "\n").filter { $0.contains("legend_r") && $0.contains(" -> ") }
        #expect(legendEdges.count == 1)
        #expect(legendEdges.first?.contains("label=\"met_with\"") == true)
        #expect(!dot.contains("sanctioned"))
    }

    @Test("The legend can be left out, and an empty graph has none")
    func noLegend() {
        #expect(!DOTWriter(includeLegend: false).write(exportSample()).contains("cluster_legend"))
        #expect(!DOTWriter().write(Graph()).contains("cluster_legend"))
    }

    @Test("Node font size grows with degree only when asked")
    func sizeByDegree() throws {
        let sized = DOTWriter().write(exportSample()).split(separator: "\n")
        let erdogan = try #require(sized.first { $0.contains("label=\"Recep Tayyip Erdoğan\"") })
        #expect(erdogan.contains("fontsize=12"))
        let plain = DOTWriter(sizeByDegree: false).write(exportSample()).split(separator: "\n")
        let unsized = try #require(plain.first { $0.contains("label=\"Recep Tayyip Erdoğan\"") })
        #expect(!unsized.contains("fontsize="))
    }
}
