import Foundation
import NewsGraph
import Testing

@Suite("An article's date comes from its source: a JSON Lines field, HTML metadata, or a dateline")
struct PublicationDateTests {
    @Test("A dateline in the opening lines", arguments: [
        ("WASHINGTON, March 4, 2023 — The talks ended.", "2023-03-04"),
        ("Geneva, 9 October 2025\nThe talks ended.", "2025-10-09"),
        ("Published 2025-01-15T10:00:00Z\nThe talks ended.", "2025-01-15"),
        ("Updated: Sept. 5, 2024, 3:10 p.m.\nThe talks ended.", "2024-09-05"),
        ("BEIJING, 4th July 2024 (Xinhua) -- The talks ended.", "2024-07-04"),
        ("Paris (2024/02/29) The talks ended.", "2024-02-29"),
    ])
    func dateline(text: String, date: String) {
        #expect(Article(document: "d", text: text).date == date)
    }

    @Test("No date, an impossible date, or a date far into the text gives none", arguments: [
        "The talks ended without a deal on Monday.",
        "February 30, 2024: the talks ended.",
        "May the talks end soon, said 2,000 protesters.",
        String(repeating: "The talks went on. ", count: 40) + "March 4, 2023",
    ])
    func noDateline(text: String) {
        #expect(Article(document: "d", text: text).date == nil)
    }

    @Test("A JSON Lines date in the forms dumps use", arguments: [
        (#""2024-06-20""#, "2024-06-20"),
        (#""2024-06-20T23:30:00-05:00""#, "2024-06-20"),
        (#""2024-06-20 09:14:00""#, "2024-06-20"),
        (#""Thu, 20 Jun 2024 09:14:00 +0000""#, "2024-06-20"),
        (#""June 20, 2024""#, "2024-06-20"),
        ("1718870040", "2024-06-20"),
        ("1718870040000", "2024-06-20"),
        (#""1718870040""#, "2024-06-20"),
    ])
    func jsonField(field: String, date: String) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("dump.jsonl", #"{"date": "# + field + #", "text": "Talks began on 1 May 2019."}"# + "\n")
        var reader = try ArticleReader(paths: [path])
        let article = try #require(try reader.next()?.get())
        #expect(article.date == date)
        #expect(article.metadata.date == date)
    }

    @Test("HTML metadata: article:published_time, then JSON-LD datePublished, then <time datetime>, before the text's dateline")
    func htmlMetadata() throws {
        let folder = try TemporaryFolder()
        let body = "<body><p>March 4, 2023</p><p>Canada sanctioned Russia.</p></body></html>"
        let pages = [
            ("meta.html", #"<html><head><meta name="viewport" content="x"><meta property="article:published_time" content="2024-05-01T08:00:00Z"><link rel="canonical" href="https://example.org/a?x=1&amp;y=2"></head>"#, "2024-05-01"),
            ("ld.html", #"<html><head><script type="application/ld+json">{"@type": "NewsArticle", "datePublished" : "2024-05-02"}</script></head>"#, "2024-05-02"),
            ("time.html", #"<html><head></head><time class="x" datetime='2024-05-03T10:00'>May 3</time>"#, "2024-05-03"),
            ("plain.html", "<html><head><title>Sanctions</title></head>", "2023-03-04"),
        ]
        for (name, head, date) in pages {
            let article = try Article(contentsOf: try folder.write(name, head + body))
            #expect(article.date == date, "\(name)")
            #expect(!String(decoding: article.text, as: UTF8.self).contains("datePublished"), "\(name)")
        }
        let meta = try Article(contentsOf: folder.file("meta.html"))
        #expect(meta.metadata.url == "https://example.org/a?x=1&y=2")
    }

    @Test("Every piece of evidence extracted from an article carries the article's date")
    func evidenceDates() throws {
        let extractor = try GraphExtractor()
        let dated = extractor.graph(of: Article(document: "d", text: """
            Geneva, 9 October 2025
            Secretary of State Antony Blinken met with Chinese Foreign Minister Wang Yi in Geneva.
            """))
        #expect(!dated.relations.isEmpty)
        #expect(dated.relations.allSatisfy { $0.evidence.allSatisfy { $0.date == "2025-10-09" } })
        #expect(dated.relations.allSatisfy { $0.firstSeen == "2025-10-09" && $0.lastSeen == "2025-10-09" })
        let undated = extractor.graph(of: Article(document: "u", text: "Secretary of State Antony Blinken met with Chinese Foreign Minister Wang Yi."))
        #expect(undated.relations.allSatisfy { $0.evidence.allSatisfy { $0.date == nil } })
    }
}
