import Foundation
import NewsGraph

/// The server's HTML pages. Every piece of text that came from an article (names, aliases,
/// sentences, titles) or from the request goes through `HTML.text`; the drawings are Graphviz
/// SVG, whose writer escapes the labels and tooltips it draws.
struct Pages {
    let store: GraphStore

    /// A larger neighbourhood is listed in full but drawn only this far: beyond it a drawing is
    /// a hairball that takes seconds to lay out.
    static let drawnNeighbors = 80
    /// Edges listed with their sentences below a drawing, and sentences shown per edge.
    static let listedEdges = 200
    static let sentencesPerEdge = 5
    static let mostConnected = 20

    // MARK: - /

    func home() throws -> String {
        let statistics = try store.statistics()
        var body = "<h1>NewsGraph</h1>\n" + Pages.searchForm(value: nil, autofocus: true)
        body += "<section><h2>The store</h2>\n<table class=\"counts\">\n"
        body += row("articles", statistics.articles)
        body += row("entities", statistics.entities.values.reduce(0, +))
        for type in EntityType.allCases { body += row("&nbsp;&nbsp;" + HTML.text(type.rawValue), statistics.entities[type] ?? 0) }
        body += row("relations", statistics.relations.values.reduce(0, +))
        for type in statistics.relations.keys.sorted() {
            body += row("&nbsp;&nbsp;" + HTML.text(type.properties.label), statistics.relations[type] ?? 0)
        }
        body += row("evidence sentences", statistics.evidence)
        body += "</table></section>\n"
        body += "<section><h2>Most connected</h2>\n<ol class=\"entities\">\n"
        for connected in try store.mostConnected(limit: Pages.mostConnected) {
            body += "<li>\(Pages.link(to: connected.entity)) <span class=\"type\">\(HTML.text(connected.entity.type.rawValue))</span> "
            body += "\(connected.degree) relation\(connected.degree == 1 ? "" : "s")</li>\n"
        }
        body += "</ol></section>\n"
        body += "<section><h2>Path between two entities</h2>\n" + Pages.pathForm(from: nil, to: nil) + "</section>\n"
        return HTML.page(title: "NewsGraph", body: body)
    }

    private func row(_ label: String, _ count: Int) -> String {
        "<tr><th>\(label)</th><td>\(count)</td></tr>\n"
    }

    // MARK: - /search?q=

    func search(_ parameters: QueryParameters) throws -> String {
        let text = try parameters.single("q") ?? ""
        var body = "<h1>Search</h1>\n" + Pages.searchForm(value: text, autofocus: false)
        let results = try API.search(text, in: store)
        if !text.isEmpty && results.isEmpty {
            body += "<p>No entity's name contains “\(HTML.text(text))”."
            let suggestions = try store.suggestions(for: text)
            if !suggestions.isEmpty {
                body +=
                    " Did you mean "
                    + suggestions.map { "<a href=\"/search?q=\(HTML.attribute(URLText.query($0)))\">\(HTML.text($0))</a>" }
                    .joined(separator: ", ") + "?"
            }
            body += "</p>\n"
        }
        body += "<ol class=\"entities\">\n"
        for entity in results {
            body += "<li>\(Pages.link(to: entity)) <span class=\"type\">\(HTML.text(entity.type.rawValue))</span> "
            body += "\(entity.mentions) mention\(entity.mentions == 1 ? "" : "s")</li>\n"
        }
        body += "</ol>\n"
        return HTML.page(title: text.isEmpty ? "Search" : "Search: \(text)", body: body)
    }

    // MARK: - /entity/{id}

    func entity(id: String, _ parameters: QueryParameters) throws -> String {
        let entity = try API.requireEntity(id, in: store)
        let known = try API.knownRelations(in: store)
        let filters = try NeighborhoodFilters(parameters, knownRelations: known)
        let neighbors = filters.holdsNoDay ? [] : try store.neighbors(of: entity.id, query: filters.query)?.1 ?? []

        var body = "<h1>\(HTML.text(entity.name)) <span class=\"type\">\(HTML.text(entity.type.rawValue))</span></h1>\n"
        body += "<p class=\"facts\">\(entity.mentions) mention\(entity.mentions == 1 ? "" : "s")"
        body +=
            " · id <code>\(HTML.text(entity.id))</code> · <a href=\"/api/entities/\(HTML.attribute(URLText.pathComponent(entity.id)))\">JSON</a></p>\n"
        if !entity.aliases.isEmpty {
            body += "<p><strong>Also called:</strong> " + entity.aliases.map(HTML.text).joined(separator: "; ") + "</p>\n"
        }
        let sources = try store.sources(of: entity.id)
        if !sources.isEmpty {
            body += "<p><strong>Named in the articles as:</strong> "
            body += sources.map { "“\(HTML.text($0.name))” (\($0.articles) article\($0.articles == 1 ? "" : "s"))" }.joined(separator: ", ")
            body += "</p>\n"
        }
        let articles = try store.articles(naming: entity.id, limit: API.articleLimit)
        if !articles.isEmpty {
            body += "<details class=\"articles\"><summary>Named in \(articles.count)\(articles.count == API.articleLimit ? "+" : "") "
            body += "article\(articles.count == 1 ? "" : "s")</summary>\n<ul>\n"
            for article in articles {
                body += "<li>\(Pages.articleTitle(article.title, url: article.url)) · \(HTML.text(article.date ?? "undated"))</li>\n"
            }
            body += "</ul></details>\n"
        }
        body += Pages.filterForm(entity: entity, filters: filters, relations: known)

        let drawn = Array(neighbors.prefix(Pages.drawnNeighbors))
        if neighbors.isEmpty {
            body += "<p class=\"empty\">No relation \(filters == NeighborhoodFilters() ? "" : "matches these filters ")in the store"
            body += filters.holdsNoDay ? " (since is after until: no day is in that range).</p>\n" : ".</p>\n"
        } else {
            if drawn.count < neighbors.count {
                body +=
                    "<p class=\"note\">The drawing shows the first \(drawn.count) of \(neighbors.count) relations; all are listed below.</p>\n"
            }
            body += "<figure class=\"drawing\">\(try Drawing.svg(Graph(neighborhoodOf: entity, neighbors: drawn)))</figure>\n"
            body += "<section><h2>Relations</h2>\n"
            for neighbor in neighbors.prefix(Pages.listedEdges) {
                // The stored edge points from `via` to the neighbour unless the walk went against it.
                let (source, target) =
                    neighbor.direction == .incoming ? (neighbor.entity.id, neighbor.via) : (neighbor.via, neighbor.entity.id)
                body += try edge(source: source, neighbor.relation, target: target, weight: neighbor.weight, dates: filters.dates)
            }
            if neighbors.count > Pages.listedEdges {
                body += "<p class=\"note\">\(neighbors.count - Pages.listedEdges) more relations are in the JSON.</p>\n"
            }
            body += "</section>\n"
        }
        return HTML.page(title: entity.name, body: body)
    }

    /// One edge and its sentences, each with its article's title and date.
    private func edge(source: String, _ type: RelationType, target: String, weight: Int, dates: DateRange) throws -> String {
        let from = try store.entity(withID: source)
        let to = try store.entity(withID: target)
        let properties = type.properties
        var html = "<article class=\"edge\"><h3>\(from.map(Pages.link) ?? HTML.text(source))"
        html += " <span class=\"relation\" data-relation=\"\(HTML.attribute(type.rawValue))\">—"
        html += " \(HTML.text(properties.label)) \(properties.isSymmetric ? "—" : "→")</span> "
        html += "\(to.map(Pages.link) ?? HTML.text(target)) <span class=\"weight\">\(weight) article\(weight == 1 ? "" : "s")</span></h3>\n"
        html += "<ul class=\"evidence\">\n"
        for sourced in try store.evidence(from: source, type, to: target, dates: dates, limit: Pages.sentencesPerEdge) {
            html += "<li><q>\(HTML.text(sourced.evidence.sentence))</q><br><span class=\"source\">"
            html +=
                Pages.articleTitle(sourced.title, url: sourced.url) + " · \(HTML.text(sourced.evidence.date ?? "undated"))</span></li>\n"
        }
        html += "</ul></article>\n"
        return html
    }

    // MARK: - /path?from=&to=

    func path(_ parameters: QueryParameters) throws -> String {
        let fromText = try parameters.single("from")
        let toText = try parameters.single("to")
        var body = "<h1>Path</h1>\n" + Pages.pathForm(from: fromText, to: toText)
        guard let fromText, let toText else {
            return HTML.page(
                title: "Path", body: body + "<p>Name two entities (or their ids) to see the shortest chain of relations between them.</p>\n"
            )
        }
        // The form takes what a person types: an id, a name or an alias.
        let from = try resolve(fromText)
        let to = try resolve(toText)
        let relations = try NeighborhoodFilters.relationTypes(try parameters.all("relation"), known: try API.knownRelations(in: store))
        let graph = try API.pathGraph(from: from, to: to, relations: relations, dates: .all, in: store)
        if graph.relations.isEmpty {
            body +=
                "<p class=\"empty\">No chain of at most \(API.longestPath) relations joins \(Pages.link(to: from)) and \(Pages.link(to: to)).</p>\n"
            return HTML.page(title: "Path", body: body)
        }
        body +=
            "<p>\(graph.relations.count) step\(graph.relations.count == 1 ? "" : "s") from \(Pages.link(to: from)) to \(Pages.link(to: to)).</p>\n"
        body += "<figure class=\"drawing\">\(try Drawing.svg(graph))</figure>\n<section><h2>Steps</h2>\n"
        for relation in graph.relations {
            body += try edge(source: relation.source, relation.type, target: relation.target, weight: relation.weight, dates: .all)
        }
        body += "</section>\n"
        return HTML.page(title: "Path: \(from.name) to \(to.name)", body: body)
    }

    /// The entity an id, name or alias names, or a 404 with "did you mean".
    private func resolve(_ text: String) throws -> Entity {
        if let entity = try store.entity(withID: text) ?? store.entity(named: text) { return entity }
        let suggestions = try store.suggestions(for: text)
        throw RequestError.notFound(
            "no entity named '\(abbreviated(text))'" + (suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?")
        )
    }

    // MARK: - Parts

    static func link(to entity: Entity) -> String {
        "<a href=\"\(HTML.attribute(entityAddress(entity.id)))\">\(HTML.text(entity.name))</a>"
    }

    static func entityAddress(_ id: String) -> String { "/entity/" + URLText.pathComponent(id) }

    /// An article's title, linked to its address when that is a web address.
    static func articleTitle(_ title: String, url: String?) -> String {
        guard let url, let safe = URLText.webAddress(url) else { return HTML.text(title) }
        return "<a href=\"\(HTML.attribute(safe))\" rel=\"noreferrer\">\(HTML.text(title))</a>"
    }

    static func searchForm(value: String?, autofocus: Bool) -> String {
        """
        <form class="search" action="/search" method="get" role="search">
        <input type="search" name="q" id="search" placeholder="Search a name" autocomplete="off" value="\(HTML.attribute(value ?? ""))"\(autofocus ? " autofocus" : "")>
        <button type="submit">Search</button>
        <ul id="suggestions" class="suggestions"></ul>
        </form>

        """
    }

    static func pathForm(from: String?, to: String?) -> String {
        """
        <form class="path" action="/path" method="get">
        <input type="text" name="from" placeholder="From (name or id)" value="\(HTML.attribute(from ?? ""))">
        <input type="text" name="to" placeholder="To (name or id)" value="\(HTML.attribute(to ?? ""))">
        <button type="submit">Find the path</button>
        </form>

        """
    }

    static func filterForm(entity: Entity, filters: NeighborhoodFilters, relations: Set<RelationType>) -> String {
        var html = "<form class=\"filters\" action=\"\(HTML.attribute(entityAddress(entity.id)))\" method=\"get\">\n"
        html += "<label>Relation <select name=\"relation\"><option value=\"\">any</option>"
        for type in relations.sorted() {
            html +=
                "<option value=\"\(HTML.attribute(type.rawValue))\"\(filters.relations == [type] ? " selected" : "")>\(HTML.text(type.properties.label))</option>"
        }
        html += "</select></label>\n<label>Depth <select name=\"depth\">"
        for depth in NeighborhoodFilters.depths {
            html += "<option\(filters.depth == depth ? " selected" : "")>\(depth)</option>"
        }
        html += "</select></label>\n"
        html +=
            "<label>Since <input type=\"text\" name=\"since\" size=\"10\" placeholder=\"YYYY-MM-DD\" value=\"\(HTML.attribute(filters.since ?? ""))\"></label>\n"
        html +=
            "<label>Until <input type=\"text\" name=\"until\" size=\"10\" placeholder=\"YYYY-MM-DD\" value=\"\(HTML.attribute(filters.until ?? ""))\"></label>\n"
        html += "<button type=\"submit\">Show</button>\n</form>\n"
        return html
    }

    static func errorPage(_ error: RequestError) -> String {
        HTML.page(
            title: "Error \(error.status)",
            body:
                "<h1>\(error.status == 404 ? "Not found" : "Cannot answer that")</h1>\n<p class=\"error\">\(HTML.text(error.message))</p>\n"
                + searchForm(value: nil, autofocus: false))
    }
}

/// Graphviz drawings for the pages: the exporter's DOT, with each node linked to its entity's
/// page, rendered to SVG in-process and inlined (from `<svg` on: the XML prologue and doctype
/// have no place inside HTML).
enum Drawing {
    static func svg(_ graph: Graph) throws -> String {
        // The legend is HTML below the drawing: Graphviz's own legend cluster is larger than a
        // small neighbourhood and would push it off the screen.
        var writer = DOTWriter(includeLegend: false)
        writer.nodeURL = { Pages.entityAddress($0.id) }
        let dot = writer.write(graph)
        let layout = GraphvizRenderer.Layout.automatic(nodes: graph.entities.count, edges: graph.relations.count)
        let bytes = try GraphvizRenderer.render(dot: dot, layout: layout, format: .svg)
        let text = String(decoding: bytes, as: UTF8.self)
        guard let start = text.range(of: "<svg") else { return text }
        return String(text[start.lowerBound...]) + legend(Set(graph.relations.map(\.type)))
    }

    /// The relation colours drawn (each a short line in its colour, as an SVG presentation
    /// attribute: the pages allow no inline style) and the entity types' shapes.
    static func legend(_ types: Set<RelationType>) -> String {
        var html = "<figcaption class=\"legend\">"
        for type in types.sorted() {
            let properties = type.properties
            html +=
                "<span class=\"swatch\"><svg width=\"28\" height=\"10\" aria-hidden=\"true\"><line x1=\"0\" y1=\"5\" x2=\"28\" y2=\"5\" "
            html += "stroke=\"\(HTML.attribute(properties.color))\" stroke-width=\"3\"/></svg> \(HTML.text(properties.label))</span> "
        }
        html += "<span class=\"shapes\">person: ellipse · agency: box · country: hexagon · organization: tabbed box</span></figcaption>\n"
        return html
    }
}

/// Text made safe for HTML.
enum HTML {
    /// Text content: `&`, `<` and `>` as entities (and quotes, so the same text is safe in an
    /// attribute too).
    static func text(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            // Control characters other than tab and line breaks are not allowed in HTML.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{E}"..."\u{1F}", "\u{7F}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// An attribute value, always written between double quotes.
    static func attribute(_ text: String) -> String { HTML.text(text) }

    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.text(title)) · NewsGraph</title>
        <link rel="stylesheet" href="/assets/style.css">
        <script src="/assets/newsgraph.js" defer></script>
        </head>
        <body>
        <header><a class="home" href="/">NewsGraph</a> <a href="/path">Path</a> <a href="/openapi.json">API</a></header>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }
}

/// Text made safe for URLs.
enum URLText {
    /// Letters, digits and `-._~` as they are, every other byte of UTF-8 as `%XX`.
    private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    static func pathComponent(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    static func query(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// An article's address, only when it is http or https: a `javascript:` address from a news
    /// dump must not become a link.
    static func webAddress(_ text: String) -> String? {
        let lowered = text.lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://") ? text : nil
    }
}
