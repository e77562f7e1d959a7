import EntityRecognition
import KnowledgeGraph

/// Criticism of an act told in the sentence before: "Bulgaria and Montenegro closed their airspace
/// to Lavrov's plane. Moscow condemned the move." A criticism cue whose clause has a source but
/// names no target takes the actors of the previous sentence as its possible targets; the
/// features say where each stands there (first named or later), whether the cue acts on a noun
/// that refers back ("the move", "such remarks") and the two actors' types.
extension CandidateFinder {
    /// The most actors of the previous sentence paired with one cue.
    static let maximumEarlierTargets = 8

    func addEarlierTargets(sentence: Int, triggers: [Trigger], scan: SentenceScan, into candidates: inout Candidates) {
        guard sentence > 0 else { return }
        let cues = triggers.filter {
            $0.relation == .criticized && !$0.isSpeech && !$0.context.hypothetical && !$0.context.passive
                && $0.context.targets.isEmpty && !$0.context.sources.isEmpty
        }
        guard !cues.isEmpty else { return }
        var targets: [Int] = []
        for mention in analysis.mentions(startingIn: analysis.sentences[sentence - 1].tokens)
        where mention.kind != .weak && !targets.contains(mention.entity) {
            targets.append(mention.entity)
            if targets.count == CandidateFinder.maximumEarlierTargets { break }
        }
        for trigger in cues {
            let refers = scan.refersBack(after: trigger.range)
            for (position, target) in targets.enumerated() {
                for source in trigger.context.sources where source != target {
                    candidates.addOccurrence(
                        source: source, target: target, relation: .criticized, sentence: sentence,
                        rationale: .cue(trigger.phrase)
                    ) { features in
                        let r = trigger.relationPart
                        features.add(r, .earlierTarget, position == 0 ? .earlierFirst : .earlierLater)
                        features.add(r, .earlierTargetObject, refers ? .earlierRefers : .earlierOther)
                        features.add(r, .earlierTargetKind, trigger.kind)
                        features.add(
                            r, .earlierTargetTypes, FeaturePart.type(scan.entityTypes[source]),
                            FeaturePart.type(scan.entityTypes[target]))
                    }
                }
            }
        }
    }
}

extension SentenceScan {
    /// Whether a cue acts on a noun that refers back to an act or a statement: a determiner, at
    /// most two lowercase words, then an event or statement noun ("the move", "such remarks",
    /// "the latest US actions").
    func refersBack(after cue: Range<Int>) -> Bool {
        var token = cue.upperBound
        guard token < range.upperBound, isWord(token, words.nounMarkers) else { return false }
        token += 1
        for _ in 0..<3 {
            guard token < range.upperBound else { return false }
            if isWord(token, words.eventNouns) || isWord(token, words.statementNouns) { return true }
            guard analysis.tokens[token].kind == .word, word(token) == nil else { return false }
            token += 1
        }
        return false
    }
}

extension FeaturePart {
    static let earlierTarget: FeaturePart = "earlier-target"
    static let earlierTargetObject: FeaturePart = "earlier-target-object"
    static let earlierTargetKind: FeaturePart = "earlier-target-kind"
    static let earlierTargetTypes: FeaturePart = "earlier-target-types"
    static let earlierFirst: FeaturePart = "first"
    static let earlierLater: FeaturePart = "later"
    static let earlierRefers: FeaturePart = "refers-back"
    static let earlierOther: FeaturePart = "other"
}
