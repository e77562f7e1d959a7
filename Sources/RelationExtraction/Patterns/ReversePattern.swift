import KnowledgeGraph

extension SentenceScan {
    /// The rule of `CuePattern.reverse`: "drawing condemnation from Washington and Tokyo": the
    /// objects are the sources.
    func reverseEdges(_ place: CuePlace) -> [FoundEdge] {
        // "drawing condemnation from Washington and Tokyo": every coordinated object is a source.
        let sources = objects(after: place.range.upperBound, quoted: false)
        guard !sources.isEmpty else { return [] }
        let targets = subjects(before: place.range.lowerBound)
        return pairs(sources, targets.isEmpty ? previousSentencePerson().map { [$0] } ?? [] : targets, place.cue.relation, place.because())
    }
}
