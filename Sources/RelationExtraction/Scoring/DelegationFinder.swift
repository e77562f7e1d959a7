import EntityRecognition
import KnowledgeGraph

/// A delegation one sentence names: whose it is ("the Pakistan delegation", "a delegation from
/// the European Parliament") and who is in it ("was led by X and included Y and Z", "X led the
/// delegation").
struct Delegation {
    /// The country, body or person the delegation belongs to, when the sentence says.
    var owner: Int?
    /// The people named in it, in text order.
    var members: [Int]
    var sentence: Int
}

/// Reads the delegations of an article and pairs their members across sides.
///
/// The guidelines count talks between delegations as meetings of every named member of one side
/// with every named member of the other, and of the two sides themselves; news states them once
/// ("Delegation-level talks were held") and lists the members in the sentences around it, where no
/// meeting cue relates them. The pairs become candidates with features of their own, which the
/// model weighs like any other place.
struct DelegationFinder {
    let words: RelationWords
    private(set) var delegations: [Delegation] = []

    /// The most members one delegation keeps, and the most delegations an article keeps: a
    /// delegation's pairs grow with the product of its members and the other side's.
    static let maximumMembers = 16
    static let maximumDelegations = 16
    /// How many tokens may stand between an owner and the delegation noun after it ("the Chinese
    /// high-level delegation"), and between the noun and an owner after it ("a delegation of five
    /// American lawmakers").
    static let ownerReachBefore = 3
    static let ownerReachAfter = 5

    init(words: RelationWords) {
        self.words = words
    }

    /// Reads the delegations of one sentence. `meetingCues` are the sentence's cues of a meeting:
    /// the members listed after "led by" end where the meeting's partner begins ("a delegation,
    /// chaired by X, met with Y").
    mutating func read(
        sentence: Int, tokens: Range<Int>, mentions: ArraySlice<Mention>, meetingCues: some Collection<Range<Int>>,
        in analysis: ArticleAnalysis
    ) {
        guard delegations.count < DelegationFinder.maximumDelegations else { return }
        var nouns: [Int] = []
        for token in tokens where analysis.token(token, isIn: words.delegationNouns) {
            if !mentions.contains(where: { $0.phrase.contains(token) }) { nouns.append(token) }
        }
        for (position, noun) in nouns.enumerated() {
            let limit = position + 1 < nouns.count ? nouns[position + 1] : tokens.upperBound
            var members: [Int] = []
            // "… was led by X and included Y": the people after the first verb of membership,
            // up to the next delegation or the meeting's cue.
            if let opener = (noun + 1..<limit).first(where: { isMemberVerb($0, analysis) }) {
                let end = meetingCues.lazy.map(\.lowerBound).filter { $0 > opener }.min() ?? limit
                for mention in mentions
                where mention.type == .person && mention.kind != .weak
                    && mention.tokens.lowerBound > opener && mention.tokens.upperBound <= min(end, limit)
                {
                    members.append(mention.entity)
                }
            }
            // "X and Y led the delegations": the people before a verb of heading that stands a few
            // words before the noun.
            let before = max(tokens.lowerBound, noun - DelegationFinder.ownerReachBefore - 1)
            if let verb = (before..<noun).first(where: { analysis.token($0, isIn: words.delegationHeadVerbs) }) {
                for mention in mentions where mention.type == .person && mention.kind != .weak && mention.tokens.upperBound <= verb {
                    members.append(mention.entity)
                }
            }
            var unique: [Int] = []
            for member in members where !unique.contains(member) && unique.count < DelegationFinder.maximumMembers {
                unique.append(member)
            }
            guard !unique.isEmpty else { continue }
            delegations.append(
                Delegation(
                    owner: owner(of: noun, tokens: tokens, mentions: mentions, in: analysis),
                    members: unique, sentence: sentence))
            if delegations.count == DelegationFinder.maximumDelegations { return }
        }
    }

    private func isMemberVerb(_ token: Int, _ analysis: ArticleAnalysis) -> Bool {
        analysis.token(token, isIn: words.delegationHeadVerbs) || analysis.token(token, isIn: words.listOpeners)
    }

    /// Whose the delegation is: the name just before its noun ("the Chinese delegation", "Saudi
    /// Arabia's delegation"), else one just after "of" or "from" ("a delegation from the European
    /// Parliament").
    private func owner(of noun: Int, tokens: Range<Int>, mentions: ArraySlice<Mention>, in analysis: ArticleAnalysis) -> Int? {
        // Only words that describe the delegation may stand between ("high-level", "'s"): a mark
        // or a determiner begins another phrase ("met Wang Yi, and the delegation").
        if let before = mentions.last(where: { $0.tokens.upperBound <= noun }),
            noun - before.tokens.upperBound <= DelegationFinder.ownerReachBefore,
            (before.tokens.upperBound..<noun).allSatisfy({ token in
                let value = analysis.tokens[token]
                return value.kind == .punctuation ? value.mark == UInt8(ascii: "-") : !analysis.token(token, isIn: words.determiners)
            })
        {
            return before.entity
        }
        guard noun + 1 < tokens.upperBound, analysis.token(noun + 1, isIn: words.originPrepositions) else { return nil }
        return mentions.first(where: {
            $0.type != .person && $0.tokens.lowerBound > noun + 1 && $0.tokens.lowerBound - noun <= DelegationFinder.ownerReachAfter
        })?.entity
    }

    /// Adds the candidates the delegations give: a member with each member of another side's
    /// delegation and with each person of the article's meetings on another side, the two sides'
    /// owners with each other, and a member with the owner of its delegation (`affiliated_with`).
    func addPairs(participants: [Int], affiliated: AffiliationIndex, entityTypes: [EntityType], into candidates: inout Candidates) {
        guard !delegations.isEmpty else { return }
        let meeting = FeaturePart.relation(.metWith)
        let affiliation = FeaturePart.relation(.affiliatedWith)
        /// Pairs already added, each once whatever the order of its two entities.
        var seen = Set<[Int]>()
        /// `stated`: the pair is one the guidelines define as a meeting (two sides' members, or the
        /// sides themselves), not one the model must weigh.
        func add(_ first: Int, _ second: Int, sentence: Int, stated: Bool, _ detail: FeaturePart, _ qualifier: FeaturePart? = nil) {
            guard first != second, seen.insert([min(first, second), max(first, second)]).inserted else { return }
            candidates.addOccurrence(
                source: first, target: second, relation: .metWith, sentence: sentence,
                rationale: .delegation, stated: stated
            ) { features in
                if let qualifier {
                    features.add(meeting, .delegation, detail, qualifier)
                } else {
                    features.add(meeting, .delegation, detail)
                }
            }
        }
        /// Whether two entities stand on different sides: neither tied to the other's side.
        func apart(_ first: Int, _ second: Int) -> Bool { !affiliated.allied(first, second) }
        for (index, delegation) in delegations.enumerated() {
            let side = delegation.owner ?? delegation.members[0]
            for member in delegation.members {
                if let owner = delegation.owner, entityTypes[owner] != .person {
                    candidates.addOccurrence(
                        source: member, target: owner, relation: .affiliatedWith, sentence: delegation.sentence,
                        rationale: .delegation
                    ) { features in
                        features.add(affiliation, .frame, .delegationMember)
                    }
                }
                for other in delegations[(index + 1)...] where other.owner != delegation.owner {
                    let otherSide = other.owner ?? other.members[0]
                    guard apart(side, otherSide) else { continue }
                    for partner in other.members where !delegation.members.contains(partner) {
                        add(member, partner, sentence: other.sentence, stated: true, .members)
                    }
                }
                for partner in participants where !delegation.members.contains(partner) && apart(side, partner) && apart(member, partner) {
                    add(
                        member, partner, sentence: delegation.sentence, stated: false, .partner,
                        affiliated.hasAffiliation(partner) ? .sideKnown : .sideUnknown)
                }
            }
            if let owner = delegation.owner {
                for other in delegations[(index + 1)...] {
                    if let otherOwner = other.owner, otherOwner != owner, apart(owner, otherOwner) {
                        add(owner, otherOwner, sentence: other.sentence, stated: true, .owners)
                    }
                }
            }
        }
    }
}
