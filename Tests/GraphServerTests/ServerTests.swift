import Foundation
import NewsGraph
import Testing

/// The graph JSON of an answer, read back with the library's decoder.
private func graph(_ answer: TestServer.Answer) throws -> Graph {
    try JSONDecoder().decode(Graph.self, from: Data(answer.body.utf8))
}

@Suite("The JSON API answers from the store")
struct APITests {
    @Test("/api/search finds entities by part of a name or alias, most mentioned first")
    func search() async throws {
        try await TestServer.with { server in
            let answer = try await server.get("/api/search?q=okaf")
            #expect(answer.status == 200)
            #expect(answer.contentType.hasPrefix("application/json"))
            let results = try #require(try answer.json()["results"] as? [[String: Any]])
            #expect(results.count == 1)
            #expect(results.first?["id"] as? String == "maren-okafor")
            #expect(results.first?["name"] as? String == "Maren Okafor")
            #expect(results.first?["type"] as? String == "person")
            #expect(results.first?["mentions"] as? Int == 4)

            // A space typed in a form arrives as "+".
            let spaced = try #require(try await server.get("/api/search?q=tovi+brandt").json()["results"] as? [[String: Any]])
            #expect(spaced.map { $0["id"] as? String } == ["tovi-brandt"])

            let nothing = try #require(try await server.get("/api/search?q=%21%21%21").json()["results"] as? [[String: Any]])
            #expect(nothing.isEmpty, "text without a letter matches nothing rather than everything")
        }
    }

    @Test("/api/entities/{id} gives the entity with its aliases and sources; an unknown id is a 404")
    func entity() async throws {
        try await TestServer.with { server in
            let answer = try await server.get("/api/entities/maren-okafor")
            #expect(answer.status == 200)
            let object = try answer.json()
            #expect(object["name"] as? String == "Maren Okafor")
            #expect(object["aliases"] as? [String] == ["Okafor"])
            let sources = try #require(object["sources"] as? [[String: Any]])
            #expect(sources.first?["name"] as? String == "Maren Okafor")
            #expect(sources.first?["articles"] as? Int == 1)
            let articles = try #require(object["articles"] as? [[String: Any]])
            #expect(articles.map { $0["title"] as? String } == ["Okafor and Brandt meet in Lindau"])
            #expect(articles.first?["date"] as? String == "2024-03-04")
            #expect(articles.first?["document"] as? String == "talks")

            // An id is exact: a name or an alias is not one.
            for path in ["/api/entities/no-such-entity", "/api/entities/Okafor", "/api/entities/no-such-entity/neighbors"] {
                let missing = try await server.get(path)
                #expect(missing.status == 404, "\(path)")
                #expect(try missing.errorMessage().contains("no entity with id"))
            }
        }
    }

    @Test("/api/entities/{id}/neighbors is the graph JSON with evidence, filtered by depth, relation and dates")
    func neighbors() async throws {
        try await TestServer.with { server in
            let near = try graph(try await server.get("/api/entities/maren-okafor/neighbors"))
            #expect(Set(near.entities.map(\.id)) == ["maren-okafor", "tovi-brandt"])
            #expect(near.relations.count == 1)
            let edge = try #require(near.relations.first)
            #expect(edge.type == .metWith)
            #expect(edge.evidence.map(\.sentence) == ["Maren Okafor met with Tovi Brandt in Lindau on Monday."])
            #expect(edge.evidence.first?.date == "2024-03-04")

            let far = try graph(try await server.get("/api/entities/maren-okafor/neighbors?depth=3"))
            #expect(Set(far.entities.map(\.id)) == ["maren-okafor", "tovi-brandt", "velmoran-trade-ministry", SmallNews.hostileID])
            // The stored direction is kept: Brandt criticized the ministry.
            #expect(
                far.relations.contains { $0.source == "tovi-brandt" && $0.type == .criticized && $0.target == "velmoran-trade-ministry" })

            let metOnly = try graph(try await server.get("/api/entities/tovi-brandt/neighbors?relation=met_with"))
            #expect(metOnly.relations.map(\.type) == [.metWith])

            let in2025 = try graph(try await server.get("/api/entities/tovi-brandt/neighbors?since=2025"))
            #expect(in2025.relations.map(\.type) == [.criticized])
            let before = try graph(try await server.get("/api/entities/tovi-brandt/neighbors?until=2024-12"))
            #expect(before.relations.map(\.type) == [.metWith])
            // Since after until: a range with no day in it, so no relation (each bound alone is valid).
            let noDay = try await server.get("/api/entities/tovi-brandt/neighbors?since=2025&until=2024")
            #expect(noDay.status == 200)
            #expect(try graph(noDay).relations.isEmpty)
        }
    }

    @Test(
        "Bad parameters are 400s with a one-line JSON message",
        arguments: [
            "/api/entities/maren-okafor/neighbors?depth=0",
            "/api/entities/maren-okafor/neighbors?depth=4",
            "/api/entities/maren-okafor/neighbors?depth=two",
            "/api/entities/maren-okafor/neighbors?relation=admired",
            "/api/entities/maren-okafor/neighbors?since=yesterday",
            "/api/entities/maren-okafor/neighbors?until=2024-13",
            "/api/entities/maren-okafor/neighbors?depth=1&depth=2",
            "/api/search",
            "/api/search?q=",
            "/api/entities/maren-okafor/neighbors?since=",
            "/api/search?q=%E0%A4",
            "/api/path?from=maren-okafor",
            "/api/path?from=maren-okafor&to=ostland&relation=admired",
        ])
    func badParameters(path: String) async throws {
        try await TestServer.with { server in
            let answer = try await server.get(path)
            #expect(answer.status == 400)
            _ = try answer.errorMessage()
        }
    }

    @Test("/api/path is the shortest chain as a graph, with the evidence of each step")
    func path() async throws {
        try await TestServer.with { server in
            let chain = try graph(try await server.get("/api/path?from=maren-okafor&to=\(SmallNews.hostileID)"))
            #expect(chain.relations.map(\.type) == [.metWith, .criticized, .sanctioned])
            #expect(chain.relations.allSatisfy { !$0.evidence.isEmpty })
            #expect(chain.entities.count == 4)

            // No chain: the two entities and no relation.
            let apart = try graph(try await server.get("/api/path?from=maren-okafor&to=ostland"))
            #expect(apart.relations.isEmpty)
            #expect(Set(apart.entities.map(\.id)) == ["maren-okafor", "ostland"])

            let unknown = try await server.get("/api/path?from=maren-okafor&to=nobody")
            #expect(unknown.status == 404)
            _ = try unknown.errorMessage()
        }
    }

    @Test("/api/stats counts articles, entities, relations and evidence")
    func statistics() async throws {
        try await TestServer.with { server in
            let object = try await server.get("/api/stats").json()
            #expect(object["articles"] as? Int == 3)
            #expect(object["entities"] as? Int == 5)
            #expect(object["relations"] as? Int == 3)
            #expect(object["evidence"] as? Int == 3)
            #expect((object["entity_types"] as? [String: Int])?["person"] == 2)
            #expect((object["relation_types"] as? [String: Int])?["sanctioned"] == 1)
        }
    }

    @Test("/openapi.json is an OpenAPI 3 document that describes every API path")
    func openAPI() async throws {
        try await TestServer.with { server in
            let answer = try await server.get("/openapi.json")
            #expect(answer.status == 200)
            let document = try answer.json()
            #expect((document["openapi"] as? String)?.hasPrefix("3.") == true)
            let paths = try #require(document["paths"] as? [String: Any])
            #expect(
                Set(paths.keys) == ["/api/search", "/api/entities/{id}", "/api/entities/{id}/neighbors", "/api/path", "/api/stats"])
        }
    }

    @Test("Unknown paths and methods answer with an error, never an empty 500")
    func unknownPaths() async throws {
        try await TestServer.with { server in
            let api = try await server.get("/api/nothing")
            #expect(api.status == 404)
            _ = try api.errorMessage()
            let page = try await server.get("/nothing/here")
            #expect(page.status == 404)
            #expect(page.contentType.hasPrefix("text/html"))
            // Only GET is answered; the store is never changed through the server.
            let post = try await server.get("/api/stats", method: "POST")
            #expect(post.status == 405)
            #expect(post.headers["allow"] == "GET")
            _ = try post.errorMessage()
        }
    }
}

@Suite("The pages")
struct PageTests {
    @Test("/ has the search box, the store's counts and the most connected entities")
    func home() async throws {
        try await TestServer.with { server in
            let page = try await server.get("/")
            #expect(page.status == 200)
            #expect(page.contentType.hasPrefix("text/html"))
            #expect(page.body.contains("<input type=\"search\" name=\"q\""))
            #expect(page.body.contains("<tr><th>articles</th><td>3</td></tr>"))
            // Brandt and the ministry have two relations each, more than anyone else.
            let brandt = try #require(page.body.range(of: "href=\"/entity/tovi-brandt\""))
            let okafor = try #require(page.body.range(of: "href=\"/entity/maren-okafor\""))
            #expect(brandt.lowerBound < okafor.lowerBound)
            #expect(page.headers["content-security-policy"]?.contains("script-src 'self'") == true)
        }
    }

    @Test("/entity/{id} shows the entity, its neighbourhood drawn as linked SVG, and each edge's sentences, titles and dates")
    func entity() async throws {
        try await TestServer.with { server in
            let page = try await server.get("/entity/tovi-brandt")
            #expect(page.status == 200)
            #expect(page.body.contains("<h1>Tovi Brandt <span class=\"type\">person</span></h1>"))
            // The articles that name it, newest first.
            let newest = try #require(page.body.range(of: "<li>Brandt criticizes the ministry · 2025-01-20</li>"))
            let oldest = try #require(page.body.range(of: "<li>Okafor and Brandt meet in Lindau · 2024-03-04</li>"))
            #expect(newest.lowerBound < oldest.lowerBound)
            #expect(page.body.contains("Brandt"))
            let svg = try #require(page.body.range(of: "<svg"))
            #expect(page.body[svg.lowerBound...].contains("</svg>"))
            #expect(!page.body.contains("<?xml"), "the SVG is inlined without its XML prologue")
            // Every drawn node links to its own page.
            for id in ["maren-okafor", "velmoran-trade-ministry", "tovi-brandt"] {
                #expect(page.body.contains("xlink:href=\"/entity/\(id)\""), "\(id)")
            }
            #expect(page.body.contains("Tovi Brandt criticized the Velmoran Trade Ministry over the sanctions."))
            #expect(page.body.contains("Brandt criticizes the ministry · 2025-01-20"))
            #expect(page.body.contains("Okafor and Brandt meet in Lindau · 2024-03-04"))

            let filtered = try await server.get("/entity/tovi-brandt?relation=criticized&depth=2&since=&until=")
            #expect(filtered.status == 200)
            #expect(!filtered.body.contains("Lindau on Monday"))
            #expect(filtered.body.contains("<option value=\"criticized\" selected>"))

            let missing = try await server.get("/entity/nobody")
            #expect(missing.status == 404)
            #expect(missing.contentType.hasPrefix("text/html"))
            let bad = try await server.get("/entity/tovi-brandt?depth=9")
            #expect(bad.status == 400)
            #expect(bad.body.contains("depth must be 1, 2 or 3"))
        }
    }

    @Test("/path draws the chain between two entities, named or by id, with each step's evidence")
    func path() async throws {
        try await TestServer.with { server in
            let page = try await server.get("/path?from=Okafor&to=velmoran-trade-ministry")
            #expect(page.status == 200)
            #expect(page.body.contains("2 steps from"))
            #expect(page.body.contains("<svg"))
            #expect(page.body.contains("Maren Okafor met with Tovi Brandt in Lindau on Monday."))
            #expect(page.body.contains("Tovi Brandt criticized the Velmoran Trade Ministry over the sanctions."))

            let unknown = try await server.get("/path?from=Okafor&to=Nobody+Atall")
            #expect(unknown.status == 404)
            let form = try await server.get("/path")
            #expect(form.status == 200)
        }
    }

    @Test("/search lists matches as links and echoes the query as text")
    func search() async throws {
        try await TestServer.with { server in
            let page = try await server.get("/search?q=brandt")
            #expect(page.body.contains("<a href=\"/entity/tovi-brandt\">Tovi Brandt</a>"))
            let hostile = try await server.get("/search?q=%3Cimg+src%3Dx+onerror%3Dalert(2)%3E")
            #expect(hostile.status == 200)
            #expect(!hostile.body.contains("<img"))
            #expect(hostile.body.contains("&lt;img src=x onerror=alert(2)&gt;"))
        }
    }
}

@Suite("Text from articles is escaped in HTML and SVG")
struct EscapingTests {
    @Test("A company named <script>alert(1)</script> Ltd renders as text on every page that shows it")
    func scriptTagName() async throws {
        try await TestServer.with { server in
            let pages = [
                "/entity/\(SmallNews.hostileID)", "/entity/velmoran-trade-ministry", "/entity/maren-okafor?depth=3",
                "/search?q=script", "/path?from=maren-okafor&to=\(SmallNews.hostileID)", "/",
            ]
            for path in pages {
                let page = try await server.get(path)
                #expect(page.status == 200, "\(path)")
                #expect(!page.body.contains("<script>alert"), "\(path) holds the name as markup")
                #expect(!page.body.contains("<b>sanctions</b>"), "\(path) holds the title as markup")
                // Only the page's own script tag.
                #expect(page.body.components(separatedBy: "<script").count == 2, "\(path)")
            }
            let page = try await server.get("/entity/\(SmallNews.hostileID)")
            #expect(page.body.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; Ltd"))
            // In the drawing too: Graphviz writes the label as escaped text.
            let svgStart = try #require(page.body.range(of: "<svg"))
            let svg = String(page.body[svgStart.lowerBound...])
            #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; Ltd"))
            #expect(page.body.contains("Ministry &lt;b&gt;sanctions&lt;/b&gt; &amp; fines"))

            // The JSON carries the name as it is: escaping is the page's business.
            let json = try await server.get("/api/entities/\(SmallNews.hostileID)").json()
            #expect(json["name"] as? String == SmallNews.hostileName)
        }
    }
}

@Suite("The store while serving", .serialized)
struct LiveStoreTests {
    @Test("A build into the store while the server runs shows in the next request")
    func buildWhileServing() async throws {
        try await TestServer.with { server in
            #expect(try await server.get("/api/stats").json()["articles"] as? Int == 3)
            #expect(try graph(try await server.get("/api/entities/ostland/neighbors")).relations.isEmpty)

            try SmallNews.add([SmallNews.lateArticle], to: server.storePath)

            #expect(try await server.get("/api/stats").json()["articles"] as? Int == 4)
            let neighborhood = try graph(try await server.get("/api/entities/ostland/neighbors"))
            #expect(neighborhood.relations.map(\.source) == ["maren-okafor"])
        }
    }

    @Test("A store deleted and built anew at the same path is opened again by the next request")
    func replacedStore() async throws {
        try await TestServer.with { server in
            #expect(try await server.get("/api/stats").json()["articles"] as? Int == 3)
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: server.storePath + suffix) }
            try SmallNews.add([SmallNews.lateArticle], to: server.storePath)
            #expect(try await server.get("/api/stats").json()["articles"] as? Int == 1)
            #expect(try await server.get("/api/entities/tovi-brandt").status == 404)
        }
    }

    @Test("Serving never writes to the store")
    func readsOnly() async throws {
        try await TestServer.with { server in
            let before = try Data(contentsOf: URL(fileURLWithPath: server.storePath))
            let paths = [
                "/", "/entity/tovi-brandt?depth=3", "/path?from=Okafor&to=Ostland", "/search?q=a", "/api/search?q=o",
                "/api/entities/maren-okafor", "/api/entities/maren-okafor/neighbors?depth=2", "/api/path?from=maren-okafor&to=ostland",
                "/api/stats",
            ]
            for path in paths { _ = try await server.get(path) }
            let after = try Data(contentsOf: URL(fileURLWithPath: server.storePath))
            #expect(before == after)
            let walBytes = FileManager.default.fileExists(atPath: server.storePath + "-wal") ? try walSize(server.storePath) : 0
            #expect(walBytes == 0)
        }
    }

    private func walSize(_ store: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: store + "-wal")[.size] as? Int) ?? 0
    }
}
