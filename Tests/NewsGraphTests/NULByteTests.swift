import Foundation
import NewsGraph
import Testing

/// Text that states one edge, long enough that what follows it is past the first 8 KB.
private let padding = String(repeating: "The committee met again on Tuesday to discuss the schedule. ", count: 150) + "\n"
private let statement = "Senator John Smith criticized Senator Mary Chen over the budget deal."

/// Every evidence sentence of the store's graph.
private func storedSentences(_ store: String, in folder: TemporaryFolder) throws -> [String] {
    let graph = try CLI.exportedGraph(store, in: folder)
    let relations = graph["relations"] as? [[String: Any]] ?? []
    return relations.flatMap { ($0["evidence"] as? [[String: Any]] ?? []).compactMap { $0["sentence"] as? String } }
}

@Suite("NUL bytes never cut stored text", .serialized)
struct NULByteTests {
    @Test("A NUL past the first 8 KB of a file is refused like one at its start, saying where it is")
    func lateNUL() throws {
        let folder = try TemporaryFolder()
        let bytes = Array(padding.utf8) + Array("Senator John Smith criticized".utf8) + [0] + Array(" Senator Mary Chen over the budget deal.\n".utf8)
        let path = try folder.write("late-nul.txt", bytes: bytes)
        let error = newsGraphError { _ = try Article(contentsOf: path) }
        guard case .nulByte(let reported, let offset) = error else {
            Issue.record("expected .nulByte, got \(String(describing: error))")
            return
        }
        #expect(reported == path)
        #expect(offset == padding.utf8.count + "Senator John Smith criticized".utf8.count)
        #expect(error?.description.contains("NUL") == true)

        let store = folder.file("graph.sqlite")
        let build = try CLI.run(["build", path, "--store", store], in: folder)
        #expect(build.status == 1, "\(build.summary)")
        #expect(build.stderrLines.count == 1 && build.stderr.contains("late-nul.txt") && build.stderr.contains("NUL"), "\(build.summary)")
        #expect(build.stdout.hasPrefix("added 0 articles"), "\(build.summary)")
    }

    @Test("&#0; in HTML becomes U+FFFD, as HTML parsers read it, and the whole sentence is stored")
    func htmlNUL() throws {
        let folder = try TemporaryFolder()
        let html = """
            <html><head><link rel="canonical" href="https://example.org/a&#0;b"></head>
            <body><p>Senator John Smith criticized Senator Mary Chen over the budget&#0; deal&#x0;.</p></body></html>
            """
        let path = try folder.write("nul.html", html)
        let article = try Article(contentsOf: path)
        #expect(!article.text.contains(0))
        #expect(String(decoding: article.text, as: UTF8.self).contains("budget\u{FFFD} deal\u{FFFD}."))
        #expect(article.metadata.url == "https://example.org/a\u{FFFD}b")

        let store = folder.file("graph.sqlite")
        let build = try CLI.run(["build", path, "--store", store, "--quiet"], in: folder)
        #expect(build.status == 0, "\(build.summary)")
        let sentences = try storedSentences(store, in: folder)
        #expect(sentences.contains("Senator John Smith criticized Senator Mary Chen over the budget\u{FFFD} deal\u{FFFD}."), "\(sentences)")
    }

    @Test("NUL in a JSON Lines record's id or title does not cut the stored document name")
    func jsonLinesMetadata() throws {
        let folder = try TemporaryFolder()
        let line = #"{"id": "wire\u0000-7", "title": "Budget\u0000 row", "text": "\#(statement)"}"#
        let dump = try folder.write("dump.jsonl", line + "\n")
        let store = folder.file("graph.sqlite")
        let build = try CLI.run(["build", dump, "--store", store, "--quiet"], in: folder)
        #expect(build.status == 0, "\(build.summary)")
        let graph = try CLI.exportedGraph(store, in: folder)
        let documents = (graph["relations"] as? [[String: Any]] ?? []).flatMap {
            ($0["evidence"] as? [[String: Any]] ?? []).compactMap { $0["document"] as? String }
        }
        #expect(documents == ["wire\u{FFFD}-7"], "\(documents)")
    }

    @Test("An article made from a string with NUL in it holds U+FFFD instead")
    func stringArticle() {
        let article = Article(document: "a\u{0}b", text: "Senator John Smith\u{0} criticized Senator Mary Chen.",
                              metadata: Article.Metadata(title: "T\u{0}"))
        #expect(!article.text.contains(0))
        #expect(String(decoding: article.text, as: UTF8.self) == "Senator John Smith\u{FFFD} criticized Senator Mary Chen.")
        #expect(article.document == "a\u{FFFD}b")
        #expect(article.metadata.title == "T\u{FFFD}")
    }
}
