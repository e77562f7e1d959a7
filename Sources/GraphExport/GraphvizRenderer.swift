import CGraphviz
import Synchronization

/// Lays out and renders DOT through Graphviz's C library, in-process.
///
/// libcgraph keeps global state (parser, error buffer, font cache) and is not thread-safe, so
/// every call goes through one process-wide lock and reuses one context.
public enum GraphvizRenderer {
    /// Layout engines: `dot` is readable for small graphs, `sfdp` scales to thousands of nodes.
    public enum Layout: String, Sendable, CaseIterable {
        case dot, neato, fdp, sfdp, circo, twopi

        /// `dot` up to a size where its layout stays well under a second, `sfdp` beyond.
        package static func automatic(nodes: Int, edges: Int) -> Layout {
            nodes <= 150 && edges <= 300 ? .dot : .sfdp
        }
    }

    package static func render(dot: String, layout: Layout, format: ExportFormat) throws(ExportError) -> [UInt8] {
        guard format == .svg || format == .png || format == .dot else { throw .unknownFormat(format.rawValue) }
        let outputFormat = format == .dot ? "dot" : format.rawValue
        return try graphviz.withLock { (context: inout GraphvizContext?) throws(ExportError) -> [UInt8] in
            let gvc: OpaquePointer
            if let existing = context {
                gvc = existing.gvc
            } else {
                _ = agseterrf(captureGraphvizMessage)
                _ = agseterr(AGWARN)
                guard let created = gvContext() else { throw .graphviz(stage: "startup", message: "no Graphviz context") }
                context = GraphvizContext(gvc: created)
                gvc = created
            }
            capturedMessages = ""
            _ = agreseterrors()
            guard let graph = agmemread(dot) else {
                throw .graphviz(stage: "parsing", message: errorText() ?? "no graph found in the DOT input")
            }
            defer { agclose(graph) }
            if agerrors() > 0 { throw .graphviz(stage: "parsing", message: errorText() ?? "syntax error") }
            let nodes = agnnodes(graph)
            if layout != .dot && nodes > largeGraphNodes {
                // Routing splines around thousands of nodes takes minutes, and prism overlap
                // removal triples sfdp's time at 5,000 nodes: straight edges always, overlap
                // removal only while it stays cheap.
                setAttribute(graph, "splines", "false")
                setAttribute(graph, "overlap", nodes > 2000 ? "true" : "prism")
                // Placing thousands of edge labels dominates the layout; colour and the legend
                // still tell the relations apart, and each edge keeps its tooltip.
                clearEdgeLabels(graph)
            }
            guard gvLayout(gvc, graph, layout.rawValue) == 0 else {
                throw .graphviz(stage: "layout (\(layout.rawValue))", message: errorText() ?? "layout failed")
            }
            defer { _ = gvFreeLayout(gvc, graph) }
            if agerrors() > 0 { throw .graphviz(stage: "layout (\(layout.rawValue))", message: errorText() ?? "layout error") }
            var data: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            guard gvRenderData(gvc, graph, outputFormat, &data, &length) == 0, let data else {
                throw .graphviz(stage: "rendering \(outputFormat)", message: errorText() ?? "renderer unavailable")
            }
            defer { gvFreeRenderData(data) }
            return data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                Array(UnsafeBufferPointer(start: $0, count: Int(length)))
            }
        }
    }

    /// Above this many nodes a force-directed layout draws straight edges.
    package static let largeGraphNodes: Int32 = 150

    private static func clearEdgeLabels(_ graph: UnsafeMutablePointer<Agraph_t>) {
        var node = agfstnode(graph)
        while let current = node {
            // The legend's sample edges keep their relation names.
            if let name = agnameof(UnsafeMutableRawPointer(current)), String(cString: name).hasPrefix("legend_") {
                node = agnxtnode(graph, current)
                continue
            }
            var edge = agfstout(graph, current)
            while let currentEdge = edge {
                setAttribute(currentEdge, "label", "")
                edge = agnxtout(graph, currentEdge)
            }
            node = agnxtnode(graph, current)
        }
    }

    private static func setAttribute<Object>(_ object: UnsafeMutablePointer<Object>, _ name: String, _ value: String) {
        name.withCString { name in
            value.withCString { value in
                "".withCString { empty in
                    _ = agsafeset(UnsafeMutableRawPointer(object), UnsafeMutablePointer(mutating: name), UnsafeMutablePointer(mutating: value),
                                  UnsafeMutablePointer(mutating: empty))
                }
            }
        }
    }

    private static func errorText() -> String? {
        let lines = capturedMessages.split(separator: "\n").map { $0.trimmingCharactersInSet() }.filter { !$0.isEmpty }
        let errors = lines.filter { !$0.hasPrefix("Warning") }
        return errors.isEmpty ? nil : errors.joined(separator: "; ")
    }
}

private final class GraphvizContext {
    let gvc: OpaquePointer
    init(gvc: OpaquePointer) { self.gvc = gvc }
    deinit { gvFreeContext(gvc) }
}

private let graphviz = Mutex<GraphvizContext?>(nil)

/// Graphviz reports through a C callback that cannot capture context; guarded by `graphviz`.
nonisolated(unsafe) private var capturedMessages = ""
private let captureGraphvizMessage: agusererrf = { message in
    if let message { capturedMessages += String(cString: message) }
    return 0
}

extension Substring {
    fileprivate func trimmingCharactersInSet() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
