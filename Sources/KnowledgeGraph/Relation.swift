/// Where a relation is stated: a document, the sentence, and its character range in the text.
public struct Evidence: Hashable, Sendable, Codable {
    /// The document the sentence comes from (its file name without extension).
    public var document: String
    public var sentence: String
    /// Offsets in Unicode scalars (Python string indices) from the start of the document.
    public var start: Int
    public var end: Int
    /// Why the edge was made: the cue and the pattern that matched. Not part of the JSON contract.
    public var rationale: String?
    /// The day the document was published, as YYYY-MM-DD; nil when the document gives none.
    public var date: String?

    /// Two pieces of evidence are the same place in the same document, whatever found them.
    package func isSamePlace(as other: Evidence) -> Bool {
        document == other.document && start == other.start && end == other.end
    }

    public init(document: String, sentence: String, start: Int, end: Int, rationale: String? = nil, date: String? = nil) {
        self.document = document
        self.sentence = sentence
        self.start = start
        self.end = end
        self.rationale = rationale
        self.date = date
    }
}

/// A directed edge between two entities, with the sentences that state it.
public struct Relation: Hashable, Sendable, Codable {
    public var source: String
    public var type: RelationType
    public var target: String
    public var evidence: [Evidence]

    public init(source: String, type: RelationType, target: String, evidence: [Evidence] = []) {
        if target < source && type.isSymmetric {
            self.source = target
            self.target = source
        } else {
            self.source = source
            self.target = target
        }
        self.type = type
        self.evidence = evidence
    }

    private enum CodingKeys: String, CodingKey {
        case source, type, target, evidence
    }

    /// Decodes through `init(source:type:target:evidence:)` so symmetric edges are ordered.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(source: try container.decode(String.self, forKey: .source),
                  type: try container.decode(RelationType.self, forKey: .type),
                  target: try container.decode(String.self, forKey: .target),
                  evidence: try container.decodeIfPresent([Evidence].self, forKey: .evidence) ?? [])
    }

    /// The earliest date among the evidence, as YYYY-MM-DD; nil when no evidence is dated.
    public var firstSeen: String? {
        var first: String?
        for evidence in self.evidence {
            if let date = evidence.date, first.map({ date < $0 }) ?? true { first = date }
        }
        return first
    }

    /// The latest date among the evidence, as YYYY-MM-DD; nil when no evidence is dated.
    public var lastSeen: String? {
        var last: String?
        for evidence in self.evidence {
            if let date = evidence.date, last.map({ date > $0 }) ?? true { last = date }
        }
        return last
    }

    /// The number of documents that state the edge.
    public var weight: Int { Set(evidence.map(\.document)).count }

    /// Identifies the edge regardless of its evidence.
    package var key: Key { Key(source: source, type: type, target: target) }

    package struct Key: Hashable, Sendable, Comparable {
        package var source: String
        package var type: RelationType
        package var target: String

        package static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.source, lhs.type.rawValue, lhs.target) < (rhs.source, rhs.type.rawValue, rhs.target)
        }
    }
}
