import KnowledgeGraph

extension SentenceScan {
    /// The rule of `CuePattern.symmetric`: "A and B met", "A held talks with B", "the two leaders
    /// met", "A and B blamed each other": the actors of one event relate to each other.
    func symmetricEdges(_ place: CuePlace) -> [FoundEdge] {
        var subjects = subjects(before: place.range.lowerBound)
        let partners = objects(after: place.range.upperBound, quoted: false)
        if !partners.isEmpty {
            // "held talks in Moscow with Lavrov": the partner comes after "with".
            guard withBeforePartner(after: place.range.upperBound) else { return [] }
            if subjects.isEmpty, isCoordinatedVerb(place.range.lowerBound), let subject = sentenceSubject() { subjects = [subject] }
            return pairs(subjects, partners, place.cue.relation, place.because(", partner after 'with'"))
        }
        if subjects.isEmpty, let pair = twoPeople(before: place.range.lowerBound) {
            // "The two leaders met": the two people just named.
            return pairs([pair.0], [pair.1], place.cue.relation, place.because(", 'the two ...' are the two people just named"))
        }
        var edges: [FoundEdge] = []
        for (offset, first) in subjects.enumerated() {
            for second in subjects[(offset + 1)...] where first != second {
                edges.append(FoundEdge(source: first, target: second, type: place.cue.relation, rationale: place.because()))
                // "Israel and Hamas blamed each other": a directed relation goes both ways.
                if !place.cue.relation.isSymmetric {
                    edges.append(FoundEdge(source: second, target: first, type: place.cue.relation, rationale: place.because()))
                }
            }
        }
        return edges
    }
}
