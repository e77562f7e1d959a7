import Foundation

extension JSONWriter {
    /// A timeline as JSON: the two entities in the graph JSON's shape, then one object per dated
    /// sentence, oldest first, and the count of sentences from undated articles.
    package static func bytes(of timeline: Timeline) throws(ExportError) -> [UInt8] {
        struct Document: Encodable {
            var entities: [Entity]
            var timeline: [Entry]
            var undated: Int
        }
        struct Entry: Encodable {
            var date: String
            var source: String
            var type: String
            var target: String
            var document: String
            var sentence: String
            var start: Int
            var end: Int
        }
        let document = Document(
            entities: [timeline.first, timeline.second],
            timeline: timeline.entries.map { entry in
                Entry(date: entry.date, source: entry.source.id, type: entry.relation.rawValue, target: entry.target.id,
                      document: entry.evidence.document, sentence: entry.evidence.sentence, start: entry.evidence.start,
                      end: entry.evidence.end)
            },
            undated: timeline.undated)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(document) + Data("\n".utf8))
        } catch {
            throw .encoding(format: "timeline JSON", reason: "\(error)")
        }
    }
}
