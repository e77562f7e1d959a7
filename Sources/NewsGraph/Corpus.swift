import Dispatch
import Foundation

/// Runs the extractor over many article files on all cores, keeping the files' order.
public struct CorpusRunner: Sendable {
    public let extractor: GraphExtractor

    public init(extractor: GraphExtractor) {
        self.extractor = extractor
    }

    /// Extracts each article's graph on all cores, in the articles' order.
    public func graphs(of articles: [Article]) -> [Graph] {
        let results = ResultBox<Graph>(count: articles.count)
        DispatchQueue.concurrentPerform(iterations: articles.count) { results.set($0, extractor.graph(of: articles[$0])) }
        return results.values
    }

    /// Extracts each file's graph; a file that cannot be read gives its error in its place.
    public func graphs(of paths: [String]) -> [Result<(Article, Graph), NewsGraphError>] {
        graphs(of: paths, skipping: { _ in false }).map { result in
            result.map { ($0.0, $0.1 ?? Graph()) }
        }
    }

    /// Extracts each file's graph, except for articles `skip` accepts (already stored, say),
    /// which come back read but with no graph.
    public func graphs(of paths: [String], skipping skip: @Sendable (Article) -> Bool)
        -> [Result<(Article, Graph?), NewsGraphError>]
    {
        let results = ResultBox<Result<(Article, Graph?), NewsGraphError>>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let result = Result { () throws(NewsGraphError) -> (Article, Graph?) in
                let article = try Article(contentsOf: paths[index])
                return (article, skip(article) ? nil : extractor.graph(of: article))
            }
            results.set(index, result)
        }
        return results.values
    }
}

/// Slots written once each from concurrent iterations.
final class ResultBox<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Value] { slots.map { $0! } }
}
