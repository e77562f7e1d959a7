import KnowledgeGraph

extension SentenceScan {
    /// The rule of `CuePattern.verb` and `.noun`: "A sanctioned B", "B was sanctioned by A",
    /// "A's sanctions on B", "talks between A and B". The subjects (or the passive agent, or the
    /// speaker of a quote) act on the objects (or the passive subjects).
    func actionEdges(_ place: CuePlace) -> [FoundEdge] {
        var sources: [Int]
        var targets: [Int]
        if place.cue.pattern == .noun, isWord(place.range.upperBound - 1, words.between) {
            // "talks between Russia and Ukraine": the two sides met each other.
            let sides = objects(after: place.range.upperBound, quoted: inQuote(place.range.lowerBound))
            guard sides.count == 2, !predicateUndone(after: place.range.upperBound) else { return [] }
            return pairs([sides[0]], [sides[1]], place.cue.relation, place.because(", between the two"))
        }
        if isPassive(place.range.lowerBound) {
            sources = agents(after: place.range.upperBound)
            guard !sources.isEmpty else { return [] }
            targets = subjects(before: place.range.lowerBound)
            return pairs(sources, targets, place.cue.relation, place.because(", passive"))
        }
        if place.cue.pattern == .verb, place.range.upperBound < range.upperBound,
            isWord(place.range.upperBound, words.participleObjects),
            !isWord(place.range.upperBound - 1, words.objectlessCueEnds)
        {
            // "companies accused of supplying ...", "officials sanctioned for ...": a participle whose
            // subject is the one accused; with no agent, no edge.
            return []
        }
        if isPronounObject(place.range.upperBound) && place.cue.pattern == .verb {
            // "accused it of ...": the pronoun is the object; find what it stands for.
            targets = pronounTarget(before: place.range.lowerBound).map { [$0] } ?? []
        } else {
            targets = objects(after: place.range.upperBound, quoted: inQuote(place.range.lowerBound))
        }
        if targets.isEmpty { return [] }
        if inQuote(place.range.lowerBound) {
            sources = (speaker() ?? speakerAfterQuote() ?? speakerBeforeQuote()).map { [$0] } ?? []
        } else if isCoordinatedVerb(place.range.lowerBound), let subject = sentenceSubject() {
            // "he insisted ..., and took a swipe at Washington": the first verb's subject.
            sources = [subject]
        } else {
            sources = subjects(before: place.range.lowerBound)
        }
        if sources.isEmpty, !inQuote(place.range.lowerBound), let pronoun = pronounSubject(before: place.range.lowerBound) {
            sources = [pronoun]
        }
        return pairs(sources, targets, place.cue.relation, place.because())
    }
}
