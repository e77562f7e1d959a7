import Foundation
import NewsGraph

// Exploration dump: one JSON object per article with sentences, tokens and mentions.
let arguments = CommandLine.arguments.dropFirst()
let extractor = try GraphExtractor()
for path in arguments {
    let article = try Article(contentsOf: path)
    let analysis = extractor.analyze(article)
    var sentences: [[String: Any]] = []
    for sentence in analysis.sentences {
        var tokens: [String] = []
        for index in sentence.tokens { tokens.append(analysis.string(index..<(index + 1))) }
        var mentions: [[String: Any]] = []
        for mention in analysis.mentions(startingIn: sentence.tokens) {
            let kind: String = switch mention.kind { case .name: "name"; case .title: "title"; case .weak: "weak" }
            mentions.append([
                "start": mention.tokens.lowerBound - sentence.tokens.lowerBound,
                "end": mention.tokens.upperBound - sentence.tokens.lowerBound,
                "pstart": mention.phrase.lowerBound - sentence.tokens.lowerBound,
                "entity": mention.entity, "kind": kind,
            ])
        }
        sentences.append(["tokens": tokens, "mentions": mentions])
    }
    let graph = extractor.graph(of: analysis)
    let entities: [[String: Any]] = analysis.entities.enumerated().map { index, entity in
        ["name": entity.name, "type": entity.type.rawValue, "aliases": entity.aliases, "id": graph.entities[index].id]
    }
    let relations: [[String: Any]] = graph.relations.map { ["source": $0.source, "target": $0.target, "type": $0.type.rawValue] }
    let object: [String: Any] = ["document": analysis.document, "sentences": sentences, "entities": entities, "relations": relations]
    let data = try JSONSerialization.data(withJSONObject: object)
    FileHandle.standardOutput.write(data)
    FileHandle.standardOutput.write("\n".data(using: .utf8)!)
}
