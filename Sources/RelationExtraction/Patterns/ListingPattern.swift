import KnowledgeGraph

extension SentenceScan {
    /// The rule of `CuePattern.listing`: "The Commerce Department added Huawei and ZTE to the
    /// entity list": the subject of the listing verb puts its objects on the list.
    func listingEdges(_ place: CuePlace) -> [FoundEdge] {
        // "The Commerce Department added Huawei and ZTE to the entity list".
        guard let verb = listingVerb(before: place.range), !isHypothetical(before: verb), !isPassive(verb) else { return [] }
        let targets = listedObjects(verb: verb, cue: place.range)
        var sources = subjects(before: verb)
        if sources.isEmpty, let pronoun = pronounSubject(before: verb) { sources = [pronoun] }
        return pairs(sources, targets, place.cue.relation, place.because(", listed by '\(lower(verb))'"))
    }
}
