import Foundation
import NewsGraph
import Testing

extension CLI {
    /// Runs the binary with `arguments` in `folder`, its standard input read from the file `input`.
    static func run(_ arguments: [String], in folder: TemporaryFolder, standardInput input: String) throws -> Run {
        let binary = try #require(CLI.binary, "no built newsgraph binary found; build with swift build --build-tests")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = folder.url
        let outPath = folder.file(".stdout-\(UUID().uuidString)")
        let errPath = folder.file(".stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let inputHandle = try FileHandle(forReadingFrom: URL(fileURLWithPath: input))
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inputHandle
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        try inputHandle.close()
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: try Data(contentsOf: URL(fileURLWithPath: outPath)), as: UTF8.self),
                   stderr: String(decoding: try Data(contentsOf: URL(fileURLWithPath: errPath)), as: UTF8.self))
    }

    /// The store's graph as JSON, decoded.
    static func exportedGraph(_ store: String, in folder: TemporaryFolder, _ extra: [String] = []) throws -> [String: Any] {
        let run = try CLI.run(["export", "--store", store, "--format", "json"] + extra, in: folder)
        try #require(run.status == 0, "\(run.summary)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.summary)")
    }
}

/// News written for these tests, as JSON Lines records.
enum Dump {
    static let talks = #"{"id": "talks-1", "title": "Envoys meet", "date": "2024-06-20T09:14:00Z", "url": "https://example.org/talks", "text": "Secretary of State Antony Blinken met with Chinese Foreign Minister Wang Yi in Geneva on Thursday."}"#
    static let sanctions = #"{"id": 42, "date": "Fri, 21 Jun 2024 10:00:00 +0000", "text": "The Treasury Department sanctioned the Iranian firm Kavir Trading Company.\nOfficials said more would follow.", "source": {"name": "wire", "tags": ["iran", "trade"]}, "score": -1.5e3, "paywall": false}"#
    static let minimal = #"{"text": "Brussels, March 4, 2023\nChina's Foreign Ministry criticized the United States after the meeting."}"#

    /// A line with a text of about `bytes` bytes, made of sentences that name nobody.
    static func long(_ bytes: Int) -> String {
        let sentence = "The committee met again on Tuesday to discuss the schedule for next year. "
        return #"{"id": "long", "text": ""# + String(repeating: sentence, count: bytes / sentence.utf8.count) + #"Envoys met with Chinese Foreign Minister Wang Yi."}"#
    }

    static func gzip(_ path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-f", path]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "gzip failed on \(path)")
    }
}

@Suite("JSON Lines news dumps", .serialized)
struct JSONLinesTests {
    @Test("Each line is an article: its id names the evidence, its date dates it, its title and url are kept")
    func goodLines() throws {
        let folder = try TemporaryFolder()
        try folder.write("dump.jsonl", [Dump.talks, Dump.sanctions, Dump.minimal].joined(separator: "\n") + "\n")
        let store = folder.file("graph.sqlite")
        let build = try CLI.run(["build", "dump.jsonl", "--store", store], in: folder)
        #expect(build.status == 0, "\(build.summary)")
        #expect(build.stdout.contains("added 3 articles"), "\(build.summary)")
        #expect(build.stderr.isEmpty, "\(build.summary)")

        let graph = try CLI.exportedGraph(store, in: folder)
        let relations = try #require(graph["relations"] as? [[String: Any]])
        let evidence = relations.flatMap { ($0["evidence"] as? [[String: Any]]) ?? [] }
        let datesByDocument = Dictionary(evidence.map { ($0["document"] as? String ?? "", $0["date"] as? String ?? "none") },
                                         uniquingKeysWith: { first, _ in first })
        #expect(datesByDocument["talks-1"] == "2024-06-20", "\(datesByDocument)")
        #expect(datesByDocument["42"] == "2024-06-21", "\(datesByDocument)")
        // No id: the dump's name and the line number; no date field: the dateline.
        #expect(datesByDocument["dump:3"] == "2023-03-04", "\(datesByDocument)")
        let met = try #require(relations.first { $0["type"] as? String == "met_with" })
        #expect(met["first_seen"] as? String == "2024-06-20")
    }

    @Test("A bad line is reported as file:line: reason, skipped, and the rest is stored; the exit status is 1")
    func badLines() throws {
        let folder = try TemporaryFolder()
        let lines = [
            Dump.talks,
            #"{"text": "Unclosed string}"#,
            #"{"title": "No text here"}"#,
            #"{"text": 17}"#,
            "",
            #"["not", "an", "object"]"#,
            #"{"text": "   "}"#,
            #"{"text": "ok"} trailing"#,
            Dump.sanctions,
            #"{"text": "Bad \q escape"}"#,
        ]
        try folder.write("dump.jsonl", lines.joined(separator: "\n"))
        let store = folder.file("graph.sqlite")
        let build = try CLI.run(["build", "dump.jsonl", "--store", store], in: folder)
        #expect(build.status == 1, "\(build.summary)")
        #expect(!CLI.looksLikeACrash(build.stderr), "\(build.summary)")
        let reported = build.stderrLines.map(String.init)
        #expect(reported.count == 7, "\(build.summary)")
        for (line, reason) in [(2, "a string is not closed"), (3, "no \"text\" field"), (4, "\"text\" must be a string"),
                               (6, "not a JSON object"), (7, "\"text\" is empty"), (8, "unexpected text after the object"),
                               (10, "invalid escape")]
        {
            #expect(reported.contains { $0.hasPrefix("dump.jsonl:\(line): ") && $0.contains(reason) }, "line \(line): \(build.summary)")
        }
        #expect(build.stdout.contains("added 2 articles"), "\(build.summary)")
        #expect(build.stdout.contains("7 skipped"), "\(build.summary)")
        let stats = try CLI.run(["stats", "--store", store], in: folder)
        #expect(stats.stdout.hasPrefix("articles   2"), "\(stats.summary)")
    }

    @Test("Missing optional fields: the first line is the title, the document is file:line, the date comes from the text")
    func missingFields() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("minimal.jsonl", Dump.minimal + "\n")
        var reader = try ArticleReader(paths: [path])
        let article = try #require(try reader.next()?.get())
        #expect(article.document == "minimal:1")
        #expect(article.path == path + ":1")
        #expect(article.title == "Brussels, March 4, 2023")
        #expect(article.date == "2023-03-04")
        #expect(article.metadata.url == nil)
        #expect(reader.next() == nil)
    }

    @Test("A date that cannot be read is a warning: the article is stored, dated by its text, and the exit status stays 0")
    func unreadableDate() throws {
        let folder = try TemporaryFolder()
        try folder.write("dump.jsonl", #"{"date": "last Tuesday", "text": "Geneva, 9 October 2025\nSecretary of State Antony Blinken met with Chinese Foreign Minister Wang Yi."}"# + "\n")
        let store = folder.file("graph.sqlite")
        let build = try CLI.run(["build", "dump.jsonl", "--store", store], in: folder)
        #expect(build.status == 0, "\(build.summary)")
        #expect(build.stderr.hasPrefix("dump.jsonl:1: warning: cannot read the date \"last Tuesday\""), "\(build.summary)")
        let relations = try #require(try CLI.exportedGraph(store, in: folder)["relations"] as? [[String: Any]])
        #expect(relations.first?["first_seen"] as? String == "2025-10-09")
    }

    @Test("A line of 10 MB is read whole, and the lines after it too")
    func tenMegabyteLine() throws {
        let folder = try TemporaryFolder()
        let long = Dump.long(10 * 1_048_576)
        let path = try folder.write("big.jsonl", long + "\n" + Dump.talks + "\n")
        var reader = try ArticleReader(paths: [path])
        let first = try #require(try reader.next()?.get())
        #expect(first.document == "long")
        #expect(first.text.count > 10 * 1_048_576 - 100)
        #expect(first.text.count == long.utf8.count - #"{"id": "long", "text": ""#.utf8.count - #""}"#.utf8.count)
        #expect(try reader.next()?.get().document == "talks-1")
        #expect(reader.next() == nil)
        #expect(reader.consumedBytes == reader.totalBytes)
    }

    @Test("Escapes decode: quotes, newlines, \\u escapes and surrogate pairs; other fields of any shape are skipped")
    func escapes() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("escaped.jsonl", #"{"meta": {"a": [1, {"b": null}], "c": "x\"y"}, "text": "Caf\u00e9 \"talks\"\nnext line\t\ud83d\ude00 \/ done", "title": null}"# + "\n")
        var reader = try ArticleReader(paths: [path])
        let article = try #require(try reader.next()?.get())
        #expect(String(decoding: article.text, as: UTF8.self) == "Café \"talks\"\nnext line\t😀 / done")
        #expect(article.title == "Café \"talks\"")
    }
}

@Suite("gzip-compressed input", .serialized)
struct GzipInputTests {
    @Test("A .jsonl.gz dump and a .txt.gz article are read as if uncompressed, also when found in a folder")
    func compressedFiles() throws {
        let folder = try TemporaryFolder()
        let dump = try folder.write("news/dump.jsonl", [Dump.talks, Dump.sanctions].joined(separator: "\n") + "\n")
        let article = try folder.write("news/sub/story.txt", CLI.article)
        try Dump.gzip(dump)
        try Dump.gzip(article)
        #expect(try Article.files(in: [folder.file("news")]) == [folder.file("news/dump.jsonl.gz"), folder.file("news/sub/story.txt.gz")])
        let story = try Article(contentsOf: folder.file("news/sub/story.txt.gz"))
        #expect(story.document == "story")
        #expect(String(decoding: story.text, as: UTF8.self) == CLI.article)

        let store = folder.file("graph.sqlite")
        let build = try CLI.run(["build", "news", "--store", store], in: folder)
        #expect(build.status == 0, "\(build.summary)")
        #expect(build.stdout.contains("added 3 articles"), "\(build.summary)")
        let neighbors = try CLI.run(["neighbors", "Blinken", "--store", store], in: folder)
        #expect(neighbors.stdout.contains("Xi Jinping") && neighbors.stdout.contains("Wang Yi"), "\(neighbors.summary)")
    }

    @Test("Several gzip members one after another read as one file")
    func concatenatedMembers() throws {
        let folder = try TemporaryFolder()
        let first = try folder.write("a.jsonl", Dump.talks + "\n")
        let second = try folder.write("b.jsonl", Dump.sanctions + "\n")
        try Dump.gzip(first)
        try Dump.gzip(second)
        let joined = try Data(contentsOf: URL(fileURLWithPath: first + ".gz")) + Data(contentsOf: URL(fileURLWithPath: second + ".gz"))
        let path = try folder.write("both.jsonl.gz", bytes: Array(joined))
        var reader = try ArticleReader(paths: [path])
        #expect(try reader.next()?.get().document == "talks-1")
        #expect(try reader.next()?.get().document == "42")
        #expect(reader.next() == nil)
    }

    @Test("A truncated or corrupt .gz is reported with its name; the articles read before it and the other files are stored")
    func damagedFiles() throws {
        let folder = try TemporaryFolder()
        let dump = try folder.write("in/dump.jsonl", (0..<200).map { _ in Dump.talks }.joined(separator: "\n") + "\n")
        try Dump.gzip(dump)
        let compressed = try Data(contentsOf: URL(fileURLWithPath: dump + ".gz"))
        try folder.write("in/dump.jsonl.gz", bytes: Array(compressed.prefix(compressed.count - 40)))
        try folder.write("in/fake.txt.gz", "not gzip at all")
        try folder.write("in/story.txt", CLI.article)
        let store = folder.file("graph.sqlite")
        let build = try CLI.run(["build", "in", "--store", store], in: folder)
        #expect(build.status == 1, "\(build.summary)")
        #expect(!CLI.looksLikeACrash(build.stderr), "\(build.summary)")
        #expect(build.stderr.contains("dump.jsonl.gz") && build.stderr.contains("ends early"), "\(build.summary)")
        #expect(build.stderr.contains("fake.txt.gz") && build.stderr.contains("not valid gzip"), "\(build.summary)")
        // The lines before the damage and the plain article are stored.
        let neighbors = try CLI.run(["neighbors", "Blinken", "--store", store], in: folder)
        #expect(neighbors.stdout.contains("Wang Yi") && neighbors.stdout.contains("Xi Jinping"), "\(neighbors.summary)")
    }
}

@Suite("Standard input", .serialized)
struct StandardInputTests {
    @Test("build - reads a JSON Lines dump from standard input")
    func dumpOnStandardInput() throws {
        let folder = try TemporaryFolder()
        let input = try folder.write("input.jsonl", [Dump.talks, #"{"text": 1}"#, Dump.minimal].joined(separator: "\n") + "\n")
        let store = folder.file("graph.sqlite")
        let build = try CLI.run(["build", "-", "--store", store], in: folder, standardInput: input)
        #expect(build.status == 1, "\(build.summary)")
        #expect(build.stderrLines.map(String.init) == ["stdin:2: \"text\" must be a string"], "\(build.summary)")
        #expect(build.stdout.contains("added 2 articles"), "\(build.summary)")
        let documents = (try CLI.exportedGraph(store, in: folder)["relations"] as? [[String: Any]] ?? [])
            .flatMap { ($0["evidence"] as? [[String: Any]]) ?? [] }.compactMap { $0["document"] as? String }
        #expect(Set(documents) == ["talks-1", "stdin:3"], "\(documents)")
    }

    @Test("build - reads one plain article from standard input; extract - reads a gzip-compressed dump")
    func plainAndCompressed() throws {
        let folder = try TemporaryFolder()
        let article = try folder.write("article.txt", CLI.article)
        let store = folder.file("graph.sqlite")
        let build = try CLI.run(["build", "-", "--store", store], in: folder, standardInput: article)
        #expect(build.status == 0, "\(build.summary)")
        #expect(build.stdout.contains("added 1 article "), "\(build.summary)")
        let neighbors = try CLI.run(["neighbors", "Blinken", "--store", store], in: folder)
        #expect(neighbors.stdout.contains("(stdin)"), "\(neighbors.summary)")

        let dump = try folder.write("dump.jsonl", Dump.talks + "\n")
        try Dump.gzip(dump)
        let extract = try CLI.run(["extract", "-"], in: folder, standardInput: dump + ".gz")
        #expect(extract.status == 0, "\(extract.summary)")
        #expect(extract.stdout.contains("\"document\" : \"talks-1\""), "\(extract.summary)")
    }

    @Test("Empty standard input is one clear line and exit status 1, and the store is left as it was")
    func emptyInput() throws {
        let folder = try TemporaryFolder()
        let store = folder.file("graph.sqlite")
        let article = try folder.write("article.txt", CLI.article)
        try #require(try CLI.run(["build", article, "--store", store, "--quiet"], in: folder).status == 0)
        let before = try CLI.exportedGraph(store, in: folder)
        let empty = try folder.write("empty.txt", "  \n")
        let build = try CLI.run(["build", "-", "--store", store], in: folder, standardInput: empty)
        #expect(build.status == 1, "\(build.summary)")
        #expect(build.stderrLines.count == 1 && build.stderr.contains("empty"), "\(build.summary)")
        #expect(NSDictionary(dictionary: try CLI.exportedGraph(store, in: folder)) == NSDictionary(dictionary: before))
    }
}
