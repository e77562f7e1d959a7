import KnowledgeGraph

extension SentenceScan {
    /// The rule of `CuePattern.rebuttal`: "Y dismissed the accusations": Y answers whoever just
    /// accused Y.
    func rebuttalEdges(_ place: CuePlace, accuser: (Int) -> Int?) -> [FoundEdge] {
        var edges: [FoundEdge] = []
        for subject in subjects(before: place.range.lowerBound) {
            if let target = accuser(subject) {
                edges += pairs([subject], [target], place.cue.relation, place.because(", answering an accusation"))
            }
        }
        return edges
    }
}
