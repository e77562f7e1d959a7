import ArgumentParser
import Foundation
import NewsGraph

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Build a graph from these articles alone (no store) and print it.",
        discussion: "Takes the same inputs as build: files, folders, JSON Lines dumps, .gz files and - for standard input.")

    enum Formats: FormatMenu { static let names = ["json", "dot", "text"] }

    @Option(help: "Output format: json (the graph JSON of NewsGraph's documentation), dot, or text (mentions and why each edge was made).")
    var format = GraphOutputFormat<Formats>(.json)

    @OptionGroup var lexicons: LexiconOptions

    @Argument(help: ArgumentHelp("Article files (.txt, .md, .html, .jsonl, any of them .gz), folders of them, or - for standard input.",
                                 valueName: "article"))
    var articles: [String]

    func run() throws {
        var reader = try ArticleReader(paths: articles)
        let extractor = try lexicons.extractor()
        var failed = 0
        let report = { (problem: InputProblem) in
            standardError(problem.line == nil && !problem.isWarning ? "newsgraph: skipped \(problem)" : "\(problem)")
            if !problem.isWarning { failed += 1 }
        }
        guard let exportFormat = format.export else {
            while let result = reader.next() {
                switch result {
                case .success(let article):
                    let analysis = extractor.analyze(article)
                    let (graph, warning) = extractor.extraction(of: analysis, article: article)
                    if let warning { report(warning) }
                    try Output.line(TextReport.describe(analysis, graph: graph.dated(article.date)))
                case .failure(let problem):
                    report(problem)
                }
            }
            if failed > 0 { throw ExitCode.failure }
            return
        }
        let result = CorpusRunner(extractor: extractor).graph(of: &reader, problem: report)
        if result.articles > 0 || failed == 0 {
            try Output.write(try exportFormat.render(result.graph))
        }
        if failed > 0 { throw ExitCode.failure }
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Add articles to the store: files, folders, JSON Lines news dumps, .gz files, or - for standard input.",
        discussion: """
            Articles are .txt, .md or .html files, or JSON Lines (.jsonl, .ndjson): one JSON object per line with \
            "text" and optionally "title", "date", "url" and "id". Any of them may be gzip-compressed (.gz). A line or \
            file that cannot be read is reported (file:line: reason) and skipped, the rest is stored, and the exit \
            status is 1. Articles are stored in batches, each in one transaction; re-adding an unchanged article \
            changes nothing.
            """)

    @Argument(help: ArgumentHelp("Article files, folders, or - for standard input.", valueName: "path"))
    var paths: [String]

    @OptionGroup var store: StoreOptions
    @OptionGroup var lexicons: LexiconOptions

    @Flag(name: .shortAndLong, help: "Print nothing but errors (no progress, no summary).")
    var quiet = false

    func run() throws {
        var reader = try ArticleReader(paths: paths)
        let extractor = try lexicons.extractor()
        let graphStore = try store.open(create: true)
        let display = ProgressDisplay(enabled: !quiet && isatty(STDERR_FILENO) == 1)
        let summary = try StoreBuilder(extractor: extractor, store: graphStore).add(
            from: &reader,
            problem: { problem in
                display.clear()
                standardError(problem.line == nil && !problem.isWarning ? "newsgraph: skipped \(problem)" : "\(problem)")
            },
            progress: { display.show($0) })
        display.finish()
        if !quiet {
            var line = "added \(summary.added) article\(summary.added == 1 ? "" : "s") to \(store.displayName)"
            if summary.unchanged > 0 { line += "; \(summary.unchanged) already there, unchanged" }
            if summary.failed > 0 { line += "; \(summary.failed) skipped" }
            try Output.line(line)
        }
        if summary.failed > 0 { throw ExitCode.failure }
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the stored graph as DOT, SVG, PNG, JSON, GraphML, node-link JSON or Neo4j CSV.",
        discussion: "SVG and PNG are rendered in-process by Graphviz; the layout is dot for small graphs and sfdp for large ones unless --layout says otherwise.")

    @OptionGroup var store: StoreOptions

    @Option(help: "dot, svg, png, json, graphml, node-link (networkx/D3 JSON) or csv (Neo4j bulk import: nodes.csv and relationships.csv in the --output folder); by default taken from --output's extension, else dot.")
    var format: ExportFormat?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write here instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: "Graphviz layout engine for svg and png.")
    var layout: GraphvizRenderer.Layout?

    @OptionGroup var filters: GraphFilterOptions
    @OptionGroup var dates: DateOptions

    func run() throws {
        var chosen = format
        if chosen == nil, let output {
            chosen = ExportFormat(pathExtension: URL(fileURLWithPath: output).pathExtension)
            if chosen == nil { throw NewsGraphError.invalidArgument("cannot tell the format from '\(output)'; add --format") }
        }
        let exportFormat = chosen ?? .dot
        let range = try dates.range()
        let graphStore = try store.openForReading()
        let graph = try filters.apply(try graphStore.graph(dates: range), from: graphStore)
        if exportFormat.writesFolder && output == nil {
            throw NewsGraphError.invalidArgument("--format \(exportFormat.rawValue) writes two files; name a folder for them with --output")
        }
        switch try exportFormat.export(graph, layout: layout) {
        case .file(let bytes):
            try emit(bytes, to: output)
        case .folder(let files):
            // Both files or neither; --output was checked above.
            try OutputFile.write(files.map { ($0.name, $0.contents) }, intoFolder: output ?? ".")
        }
    }
}

struct Neighbors: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neighbors",
        abstract: "List the entities related to one entity, with the sentences that say so.")

    enum Formats: FormatMenu { static let names = ["text", "json", "dot", "svg", "png", "graphml", "node-link"] }

    @Argument(help: "The entity's name or any alias, in any case.")
    var name: String

    @OptionGroup var store: StoreOptions

    @Option(parsing: .unconditional, help: "How many hops to follow (1 to 6).")
    var depth = 1

    @Option(help: ArgumentHelp("Follow only this relation type; repeatable.", valueName: "type"))
    var relation: [String] = []

    @Option(name: .customLong("type"), help: ArgumentHelp("Keep only neighbors of this type (\(EntityType.names)); repeatable.",
                                                          valueName: "type"))
    var types: [String] = []

    @Option(help: "in, out or both.")
    var direction: Neighbor.Direction = .both

    @Option(help: "text, json, dot, svg, png, graphml or node-link.")
    var format = GraphOutputFormat<Formats>.text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write here instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var dates: DateOptions

    func validate() throws {
        guard depth >= 1 && depth <= 6 else { throw ValidationError("--depth must be between 1 and 6") }
    }

    func run() throws {
        let range = try dates.range()
        let graphStore = try store.openForReading()
        let query = NeighborQuery(depth: depth, relations: try relationTypes(relation, in: graphStore),
                                  types: try entityTypes(types), direction: direction, dates: range)
        guard let (origin, neighbors) = try graphStore.neighbors(of: name, query: query) else {
            throw NewsGraphError.noEntity(name, suggestions: try graphStore.suggestions(for: name))
        }
        guard let exportFormat = format.export else {
            try emit(Array(TextReport.describe(neighbors, of: origin).utf8), to: output)
            return
        }
        try emit(try exportFormat.render(Graph(neighborhoodOf: origin, neighbors: neighbors)), to: output)
    }
}

struct Entities: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities", abstract: "List the stored entities, most mentioned first.")

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("type"), help: ArgumentHelp("Only this type (\(EntityType.names)); repeatable.", valueName: "type"))
    var types: [String] = []

    @Argument(help: "Only entities whose name or an alias contains this text.")
    var filter: String?

    @Flag(help: "Also list the names articles used for each entity and how many articles used each: what was merged.")
    var sources = false

    func run() throws {
        let graphStore = try store.openForReading()
        let entities = try graphStore.entities(types: try entityTypes(types), matching: filter)
        if entities.isEmpty, let filter {
            throw NewsGraphError.noEntity(filter, suggestions: try graphStore.suggestions(for: filter))
        }
        for entity in entities {
            var line = "\(entity.name)  [\(entity.type.rawValue)]  \(entity.mentions) mention\(entity.mentions == 1 ? "" : "s")"
            if !entity.aliases.isEmpty { line += "  aka " + entity.aliases.prefix(6).joined(separator: "; ") }
            try Output.line(line)
            if sources {
                for source in try graphStore.sources(of: entity.id) {
                    try Output.line("    as \"\(source.name)\" in \(source.articles) article\(source.articles == 1 ? "" : "s")")
                }
            }
        }
    }
}

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Count the store's articles, entities and relations.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let statistics = try store.openForReading().statistics()
        try Output.line("articles   \(statistics.articles)")
        try Output.line("entities   \(statistics.entities.values.reduce(0, +))")
        for type in EntityType.allCases { try Output.line("  \(type.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0))\(statistics.entities[type] ?? 0)") }
        try Output.line("relations  \(statistics.relations.values.reduce(0, +))")
        for type in statistics.relations.keys.sorted() {
            try Output.line("  \(type.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0))\(statistics.relations[type] ?? 0)")
        }
        try Output.line("evidence   \(statistics.evidence) sentences")
    }
}

struct Path: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Show the shortest chain of relations between two entities, with evidence.",
        discussion: "Edges are followed in either direction; each step shows which way it points.")

    enum Formats: FormatMenu { static let names = ["text", "json"] }

    @Argument(help: "Where the chain starts.")
    var from: String

    @Argument(help: "Where the chain ends.")
    var to: String

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Follow only this relation type; repeatable.", valueName: "type"))
    var relation: [String] = []

    @Option(name: .customLong("max-length"), parsing: .unconditional, help: "The longest chain to look for, in edges.")
    var maximumLength = 6

    @Option(help: "text or json (the chain as a graph, in the graph JSON of NewsGraph's documentation).")
    var format = GraphOutputFormat<Formats>.text

    @OptionGroup var dates: DateOptions

    func validate() throws {
        guard maximumLength >= 1 else { throw ValidationError("--max-length must be at least 1") }
    }

    func run() throws {
        let range = try dates.range()
        let graphStore = try store.openForReading()
        let relations = try relationTypes(relation, in: graphStore)
        try requireEntities([from, to], in: graphStore)
        guard let path = try graphStore.path(from: from, to: to, relations: relations,
                                             maximumLength: maximumLength, dates: range)
        else { return }
        guard let exportFormat = format.export else {
            try Output.write(TextReport.describe(path))
            if path.steps.isEmpty && path.origin != path.destination { throw ExitCode.failure }
            return
        }
        try Output.write(try exportFormat.render(Graph(path: path)))
    }
}

struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "List the dated sentences that relate two entities, oldest first.",
        discussion: "Every relation between them counts, in either direction; sentences from undated articles are counted but not listed.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "One entity.")
    var first: String

    @Argument(help: "The other entity.")
    var second: String

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Only this relation type; repeatable.", valueName: "type"))
    var relation: [String] = []

    @OptionGroup var dates: DateOptions

    @Option(help: "text, or json (the entries with their dates, relations and sentences).")
    var format: Format = .text

    func run() throws {
        let range = try dates.range()
        let graphStore = try store.openForReading()
        let relations = try relationTypes(relation, in: graphStore)
        try requireEntities([first, second], in: graphStore)
        guard let timeline = try graphStore.timeline(between: first, and: second, relations: relations,
                                                     dates: range)
        else { return }
        switch format {
        case .text: try Output.write(TextReport.describe(timeline))
        case .json: try Output.write(JSONWriter.bytes(of: timeline))
        }
    }
}

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Make two stored entities one: the first is folded into the second.",
        discussion: "Names, edges and evidence move to the second entity, and later builds send the first one's names there too. The change is recorded (see `newsgraph corrections`).")

    @Argument(help: "The entity that goes away.")
    var name: String

    @Argument(help: "The entity that stays.")
    var survivor: String

    @OptionGroup var store: StoreOptions

    func run() throws {
        let graphStore = try store.open()
        let entity = try suggestingNames(in: graphStore) { try graphStore.merge(name, into: survivor) }
        try Output.line("merged '\(name)' into \(entity.name) [\(entity.type.rawValue)]")
    }
}

struct Split: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Undo a wrong merge: the articles that called an entity by these aliases get their own entity.",
        discussion: "`newsgraph entities --sources NAME` lists the names an entity was merged from, with how many articles used each. Later builds send those aliases to the new entity. The change is recorded (see `newsgraph corrections`).")

    @Argument(help: "The merged entity.")
    var name: String

    @Argument(help: ArgumentHelp("The names some articles used for it that belong to someone else.", valueName: "alias"))
    var aliases: [String]

    @Option(name: .customLong("as"), help: ArgumentHelp("The new entity's name (by default the alias).", valueName: "name"))
    var newName: String?

    @Option(name: .customLong("type"), help: "The new entity's type (\(EntityType.names); by default the merged entity's).")
    var type: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        let graphStore = try store.open()
        let entity = try suggestingNames(in: graphStore) { try graphStore.split(name, aliases: aliases, as: newName, type: try type.flatMap { try entityTypes([$0]).first }) }
        try Output.line("split \(entity.name) [\(entity.type.rawValue)] out of '\(name)'")
    }
}

struct Rename: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename",
        abstract: "Give a stored entity another name (the old one stays an alias) or another type.")

    @Argument(help: "The entity's current name or an alias.")
    var name: String

    @Argument(help: "The new name.")
    var newName: String

    @Option(name: .customLong("type"), help: "A new type for the entity (\(EntityType.names)).")
    var type: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        let graphStore = try store.open()
        let entity = try suggestingNames(in: graphStore) { try graphStore.rename(name, to: newName, type: try type.flatMap { try entityTypes([$0]).first }) }
        try Output.line("renamed '\(name)' to \(entity.name) [\(entity.type.rawValue)], id \(entity.id)")
    }
}

struct Corrections: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corrections", abstract: "List the merges, splits and renames made by hand.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let corrections = try store.openForReading().corrections()
        if corrections.isEmpty { try Output.line("no corrections") }
        for correction in corrections {
            try Output.line("\(correction.made)  \(correction.action) \(correction.detail)")
        }
    }
}

/// Fails with "did you mean" hints when a name is not in the store.
func requireEntities(_ names: [String], in graphStore: GraphStore) throws {
    for name in names where try graphStore.entity(named: name) == nil {
        throw NewsGraphError.noEntity(name, suggestions: try graphStore.suggestions(for: name))
    }
}

/// Runs a correction, turning the store's "no entity named X" into one with "did you mean" hints.
func suggestingNames<T>(in graphStore: GraphStore, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError where error.kind == .noEntity {
        throw NewsGraphError.noEntity(error.detail, suggestions: try graphStore.suggestions(for: error.detail))
    }
}
