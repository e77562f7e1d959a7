import Foundation
import NewsGraph
import Testing

@Suite("Reading an article file refuses what is not a UTF-8 article")
struct ArticleReadingErrorTests {
    @Test("A missing file throws .fileNotFound with its path")
    func missingFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("no-such-article.txt")
        let error = newsGraphError { _ = try Article(contentsOf: path) }
        guard case .fileNotFound(let reported) = error else {
            Issue.record("expected .fileNotFound, got \(String(describing: error))")
            return
        }
        #expect(reported == path)
        #expect(error?.description.contains(path) == true)
    }

    @Test("A binary file with NUL bytes throws .binaryFile")
    func binaryFile() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("image.txt", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48])
        let error = newsGraphError { _ = try Article(contentsOf: path) }
        guard case .binaryFile(let reported) = error else {
            Issue.record("expected .binaryFile, got \(String(describing: error))")
            return
        }
        #expect(reported == path)
    }

    @Test("Text with NUL bytes in otherwise valid UTF-8 is still a binary file")
    func nulInText() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("nul.txt", bytes: Array("Canada sanctioned Russia.".utf8) + [0, 0, 0] + Array(" More.".utf8))
        let error = newsGraphError { _ = try Article(contentsOf: path) }
        guard case .binaryFile = error else {
            Issue.record("expected .binaryFile, got \(String(describing: error))")
            return
        }
    }

    @Test("Invalid UTF-8 (Latin-1 bytes) throws .notUTF8")
    func notUTF8() throws {
        let folder = try TemporaryFolder()
        // "Café in Paris." in Latin-1: 0xE9 alone is not valid UTF-8.
        let path = try folder.write("latin1.txt", bytes: Array("Caf".utf8) + [0xE9] + Array(" in Paris.".utf8))
        let error = newsGraphError { _ = try Article(contentsOf: path) }
        guard case .notUTF8(let reported) = error else {
            Issue.record("expected .notUTF8, got \(String(describing: error))")
            return
        }
        #expect(reported == path)
    }

    @Test("A folder with no .txt, .md or .html files throws .noArticles")
    func noArticles() throws {
        let folder = try TemporaryFolder()
        try folder.write("notes.pdf", "not an article")
        try folder.write("data/graph.json", "{}")
        let error = newsGraphError { _ = try Article.files(in: [folder.path]) }
        guard case .noArticles(let reported) = error else {
            Issue.record("expected .noArticles, got \(String(describing: error))")
            return
        }
        #expect(reported == folder.path)
    }

    @Test("A folder lists its articles recursively, in name order, and skips other files")
    func listsArticles() throws {
        let folder = try TemporaryFolder()
        let b = try folder.write("b.txt", "B.")
        let a = try folder.write("sub/a.md", "A.")
        let c = try folder.write("c.html", "<p>C.</p>")
        try folder.write("d.pdf", "D.")
        let files = try Article.files(in: [folder.path])
        #expect(Set(files) == Set([a, b, c]))
        #expect(files == files.sorted())
    }
}

@Suite("HTML articles are reduced to their text")
struct HTMLArticleTests {
    @Test("Tags, scripts and styles are dropped; entities decoded; paragraphs kept apart")
    func htmlToText() throws {
        let folder = try TemporaryFolder()
        let html = """
            <!DOCTYPE html><html><head><title>Talks in Ottawa</title>
            <style>p { color: red; }</style><script>var teaser = "<p>Kim Jong-un</p>";</script></head>
            <body><p>Canada &amp; Mexico held talks on Monday.</p><p>The talks ended &mdash; without a deal.</p></body></html>
            """
        let path = try folder.write("talks.html", html)
        let article = try Article(contentsOf: path)
        let text = String(decoding: article.text, as: UTF8.self)
        #expect(article.document == "talks")
        #expect(text.contains("Canada & Mexico held talks on Monday."), "\(text.debugDescription)")
        #expect(text.contains("The talks ended \u{2014} without a deal."), "\(text.debugDescription)")
        #expect(text.contains("Talks in Ottawa"), "\(text.debugDescription)")
        for leftover in ["<", ">", "color: red", "teaser", "Kim Jong-un", "&amp;", "&mdash;"] {
            #expect(!text.contains(leftover), "'\(leftover)' left in \(text.debugDescription)")
        }
        #expect(!text.contains("Monday.The talks"), "paragraphs run together: \(text.debugDescription)")
    }

    @Test("The extracted graph of an HTML article names no entity from its script")
    func htmlGraph() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("story.html", """
            <html><head><script>var related = "Kim Jong-un";</script></head>
            <body><p>Canada sanctioned Russia over the annexation.</p></body></html>
            """)
        let graph = try GraphExtractor().graph(of: try Article(contentsOf: path))
        let names = Set(graph.entities.map(\.name))
        #expect(names.contains("Canada") && names.contains("Russia"), "\(names)")
        #expect(!names.contains("Kim Jong-un"), "\(names)")
    }
}

@Suite("Article.date finds the first date in the opening lines")
struct ArticleDateTests {
    @Test("ISO date '2024-06-20'")
    func isoDate() {
        let article = Article(document: "d", text: "Published 2024-06-20 09:14\nCanada sanctioned Russia over the annexation.")
        #expect(article.date == "2024-06-20")
    }

    @Test("'December 13, 2021'")
    func monthDayYear() {
        let article = Article(document: "d", text: "Talks stall\nDecember 13, 2021\nThe talks ended without a deal.")
        #expect(article.date == "2021-12-13")
    }

    @Test("No date gives nil")
    func noDate() {
        let article = Article(document: "d", text: "The talks ended without a deal on Monday.")
        #expect(article.date == nil)
    }
}

@Suite("An empty article gives an empty graph")
struct EmptyArticleTests {
    @Test("Empty text gives no entities and no relations")
    func emptyText() throws {
        let graph = try GraphExtractor().graph(of: Article(document: "empty", text: ""))
        #expect(graph.entities.isEmpty)
        #expect(graph.relations.isEmpty)
    }

    @Test("An empty file and a whitespace-only file give empty graphs")
    func emptyFiles() throws {
        let folder = try TemporaryFolder()
        let extractor = try GraphExtractor()
        for (name, contents) in [("empty.txt", ""), ("blank.txt", " \n\n\t \n")] {
            let article = try Article(contentsOf: try folder.write(name, contents))
            let graph = extractor.graph(of: article)
            #expect(graph.entities.isEmpty, "\(name): \(graph.entities.map(\.name))")
            #expect(graph.relations.isEmpty, "\(name)")
        }
    }
}
