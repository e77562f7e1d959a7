import KnowledgeGraph

extension SentenceScan {
    /// The rule of `CuePattern.possessiveObject`: "rejected Moscow's claims": the owner of what is
    /// rejected is the target.
    func possessiveObjectEdges(_ place: CuePlace) -> [FoundEdge] {
        guard let target = heads.first(where: { $0.tokens.lowerBound >= place.range.upperBound }),
            target.phrase.lowerBound - place.range.upperBound <= 1, isPossessive(target.tokens.upperBound),
            isWord(target.tokens.upperBound + 1, words.statementNouns)
        else { return [] }
        var sources = subjects(before: place.range.lowerBound)
        // "He rejected China's criticism": the pronoun's person.
        if sources.isEmpty, let pronoun = pronounSubject(before: place.range.lowerBound) { sources = [pronoun] }
        return pairs(sources, [target.entity], place.cue.relation, place.because())
    }
}
