import Dispatch

/// Runs the extractor over many article files on all cores, keeping the files' order.
public struct CorpusRunner: Sendable {
    public let extractor: GraphExtractor

    /// A runner that extracts with `extractor`.
    public init(extractor: GraphExtractor) {
        self.extractor = extractor
    }

    /// Extracts each article's graph on all cores, in the articles' order.
    public func graphs(of articles: [Article]) -> [Graph] {
        parallelMap(articles) { extractor.graph(of: $0) }
    }

    /// Extracts each file's graph; a file that cannot be read gives its error in its place.
    public func graphs(of paths: [String]) -> [Result<(Article, Graph), NewsGraphError>] {
        graphs(of: paths, skipping: { _ in false }).map { result in
            result.map { ($0.0, $0.1 ?? Graph()) }
        }
    }

    /// Extracts each file's graph, except for articles `skip` accepts (already stored, say),
    /// which come back read but with no graph.
    package func graphs(of paths: [String], skipping skip: @Sendable (Article) -> Bool)
        -> [Result<(Article, Graph?), NewsGraphError>]
    {
        parallelMap(paths) { path in
            Result { () throws(NewsGraphError) -> (Article, Graph?) in
                let article = try Article(contentsOf: path)
                return (article, skip(article) ? nil : extractor.graph(of: article))
            }
        }
    }
}

extension CorpusRunner {
    /// The union of the graphs of every article `reader` gives, extracted on all cores a batch
    /// at a time (so memory holds one batch of text, and the graph), with how many articles
    /// were read. Problems are reported through `problem`, in input order, and skipped; so are
    /// warnings about articles read in part (which are kept).
    public func graph(of reader: inout ArticleReader, problem: (InputProblem) -> Void) -> (graph: Graph, articles: Int) {
        var graph = Graph()
        var articles = 0
        while true {
            let items = reader.nextBatch(articles: 256, bytes: 4 * 1_048_576)
            guard !items.isEmpty else { break }
            let results = parallelMap(items) { item -> Result<(graph: Graph, warning: InputProblem?), InputProblem> in
                switch item {
                case .file(let path): ArticleReader.read(path).map { extractor.extraction(of: $0) }
                case .article(let article): .success(extractor.extraction(of: article))
                case .problem(let problem): .failure(problem)
                }
            }
            // Room for the batch's entities and edges (some already known): the union's indexes
            // grow once per batch rather than a dozen times.
            var batchEntities = 0
            var batchRelations = 0
            for case .success(let extraction) in results {
                batchEntities += extraction.graph.entities.count
                batchRelations += extraction.graph.relations.count
            }
            graph.reserveCapacity(entities: batchEntities, relations: batchRelations)
            for result in results {
                switch result {
                case .success(let extraction):
                    if let warning = extraction.warning { problem(warning) }
                    graph.formUnion(extraction.graph)
                    articles += 1
                case .failure(let reported):
                    problem(reported)
                }
            }
        }
        return (graph, articles)
    }
}

/// `items.map(transform)` on all cores, in the items' order. Each result is written once, by the
/// one iteration that computes it, so the slots need no lock.
func parallelMap<Item, Value>(_ items: [Item], _ transform: (Item) -> Value) -> [Value] {
    guard items.count > 1 else { return items.map(transform) }
    return [Value](unsafeUninitializedCapacity: items.count) { buffer, initialized in
        nonisolated(unsafe) let slots = buffer
        withoutActuallyEscaping(transform) { transform in
            nonisolated(unsafe) let transform = transform
            items.withUnsafeBufferPointer { items in
                nonisolated(unsafe) let items = items
                DispatchQueue.concurrentPerform(iterations: items.count) { index in
                    (slots.baseAddress! + index).initialize(to: transform(items[index]))
                }
            }
        }
        initialized = items.count
    }
}
