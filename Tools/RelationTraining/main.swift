import Foundation
import NewsGraph

// Writes, for each article given, one JSON line: its entities, its affiliations and every
// candidate edge with its features, for Scripts/train_relations.py to learn from.
// With --sentences, each line also carries the article's sentences, for reading errors.
var arguments = Array(CommandLine.arguments.dropFirst())
let withSentences = arguments.first == "--sentences"
if withSentences { arguments.removeFirst() }
let extractor = try GraphExtractor()
let articles = try Article.files(in: arguments).map { try Article(contentsOf: $0) }
let lines = CorpusLines(count: articles.count)
DispatchQueue.concurrentPerform(iterations: articles.count) { index in
    let analysis = extractor.analyze(articles[index])
    let (graph, candidates) = extractor.relations.trainingCandidates(from: analysis)
    var object: [String: Any] = [
        "document": analysis.document,
        "entities": graph.entities.map { ["id": $0.id, "name": $0.name, "type": $0.type.rawValue, "aliases": $0.aliases] },
        "relations": graph.relations.map { ["source": $0.source, "type": $0.type.rawValue, "target": $0.target] },
        "candidates": candidates.map { ["source": $0.source, "type": $0.relation.rawValue, "target": $0.target, "occurrences": $0.occurrences.map(\.features), "sentences": $0.occurrences.map(\.sentence)] },
    ]
    if withSentences { object["sentences"] = analysis.sentences.map { analysis.string(bytes: $0.bytes) } }
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    lines.set(index, data)
}
for line in lines.values {
    FileHandle.standardOutput.write(line)
    FileHandle.standardOutput.write(Data("\n".utf8))
}

/// One line per article, written from concurrent iterations and printed in the articles' order.
final class CorpusLines: @unchecked Sendable {
    private var slots: [Data]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: Data(), count: count) }
    func set(_ index: Int, _ value: Data) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }
    var values: [Data] { slots }
}
