import EntityRecognition

/// What a speaker says of an actor: criticism is often said with no criticism verb, in the words
/// a speaker reports. "America's reaction was \"impulsive\", Zakharova said", "Wu said Takaichi
/// made provocative remarks", "\"Hamas continues to fund terror,\" Nelson said": the speaker is
/// the source, and the actor the reported clause is about (its subject, or the owner of its
/// subject) the target, when the clause judges it.
///
/// The reported content is the quotation the target stands in, or the clause that a speech word
/// next to the source opens ("X said [that] …") or closes ("…, X said"). The features say where
/// the target stands in it (first named, as a subject or an owner, or later) and whether a word of
/// negative judgement follows it there.
extension SentenceScan {
    /// The tokens a speaker reports around `target`, when `source` is next to a speech word of
    /// this sentence or the target stands in a quotation (whose speaker the pair's other features
    /// name); nil when the target stands in no reported content.
    func reportedContent(source: Actor, target: Actor) -> Range<Int>? {
        let start = target.tokens.lowerBound
        if inQuote(start) {
            var lower = start
            while lower > range.lowerBound && inQuote(lower - 1) { lower -= 1 }
            var upper = target.tokens.upperBound
            while upper < range.upperBound && inQuote(upper) { upper += 1 }
            return lower..<upper
        }
        for token in range where isSpeech(token) && !inQuote(token) {
            let speaksBefore = source.tokens.upperBound <= token && token - source.tokens.upperBound <= 3
            let speaksAfter = source.tokens.lowerBound > token && source.phrase.lowerBound - token <= 2
            guard speaksBefore || speaksAfter else { continue }
            // "X said [that] the target …": the rest of the sentence.
            if speaksBefore, start > token { return (token + 1)..<range.upperBound }
            // "The target …, X said" / "…, said X": the sentence up to the speaker.
            let end = min(token, source.phrase.lowerBound)
            if target.tokens.upperBound <= end { return range.lowerBound..<end }
        }
        return nil
    }

    /// The role a target plays in reported content: the first actor named in it (an owner when
    /// a possessive follows it: "America's reaction"), or one named later.
    func contentRole(of target: Actor, in content: Range<Int>) -> FeaturePart {
        let first = heads.first { $0.tokens.lowerBound >= content.lowerBound && $0.kind != .weak }
        guard let first, first.tokens == target.tokens || (target.isReference && target.tokens.lowerBound <= first.tokens.lowerBound)
        else { return .contentLater }
        let next = target.tokens.upperBound
        if next < content.upperBound, isWord(next, words.possessive) { return .contentOwner }
        return .contentSubject
    }

    /// The features of reported content (see the type's documentation) for the pair `source` →
    /// `target`, when the target stands in content that `source` may have said.
    func addReportedContentFeatures(
        source: Actor, target: Actor, speaker: Int?, relation r: FeaturePart,
        into features: inout FeatureSet
    ) {
        guard let content = reportedContent(source: source, target: target) else { return }
        // A quotation is the source's only when the source is its speaker.
        if inQuote(target.tokens.lowerBound), speaker != source.entity { return }
        let role = contentRole(of: target, in: content)
        let judgements = judgementCount == 0 ? 0 : content.count { isWord($0, words.negativeJudgements) }
        let after = target.tokens.upperBound..<content.upperBound
        let judgedAfter = judgements > 0 && hasJudgement(in: after)
        // "Novak said Serbia was not reckless": a judgement denied is none.
        let denied = judgedAfter && after.contains { word($0) == .negation }
        let judged: FeaturePart =
            denied ? .contentDenied : judgedAfter ? .contentJudged : judgements > 0 ? .contentJudgedBefore : .contentPlain
        features.add(r, .content, role, judged)
        // How many words judge, when any does (none is `plain`).
        if judgements > 0 { features.add(r, .contentJudgements, FeaturePart.bucket(judgements)) }
    }
}
