import KnowledgeGraph

extension SentenceScan {
    /// The rule of `CuePattern.evaluative` and `.evaluativeSubject`: "India's reckless behavior", in
    /// what someone says: the speaker judges the actor.
    func evaluativeEdges(_ place: CuePlace) -> [FoundEdge] {
        guard let target = judged(by: place.range, possessor: place.cue.pattern == .evaluative),
            let source = speaker() ?? speakerAfterQuote() ?? speakerBeforeQuote()
        else { return [] }
        return pairs([source], [target], place.cue.relation, place.because(", said by the speaker"))
    }
}
