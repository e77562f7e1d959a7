import Testing
import GraphExport
import KnowledgeGraph

private let pngMagic: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

@Suite("Graphviz rendering")
struct GraphvizRendererTests {
    @Test("SVG output carries the labels, in any script, with ampersands escaped once")
    func svgLabels() throws {
        let dot = DOTWriter().write(exportSample())
        let svg = String(decoding: try GraphvizRenderer.render(dot: dot, layout: .dot, format: .svg), as: UTF8.self)
        #expect(svg.contains("<svg"))
        #expect(svg.contains("Erdoğan"))
        #expect(svg.contains("习近平"))
        #expect(svg.contains("Türkiye"))
        #expect(svg.contains("AT&amp;T"))
        #expect(!svg.contains("AT&amp;amp;T"))
        #expect(!svg.contains("AT&T"))
        #expect(svg.contains("met_with"))
        // The SVG is well-formed XML despite the ampersands and quotes in names and tooltips.
        let outline = XMLOutline.parse(svg)
        #expect(outline.error == nil)
        let texts = outline.elements(named: "text").map(\.text)
        #expect(texts.contains("AT&T"))
        #expect(texts.contains("习近平"))
        #expect(texts.contains("Legend"))
    }

    @Test("A large force-directed drawing has straight, unlabelled edges that keep their tooltips")
    func largeGraph() throws {
        var graph = Graph()
        let count = Int(GraphvizRenderer.largeGraphNodes) + 10
        for index in 0..<count { graph.add(Entity(id: "n\(index)", name: "Node \(index)", type: .person)) }
        for index in 0..<count {
            graph.add(Relation(source: "n\(index)", type: .metWith, target: "n\((index + 1) % count)",
                               evidence: [Evidence(document: "d", sentence: "Sentence \(index).", start: 0, end: 11)]))
        }
        let svg = String(decoding: try GraphvizRenderer.render(dot: DOTWriter().write(graph), layout: .sfdp, format: .svg), as: UTF8.self)
        let texts = XMLOutline.parse(svg).elements(named: "text").map(\.text)
        #expect(texts.filter { $0 == "met_with" }.count == 1)  // the legend's only
        #expect(svg.contains("Sentence 7."))
        // Small graphs keep their edge labels.
        let small = String(decoding: try GraphvizRenderer.render(dot: DOTWriter().write(exportSample()), layout: .sfdp, format: .svg),
                           as: UTF8.self)
        #expect(XMLOutline.parse(small).elements(named: "text").map(\.text).filter { $0 == "met_with" }.count == 2)
    }

    @Test("PNG output starts with the PNG signature")
    func png() throws {
        let dot = DOTWriter().write(exportSample())
        let bytes = try GraphvizRenderer.render(dot: dot, layout: .dot, format: .png)
        #expect(bytes.count > 100)
        #expect(Array(bytes.prefix(8)) == pngMagic)
    }

    @Test("DOT output is the laid-out graph with positions")
    func laidOutDOT() throws {
        let text = String(decoding: try GraphvizRenderer.render(dot: "digraph { a -> b }", layout: .dot, format: .dot), as: UTF8.self)
        #expect(text.contains("pos=\""))
        #expect(text.contains("a -> b"))
    }

    @Test("sfdp lays out a small graph too")
    func sfdp() throws {
        let svg = String(decoding: try GraphvizRenderer.render(dot: DOTWriter().write(exportSample()), layout: .sfdp, format: .svg),
                         as: UTF8.self)
        #expect(svg.contains("Erdoğan"))
    }

    @Test("Invalid DOT throws a parsing error, and the next render still works")
    func invalidDOT() throws {
        let error = #expect(throws: ExportError.self) {
            try GraphvizRenderer.render(dot: "digraph { a -> ; ]]] }", layout: .dot, format: .svg)
        }
        guard case .graphviz(let stage, let message) = error else {
            Issue.record("expected a Graphviz error, got \(String(describing: error))")
            return
        }
        #expect(stage == "parsing")
        #expect(!message.isEmpty)
        let svg = String(decoding: try GraphvizRenderer.render(dot: "graph { Bamako -- Niamey }", layout: .dot, format: .svg),
                         as: UTF8.self)
        #expect(svg.contains("Bamako"))
        #expect(svg.contains("Niamey"))
    }

    @Test("Input that holds no graph at all is an error")
    func noGraph() {
        #expect(throws: ExportError.self) {
            try GraphvizRenderer.render(dot: "", layout: .dot, format: .svg)
        }
        #expect(throws: ExportError.self) {
            try GraphvizRenderer.render(dot: "this is not dot", layout: .dot, format: .png)
        }
    }

    @Test("Formats Graphviz does not produce are refused", arguments: [ExportFormat.json, .graphml])
    func unsupportedFormat(format: ExportFormat) {
        let error = #expect(throws: ExportError.self) {
            try GraphvizRenderer.render(dot: "digraph { a }", layout: .dot, format: format)
        }
        guard case .unknownFormat(let name) = error else {
            Issue.record("expected unknownFormat, got \(String(describing: error))")
            return
        }
        #expect(name == format.rawValue)
    }

    @Test("Automatic layout uses dot for small graphs and sfdp for large ones")
    func automaticLayout() {
        #expect(GraphvizRenderer.Layout.automatic(nodes: 5, edges: 4) == .dot)
        #expect(GraphvizRenderer.Layout.automatic(nodes: 150, edges: 300) == .dot)
        #expect(GraphvizRenderer.Layout.automatic(nodes: 151, edges: 10) == .sfdp)
        #expect(GraphvizRenderer.Layout.automatic(nodes: 20, edges: 301) == .sfdp)
        #expect(GraphvizRenderer.Layout.automatic(nodes: 5000, edges: 12000) == .sfdp)
    }

    @Test("File extensions choose export formats")
    func formatFromExtension() {
        #expect(ExportFormat(pathExtension: "SVG") == .svg)
        #expect(ExportFormat(pathExtension: "gv") == .dot)
        #expect(ExportFormat(pathExtension: "xml") == .graphml)
        #expect(ExportFormat(pathExtension: "png") == .png)
        #expect(ExportFormat(pathExtension: "json") == .json)
        #expect(ExportFormat(pathExtension: "pdf") == nil)
    }
}
