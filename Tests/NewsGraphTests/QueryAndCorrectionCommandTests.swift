import Foundation
import NewsGraph
import Testing

@Suite("path, merge, split, rename and exports from the command line", .serialized)
struct QueryAndCorrectionCommandTests {
    /// A store built from two articles that share Blinken.
    static func builtStore(in folder: TemporaryFolder) throws -> String {
        try folder.write("articles/beijing.txt", CLI.article)
        try folder.write("articles/treasury.txt", """
            Treasury acts on drone suppliers
            The Treasury Department sanctioned the Iranian firm Kavir Trading Company on Tuesday.
            Secretary of State Antony Blinken met with Saudi Foreign Minister Faisal bin Farhan in Riyadh.

            """)
        let store = folder.file("graph.sqlite")
        let build = try CLI.run(["build", "articles", "--store", store, "--quiet"], in: folder)
        try #require(build.status == 0, "\(build.summary)")
        return store
    }

    @Test("path prints each step with its evidence, and fails with a hint for an unknown name")
    func path() throws {
        let folder = try TemporaryFolder()
        let store = try Self.builtStore(in: folder)
        let run = try CLI.run(["path", "Xi Jinping", "Faisal bin Farhan", "--store", store], in: folder)
        #expect(run.status == 0, "\(run.summary)")
        #expect(run.stdout.hasPrefix("Xi Jinping to Faisal bin Farhan: 2 steps"), "\(run.summary)")
        #expect(run.stdout.contains("<-met_with->"), "\(run.summary)")
        #expect(run.stdout.contains("\"Secretary of State Antony Blinken met with Saudi"), "\(run.summary)")

        let json = try CLI.run(["path", "xi", "faisal bin farhan", "--store", store, "--format", "json"], in: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json.summary)")
        #expect((object["relations"] as? [Any])?.count == 2)

        let unknown = try CLI.run(["path", "Xi Jinpin", "Blinken", "--store", store], in: folder)
        #expect(unknown.status == 1)
        #expect(unknown.stderrLines.count == 1, "\(unknown.summary)")
        #expect(unknown.stderr.contains("did you mean"), "\(unknown.summary)")
    }

    @Test("merge, split and rename change later queries and are listed by corrections")
    func corrections() throws {
        let folder = try TemporaryFolder()
        let store = try Self.builtStore(in: folder)
        let merge = try CLI.run(["merge", "Faisal bin Farhan", "Xi Jinping", "--store", store], in: folder)
        #expect(merge.status == 0, "\(merge.summary)")
        let sources = try CLI.run(["entities", "Xi Jinping", "--sources", "--store", store], in: folder)
        #expect(sources.stdout.contains("as \"Faisal bin Farhan\" in 1 article"), "\(sources.summary)")

        let split = try CLI.run(["split", "Xi Jinping", "Faisal bin Farhan", "--as", "Prince Faisal", "--store", store], in: folder)
        #expect(split.status == 0, "\(split.summary)")
        let neighbors = try CLI.run(["neighbors", "Prince Faisal", "--store", store], in: folder)
        #expect(neighbors.stdout.contains("met_with Antony Blinken"), "\(neighbors.summary)")

        let rename = try CLI.run(["rename", "Prince Faisal", "Faisal bin Farhan Al Saud", "--store", store], in: folder)
        #expect(rename.status == 0, "\(rename.summary)")
        let list = try CLI.run(["corrections", "--store", store], in: folder)
        #expect(list.stdout.split(separator: "\n").map { $0.split(separator: " ")[1] } == ["merge", "split", "rename"], "\(list.summary)")

        let refused = try CLI.run(["merge", "Blinken", "Antony Blinken", "--store", store], in: folder)
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("newsgraph: error:"), "\(refused.summary)")
    }

    @Test("export writes Neo4j CSV into a folder and node-link JSON, with filters applied")
    func exports() throws {
        let folder = try TemporaryFolder()
        let store = try Self.builtStore(in: folder)
        let csv = try CLI.run(["export", "--store", store, "--format", "csv", "--output", "neo4j", "--relation", "met_with"], in: folder)
        #expect(csv.status == 0, "\(csv.summary)")
        let relationships = try String(contentsOfFile: folder.file("neo4j/relationships.csv"), encoding: .utf8)
        let types = Set(parseRows(relationships).dropFirst().map { $0[2] })
        #expect(types == ["MET_WITH"], "\(relationships)")
        let nodes = try String(contentsOfFile: folder.file("neo4j/nodes.csv"), encoding: .utf8)
        #expect(!nodes.contains("Treasury"), "the relation filter should drop unlinked entities: \(nodes)")

        let noFolder = try CLI.run(["export", "--store", store, "--format", "csv"], in: folder)
        #expect(noFolder.status == 1)
        #expect(noFolder.stderr.contains("--output"), "\(noFolder.summary)")

        let nodeLink = try CLI.run(["export", "--store", store, "--format", "node-link", "--type", "person"], in: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(nodeLink.stdout.utf8)) as? [String: Any], "\(nodeLink.summary)")
        let nodes2 = try #require(object["nodes"] as? [[String: Any]])
        #expect(nodes2.allSatisfy { $0["type"] as? String == "person" })
        #expect((object["links"] as? [Any])?.isEmpty == false)
    }
}

/// CSV rows split on commas outside quotes (the test data has no line breaks in fields).
private func parseRows(_ text: String) -> [[String]] {
    text.split(separator: "\n").map { line in
        var fields: [String] = []
        var field = ""
        var quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() } else if character == "," && !quoted {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        return fields + [field]
    }
}
