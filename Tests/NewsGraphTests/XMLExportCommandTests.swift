import Foundation
import Testing

/// Runs a program to the end; its exit status and what it printed on both streams.
private func runProgram(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
}

private let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// python3 when networkx can be imported by it.
private let pythonWithNetworkx: String? = {
    for python in ["/usr/bin/env"] {
        if let run = try? runProgram(python, ["python3", "-c", "import networkx"]), run.status == 0 { return python }
    }
    return nil
}()

@Suite("SVG and GraphML of articles with characters XML forbids", .serialized)
struct XMLExportCommandTests {
    /// A store built from an article holding U+0001, U+FFFE and Graphviz escapes.
    private func hostileStore() throws -> (TemporaryFolder, String) {
        let folder = try TemporaryFolder()
        let text = "Senator John Smith criticized Senator Mary Chen \u{1} over the \\G budget \u{FFFE} deal.\n"
        let article = try folder.write("hostile.txt", text)
        let store = folder.file("graph.sqlite")
        let build = try CLI.run(["build", article, "--store", store, "--quiet"], in: folder)
        try #require(build.status == 0, "\(build.summary)")
        return (folder, store)
    }

    @Test("xmllint reads the SVG and the GraphML export", .enabled(if: xmllint != nil))
    func xmllintReads() throws {
        let (folder, store) = try hostileStore()
        for name in ["graph.svg", "graph.graphml"] {
            let export = try CLI.run(["export", "--store", store, "--output", name], in: folder)
            #expect(export.status == 0, "\(export.summary)")
            let check = try runProgram(try #require(xmllint), ["--noout", folder.file(name)])
            #expect(check.status == 0, "\(name): \(check.output)")
        }
    }

    @Test("networkx.read_graphml reads the GraphML export", .enabled(if: pythonWithNetworkx != nil))
    func networkxReads() throws {
        let (folder, store) = try hostileStore()
        let export = try CLI.run(["export", "--store", store, "--output", "graph.graphml"], in: folder)
        #expect(export.status == 0, "\(export.summary)")
        let script = """
            import sys, networkx
            graph = networkx.read_graphml(sys.argv[1])
            evidence = [data["evidence"] for _, _, data in graph.edges(data=True)]
            print(graph.number_of_nodes(), ascii(evidence))
            """
        let check = try runProgram(try #require(pythonWithNetworkx), ["python3", "-c", script, folder.file("graph.graphml")])
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.hasPrefix("2 "), "\(check.output)")
        #expect(check.output.contains(#"over the \\G budget \ufffd deal."#), "\(check.output)")
    }
}
