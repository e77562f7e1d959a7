import Foundation
import NewsGraph
import Testing

@Suite("Dates from the command line: --since, --until and timeline", .serialized)
struct DateQueryCommandTests {
    /// Three dated meetings of Blinken and Wang Yi, one undated criticism, one sanction in 2023.
    static func builtStore(in folder: TemporaryFolder) throws -> String {
        let records = [
            #"{"id": "geneva", "date": "2023-05-10", "text": "Secretary of State Antony Blinken met with Chinese Foreign Minister Wang Yi in Geneva."}"#,
            #"{"id": "sanctions", "date": "2023-08-01", "text": "The Treasury Department sanctioned the Iranian firm Kavir Trading Company."}"#,
            #"{"id": "jakarta", "date": "2024-07-26", "text": "Secretary of State Antony Blinken met with Chinese Foreign Minister Wang Yi in Jakarta."}"#,
            #"{"id": "undated", "text": "Chinese Foreign Minister Wang Yi criticized Secretary of State Antony Blinken over the visit."}"#,
            #"{"id": "lima", "date": "2024-11-14", "text": "Secretary of State Antony Blinken met with Chinese Foreign Minister Wang Yi in Lima."}"#,
        ]
        try folder.write("dump.jsonl", records.joined(separator: "\n") + "\n")
        let store = folder.file("graph.sqlite")
        let build = try CLI.run(["build", "dump.jsonl", "--store", store, "--quiet"], in: folder)
        try #require(build.status == 0, "\(build.summary)")
        return store
    }

    @Test("neighbors --since/--until counts only the articles in the range")
    func neighbors() throws {
        let folder = try TemporaryFolder()
        let store = try Self.builtStore(in: folder)
        let all = try CLI.run(["neighbors", "Blinken", "--store", store], in: folder)
        #expect(all.stdout.contains("<-> met_with Wang Yi [person] weight 3"), "\(all.summary)")
        let recent = try CLI.run(["neighbors", "Blinken", "--store", store, "--since", "2024"], in: folder)
        #expect(recent.status == 0, "\(recent.summary)")
        #expect(recent.stdout.contains("<-> met_with Wang Yi [person] weight 2"), "\(recent.summary)")
        #expect(!recent.stdout.contains("criticized"), "the undated criticism is outside any range: \(recent.summary)")
        let summer = try CLI.run(["neighbors", "Blinken", "--store", store, "--since", "2024-07", "--until", "2024-07-31"], in: folder)
        #expect(summer.stdout.contains("weight 1") && summer.stdout.contains("(jakarta)"), "\(summer.summary)")
    }

    @Test("export --since/--until keeps the evidence of the range; every edge carries first_seen and last_seen")
    func export() throws {
        let folder = try TemporaryFolder()
        let store = try Self.builtStore(in: folder)
        let whole = try #require(try CLI.exportedGraph(store, in: folder)["relations"] as? [[String: Any]])
        let meetings = try #require(whole.first { $0["type"] as? String == "met_with" })
        #expect(meetings["first_seen"] as? String == "2023-05-10")
        #expect(meetings["last_seen"] as? String == "2024-11-14")

        let in2023 = try CLI.exportedGraph(store, in: folder, ["--since", "2023", "--until", "2023"])
        let relations = try #require(in2023["relations"] as? [[String: Any]])
        let documents = Set(relations.flatMap { ($0["evidence"] as? [[String: Any]]) ?? [] }.compactMap { $0["document"] as? String })
        #expect(documents == ["geneva", "sanctions"])
        #expect(relations.first { $0["type"] as? String == "met_with" }?["last_seen"] as? String == "2023-05-10")

        let graphml = try CLI.run(["export", "--store", store, "--format", "graphml", "--since", "2024"], in: folder)
        #expect(graphml.stdout.contains("<data key=\"first_seen\">2024-07-26</data>"), "\(graphml.summary)")
    }

    @Test("path --until follows only edges stated by then")
    func path() throws {
        let folder = try TemporaryFolder()
        let store = try Self.builtStore(in: folder)
        let run = try CLI.run(["path", "Blinken", "Wang Yi", "--store", store, "--until", "2023-06"], in: folder)
        #expect(run.status == 0, "\(run.summary)")
        #expect(run.stdout.contains("(geneva)"), "\(run.summary)")
        let none = try CLI.run(["path", "Blinken", "Wang Yi", "--store", store, "--until", "2022"], in: folder)
        #expect(none.status == 1, "\(none.summary)")
        #expect(none.stdout.contains("no chain"), "\(none.summary)")
    }

    @Test("timeline lists the dated sentences between two entities oldest first, as text and as JSON")
    func timeline() throws {
        let folder = try TemporaryFolder()
        let store = try Self.builtStore(in: folder)
        let run = try CLI.run(["timeline", "Wang Yi", "Blinken", "--store", store], in: folder)
        #expect(run.status == 0, "\(run.summary)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Wang Yi and Antony Blinken: 3 dated sentences, 2023-05-10 to 2024-11-14", "\(run.summary)")
        let dated = lines.filter { $0.hasPrefix("  20") }
        #expect(dated.map { String($0.dropFirst(2).prefix(10)) } == ["2023-05-10", "2024-07-26", "2024-11-14"], "\(run.summary)")
        #expect(dated.allSatisfy { $0.contains("Antony Blinken <-met_with-> Wang Yi") }, "\(run.summary)")
        #expect(lines.last == "  (1 sentence from undated articles not listed)", "\(run.summary)")

        let json = try CLI.run(["timeline", "Blinken", "Wang Yi", "--store", store, "--format", "json", "--since", "2024"], in: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json.summary)")
        let entries = try #require(object["timeline"] as? [[String: Any]])
        #expect(entries.compactMap { $0["document"] as? String } == ["jakarta", "lima"])
        #expect(entries.first?["type"] as? String == "met_with")
        #expect((object["entities"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["antony-blinken", "wang-yi"])
    }

    @Test("A bad date or an unknown name is one error line and exit status 1; the store is left as it was")
    func badArguments() throws {
        let folder = try TemporaryFolder()
        let store = try Self.builtStore(in: folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        for arguments in [["neighbors", "Blinken", "--since", "2024-13"], ["export", "--until", "last week"],
                          ["timeline", "Blinken", "Wang Yi", "--since", "2025", "--until", "2024"], ["timeline", "Blinken", "Nobody Atall"],
                          ["path", "Blinken", "Wang Yi", "--since", "24"]]
        {
            let run = try CLI.run(arguments + ["--store", store], in: folder)
            #expect(run.status == 1, "\(arguments): \(run.summary)")
            #expect(run.stderrLines.count == 1 && run.stderr.hasPrefix("newsgraph: error:"), "\(arguments): \(run.summary)")
            #expect(run.stdout.isEmpty, "\(arguments): \(run.summary)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
    }
}

@Suite("Progress", .serialized)
struct ProgressTests {
    @Test("A build prints no progress when its standard error is not a terminal, and nothing at all with --quiet")
    func silentWhenNotATerminal() throws {
        let folder = try TemporaryFolder()
        try Corpus.write(30, into: folder, subfolder: "articles")
        let build = try CLI.run(["build", "articles", "--store", folder.file("a.sqlite")], in: folder)
        #expect(build.status == 0, "\(build.summary)")
        #expect(build.stderr.isEmpty, "\(build.summary)")
        #expect(build.stdout == "added 30 articles to \(folder.file("a.sqlite"))\n", "\(build.summary)")
        let quiet = try CLI.run(["build", "articles", "--store", folder.file("b.sqlite"), "--quiet"], in: folder)
        #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty, "\(quiet.summary)")
    }
}
