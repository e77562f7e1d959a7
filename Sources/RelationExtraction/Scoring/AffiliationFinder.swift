import EntityRecognition
import KnowledgeGraph

/// Candidate affiliations for the scorer: the rules' edges, a person and a body or country named
/// near each other in a sentence, a body whose country the lexicon knows, and office holders
/// whose country the article names.
struct AffiliationFinder {
    let analysis: ArticleAnalysis
    let words: ScanWords
    let relationWords: RelationWords
    let officeHolders: OfficeHolders
    /// The parts of the model's words, for the words between two names; nil when training.
    let modelWordParts: ModelWordParts?

    static let relation = RelationType.affiliatedWith
    /// Each entity's type, read once (reading an entity copies all its names).
    let entityTypes: [EntityType]

    init(analysis: ArticleAnalysis, words: ScanWords, relationWords: RelationWords, officeHolders: OfficeHolders,
         modelWordParts: ModelWordParts? = nil)
    {
        self.analysis = analysis
        self.words = words
        self.relationWords = relationWords
        self.officeHolders = officeHolders
        self.modelWordParts = modelWordParts
        entityTypes = analysis.entities.map(\.type)
    }
    /// How far apart, in tokens, a person and a body may stand to be paired.
    static let reach = 20

    /// Adds the candidates; returns the pairs world knowledge alone ties (an office holder or a
    /// body the lexicon knows, and the country named in the article), which mark two entities as
    /// one side.
    @discardableResult
    func find(rules: [(edge: FoundEdge, sentence: Int, rule: String)], into candidates: inout Candidates) -> Set<[Int]> {
        let r = FeaturePart.affiliatedWith
        for (edge, sentence, rule) in rules {
            candidates.addOccurrence(source: edge.source, target: edge.target, relation: AffiliationFinder.relation,
                                     sentence: sentence, rationale: .text(edge.rationale)) { features in
                features.add(r, .rule, features.part(rule))
                features.add(r, .types, .type(entityTypes[edge.source]), .type(entityTypes[edge.target]))
            }
        }
        for sentenceIndex in analysis.sentences.indices {
            let range = analysis.sentences[sentenceIndex].tokens
            let mentions = analysis.mentions(startingIn: range)
            for source in mentions where source.kind == .name {
                let sourceType = entityTypes[source.entity]
                guard sourceType == .person || sourceType == .agency || sourceType == .organization else { continue }
                for target in mentions where target.entity != source.entity && target.kind != .title {
                    guard fits(sourceType, entityTypes[target.entity]) else { continue }
                    let gap = source.tokens.lowerBound < target.tokens.lowerBound
                        ? source.tokens.upperBound..<max(source.tokens.upperBound, target.phrase.lowerBound)
                        : target.tokens.upperBound..<max(target.tokens.upperBound, source.phrase.lowerBound)
                    guard gap.count <= AffiliationFinder.reach else { continue }
                    candidates.addOccurrence(source: source.entity, target: target.entity, relation: AffiliationFinder.relation,
                                             sentence: sentenceIndex,
                                             rationale: .near(source: source.entity, target: target.entity)) { features in
                        addPairFeatures(source, target, gap: gap, sentence: range, into: &features)
                    }
                }
            }
        }
        addUnnamedHolders(into: &candidates)
        addListOwners(into: &candidates)
        return addWorldKnowledge(into: &candidates)
    }

    /// How many tokens may stand between a body and the role it owns ("the United Nations' human
    /// rights chief").
    static let ownerReach = 3

    /// A role a sentence gives a body without naming its holder ("Iran's Foreign Ministry spokesman
    /// said ...", "The head of the World Health Organization said ..."), and the first person the
    /// next sentence names ("Reza Karimi is quoted ..."): the next sentence often names the
    /// holder.
    private func addUnnamedHolders(into candidates: inout Candidates) {
        let r = FeaturePart.affiliatedWith
        var seen = [Bool](repeating: false, count: entityTypes.count)
        for sentenceIndex in analysis.sentences.indices.dropLast() {
            let range = analysis.sentences[sentenceIndex].tokens
            let mentions = analysis.mentions(startingIn: range)
            defer { for mention in mentions { seen[mention.entity] = true } }
            var bodies: [Int] = []
            for role in range where isRole(role) {
                // A holder named in the sentence: the role is theirs.
                let named = mentions.contains { mention in
                    entityTypes[mention.entity] == .person && (mention.phrase.contains(role) || mention.phrase.lowerBound == role + 1)
                }
                if named { continue }
                if let body = unnamedRoleOwner(role, mentions: mentions, sentence: range), !bodies.contains(body) { bodies.append(body) }
            }
            guard !bodies.isEmpty else { continue }
            let next = analysis.sentences[sentenceIndex + 1].tokens
            guard let holder = analysis.mentions(startingIn: next).first(where: { entityTypes[$0.entity] == .person && $0.kind == .name }),
                holder.title == nil
            else { continue }
            for body in bodies {
                candidates.addOccurrence(source: holder.entity, target: body, relation: AffiliationFinder.relation,
                                         sentence: sentenceIndex + 1,
                                         rationale: .text(concatenated("a role of '", analysis.entities[body].name,
                                                                       "' held by someone unnamed, and '",
                                                                       analysis.entities[holder.entity].name, "' named next"))) { features in
                    let named: FeaturePart = seen[holder.entity] ? .namedBefore : .namedFirst
                    features.add(r, .roleNext, .type(entityTypes[body]), named)
                }
            }
        }
    }

    /// How many names a list may run back to the one whose title names its owner.
    static let listReach = 6

    /// A titled person in a list whose earlier item's title names the owner: "Cuban Defense
    /// Minister A and Interior Minister B" (B is Cuba's), "Nicaraguan Attorney General A, Secretary
    /// of the Presidency B". The later titles name no owner of their own, so they share the first
    /// one's; a title that names its own ("and Chinese President Xi") ends the list.
    private func addListOwners(into candidates: inout Candidates) {
        let r = FeaturePart.affiliatedWith
        for sentenceIndex in analysis.sentences.indices {
            let mentions = analysis.mentions(startingIn: analysis.sentences[sentenceIndex].tokens)
            for (index, holder) in zip(mentions.indices, mentions)
            where holder.kind == .name && entityTypes[holder.entity] == .person && holder.title != nil && holder.owner == nil {
                var item = holder
                var previous = index
                var links = 0
                while links < AffiliationFinder.listReach, previous > mentions.startIndex {
                    previous -= 1
                    let before = mentions[previous]
                    // Only list marks ("A, B and C", "A, his son B") between one item and the next; a
                    // name inside the item's own title ("Treasury spokeswoman") ends the list.
                    guard before.kind == .name, entityTypes[before.entity] == .person,
                        before.tokens.upperBound < item.phrase.lowerBound,
                        (before.tokens.upperBound..<item.phrase.lowerBound).allSatisfy({ analysis.token($0, isIn: words.coordination) })
                    else { break }
                    links += 1
                    guard let owner = before.owner else {
                        item = before
                        continue
                    }
                    guard owner != holder.entity, fits(.person, entityTypes[owner]) else { break }
                    // A country's list states the edge: on train+dev it made 10, the gold scores 5
                    // of them and all 5 are gold (a body's list, 1 made and wrong, is left to the model).
                    candidates.addOccurrence(source: holder.entity, target: owner, relation: AffiliationFinder.relation,
                                             sentence: sentenceIndex,
                                             rationale: .text(concatenated("'", analysis.entities[holder.entity].name,
                                                                           "' listed after a title of '",
                                                                           analysis.entities[owner].name, "'")),
                                             stated: entityTypes[owner] == .country) { features in
                        features.add(r, .listOwner, .type(entityTypes[owner]), FeaturePart.bucket(links))
                    }
                    break
                }
            }
        }
    }

    /// The body or country that owns an unnamed role: named just before it ("Iran's Foreign
    /// Ministry spokesman", "Iran's oil minister") or just after it and "of [the]" ("the head of
    /// the World Health Organization").
    private func unnamedRoleOwner(_ role: Int, mentions: ArraySlice<Mention>, sentence: Range<Int>) -> Int? {
        func isOwner(_ mention: Mention) -> Bool { entityTypes[mention.entity] != .person && mention.kind != .title }
        if let before = mentions.last(where: { isOwner($0) && $0.tokens.upperBound <= role }),
            role - before.tokens.upperBound <= AffiliationFinder.ownerReach,
            !(before.tokens.upperBound..<role).contains(where: { isBreak($0) || isRole($0) })
        {
            return before.entity
        }
        var next = role + 1
        guard next < sentence.upperBound, analysis.token(next, isIn: words.of) else { return nil }
        next += 1
        if next < sentence.upperBound, analysis.token(next, isIn: words.the) { next += 1 }
        return mentions.first { isOwner($0) && $0.phrase.lowerBound <= next && $0.tokens.lowerBound >= next }?.entity
    }

    private func fits(_ source: EntityType, _ target: EntityType) -> Bool {
        switch source {
        case .person: target != .person
        case .agency: target == .country || target == .agency
        // A party's or movement's own units and wings (GUIDELINES: a person or body may hold a
        // place in an organization).
        case .organization: target == .country || target == .agency || target == .organization
        case .country: false
        }
    }

    private func addPairFeatures(_ source: Mention, _ target: Mention, gap: Range<Int>, sentence: Range<Int>,
                                 into features: inout FeatureSet)
    {
        let r = FeaturePart.affiliatedWith
        let sourceFirst = source.tokens.lowerBound < target.tokens.lowerBound
        features.add(r, .types, .type(entityTypes[source.entity]), .type(entityTypes[target.entity]))
        features.add(r, .pairGap, FeaturePart.bucket(gap.count), sourceFirst ? .ab : .ba)
        if target.kind == .weak { features.add(r, .weakTarget) }
        if source.title != nil { features.add(r, .titled) }
        if source.phrase.contains(target.tokens.lowerBound) { features.add(r, .targetInPhrase) }
        if target.phrase.contains(source.tokens.lowerBound) { features.add(r, .sourceInPhrase) }
        if gap.count <= 8 {
            for token in gap {
                switch analysis.tokens[token].kind {
                case .number: continue
                case .punctuation:
                    features.add(r, .wordBetween, modelWordParts?.part(of: analysis.tokens[token]) ?? features.part(analysis.lowercaseWord(token)))
                case .word:
                    if features.isRecordingNames || analysis.isKnownWord(token) {
                        // A word of the model has its part made already; any other known word is spelled out.
                        let word = modelWordParts?.part(of: analysis.tokens[token]) ?? features.part(analysis.lowercaseWord(token))
                        features.add(r, .wordBetween, word)
                    }
                }
            }
        }
        if let first = gap.first {
            if analysis.token(first, isIn: words.comma) { features.add(r, .commaAfterFirst) }
            if analysis.token(first, isIn: words.possessive) { features.add(r, .possessiveFirst) }
        }
        if let last = gap.last, analysis.token(last, isIn: words.of) { features.add(r, .ofBeforeSecond) }
        if let shape = analysis.gapShapePart(gap, words: words, features: features) { features.add(r, .shape, sourceFirst ? .ab : .ba, shape) }
        if let frame = frame(source, target, sentence: sentence) { features.add(r, .frame, features.part(frame)) }
        // Another person between the two: the body is more likely theirs.
        if analysis.mentions(startingIn: gap).contains(where: { entityTypes[$0.entity] == .person && $0.entity != source.entity }) {
            features.add(r, .personBetween)
        }
    }

    /// The construction that ties a person (or body) to a body or country, if the words between
    /// them make one: "Kenya's U.N. ambassador Martin Kimani" (possessive-role), "Treasury
    /// spokeswoman Ana Ruiz" (modifier-role), "X, a spokesman for Y" (apposition-role), "the head
    /// of Y, X" (role-of), "X was the head of Y" (copula-role), "X of Canada" (origin), "X (Hamas)"
    /// (bracketed), "X, the party's secretary" (apposition-owner-role).
    private func frame(_ source: Mention, _ target: Mention, sentence: Range<Int>) -> String? {
        if target.tokens.upperBound <= source.tokens.lowerBound {
            // Target first.
            let gap = target.tokens.upperBound..<source.tokens.lowerBound
            guard gap.count <= 7 else { return nil }
            // "the International Monetary Fund (IMF)'s managing director, Kristalina Georgieva": the
            // target's short name in brackets is still the target, and a comma may set the holder
            // off from the role.
            var roleGap = gap.lowerBound + bracketedLength(at: gap.lowerBound, before: gap.upperBound)..<gap.upperBound
            if roleGap.count >= 2, analysis.token(roleGap.upperBound - 1, isIn: words.comma) { roleGap = roleGap.dropLast() }
            if !roleGap.isEmpty, !roleGap.contains(where: { isBreak($0) }), roleGap.contains(where: { isRole($0) }) {
                // Another name between them holds the role or owns it: "Indian Prime Minister Modi
                // and Chinese President Xi" (Xi is not India's), "Chinese Foreign Ministry spokesman
                // Wang" (Wang is the ministry's before he is China's).
                // A place after "to" is where the role is held: "US Ambassador to Dhaka Earl Miller".
                let named = analysis.mentions(startingIn: roleGap).contains { mention in
                    mention.tokens.lowerBound == roleGap.lowerBound || !analysis.token(mention.tokens.lowerBound - 1, isIn: words.to)
                }
                if named { return "role-past-name" }
                return analysis.token(roleGap.lowerBound, isIn: words.possessive) ? "possessive-role" : "modifier-role"
            }
            // "the head of Y, X": a role and "of" just before the target, a comma just after it.
            if target.phrase.lowerBound >= sentence.lowerBound + 2 {
                var before = target.phrase.lowerBound - 1
                if analysis.token(before, isIn: words.the), before > sentence.lowerBound { before -= 1 }
                if analysis.token(before, isIn: words.of) || analysis.token(before, isIn: words.forWord), before > sentence.lowerBound,
                    isRole(before - 1), gap.count <= 2
                {
                    return "role-of"
                }
            }
            return nil
        }
        // Source (the person or body) first.
        guard target.phrase.lowerBound >= source.tokens.upperBound else { return nil }
        let gap = source.tokens.upperBound..<target.phrase.lowerBound
        // "Abdul Rauf Asghar (JeM)": the body in brackets right after a name.
        if gap.count == 1, bracketedLength(at: gap.lowerBound, before: sentence.upperBound) == target.tokens.upperBound + 1 - gap.lowerBound {
            return "bracketed"
        }
        if let frame = appositionOwnerRole(gap: gap, target: target, sentence: sentence) { return frame }
        guard !gap.isEmpty, gap.count <= 10 else { return gap.isEmpty ? "adjacent" : nil }
        if gap.count <= 2, gap.allSatisfy({ analysis.token($0, isIn: relationWords.originPrepositions) || analysis.token($0, isIn: words.the) }) {
            return "origin"
        }
        let first = gap.lowerBound
        let roles = gap.filter { isRole($0) }
        guard let role = roles.first else { return nil }
        // The role's complement must lead to the target: "head of [the] Y", "a spokesman for Y's party".
        let afterRole = (role + 1)..<gap.upperBound
        guard !afterRole.contains(where: { isBreak($0) }) else { return nil }
        // "Tajik President Rahmon, Turkmen President Berdymukhammedov and Uzbek ...": a person named
        // between them takes the role. (A country there may own the target: "head of Israel's Mossad".)
        if analysis.mentions(startingIn: gap).contains(where: { entityTypes[$0.entity] == .person }) { return "role-past-name" }
        if analysis.token(first, isIn: words.comma) { return "apposition-role" }
        if analysis.token(first, isIn: words.copulas) || analysis.token(first, isIn: words.the) { return "copula-role" }
        return nil
    }

    /// "Chen Quanguo, the Communist Party's secretary", "Maher Obeid, a senior Hamas leader": an
    /// apposition after the name whose role belongs to the target named inside it.
    private func appositionOwnerRole(gap: Range<Int>, target: Mention, sentence: Range<Int>) -> String? {
        guard let first = gap.first, gap.count <= 4, analysis.token(first, isIn: words.comma) else { return nil }
        let opening = (first + 1)..<gap.upperBound
        if let opener = opening.first, !analysis.token(opener, isIn: words.appositionOpeners) { return nil }
        guard !opening.contains(where: { isBreak($0) }) else { return nil }
        let after = target.tokens.upperBound..<min(sentence.upperBound, target.tokens.upperBound + 4)
        guard let role = after.first(where: { isRole($0) }),
            !(after.lowerBound..<role).contains(where: { isBreak($0) })
        else { return nil }
        // "X, Kyrgyz President Sadyr Japarov": a person named after the role holds it, and the
        // comma joined two items of a list.
        var end = role + 1
        while end < sentence.upperBound, end < role + 6, !isBreak(end) { end += 1 }
        if analysis.mentions(startingIn: (role + 1)..<end).contains(where: { entityTypes[$0.entity] == .person }) { return nil }
        return "apposition-owner-role"
    }

    /// A noun for a person's post ("ambassador", "spokesman").
    private func isRole(_ token: Int) -> Bool { analysis.token(token, isIn: words.roleNouns) }

    /// A mark that ends a phrase: any punctuation but the possessive and a hyphen.
    private func isBreak(_ token: Int) -> Bool {
        let tokens = analysis.tokens
        return tokens[token].kind == .punctuation && !analysis.token(token, isIn: words.possessive) && tokens[token].mark != UInt8(ascii: "-")
    }

    /// The length of a short bracketed part ("(IMF)") that opens at `start`, ending before `end`; 0 if none.
    private func bracketedLength(at start: Int, before end: Int) -> Int {
        let tokens = analysis.tokens
        guard start < end, tokens[start].kind == .punctuation, tokens[start].mark == UInt8(ascii: "(") else { return 0 }
        for index in (start + 1)..<min(end, start + 6) where tokens[index].kind == .punctuation {
            return tokens[index].mark == UInt8(ascii: ")") && index > start + 1 ? index + 1 - start : 0
        }
        return 0
    }

    /// Office holders whose country (or intergovernmental body) the article names, and bodies
    /// whose country the lexicon knows.
    private func addWorldKnowledge(into candidates: inout Candidates) -> Set<[Int]> {
        var offices: Set<[Int]> = []
        let r = FeaturePart.affiliatedWith
        let entities = analysis.entities
        var firstSentence = [Int](repeating: -1, count: entities.count)
        var sentence = 0
        for mention in analysis.mentions {
            while sentence < analysis.sentences.count && analysis.sentences[sentence].tokens.upperBound <= mention.tokens.lowerBound { sentence += 1 }
            if firstSentence[mention.entity] < 0 { firstSentence[mention.entity] = min(sentence, analysis.sentences.count - 1) }
        }
        func entity(named name: String, type: EntityType) -> Int? {
            guard !name.isEmpty else { return nil }
            return entities.indices.first { index in
                entityTypes[index] == type
                    && (entities[index].name == name || entities[index].lexiconName == name || entities[index].aliases.contains(name))
            }
        }
        for (index, candidate) in entities.enumerated() where firstSentence[index] >= 0 {
            if candidate.type == .person {
                var holdings = officeHolders.holdings(of: candidate.name)
                for name in candidate.aliases {
                    for holding in officeHolders.holdings(of: name) where !holdings.contains(holding) { holdings.append(holding) }
                }
                let countries = Set(holdings.map(\.country)).count
                for holding in holdings {
                    guard let target = entity(named: holding.country, type: .country)
                        ?? entity(named: holding.agent, type: .agency) else { continue }
                    offices.insert([index, target])
                    candidates.addOccurrence(source: index, target: target, relation: AffiliationFinder.relation,
                                             sentence: firstSentence[index],
                                             rationale: .office(person: index, target: target)) { features in
                        features.add(r, .holder, holding.curated ? .curated : .phoenix)
                        features.add(r, .holderTarget, .type(entityTypes[target]))
                        if !holding.role.isEmpty { features.add(r, .holderRole, features.part(holding.role)) }
                        features.add(r, .holderCountries, FeaturePart.bucket(countries))
                    }
                }
            } else if candidate.type == .agency || candidate.type == .organization, let known = candidate.knownCountry,
                let target = entity(named: known, type: .country), target != index
            {
                // "The Treasury Department" is American wherever it is named: one side with the
                // country, as an office holder is.
                offices.insert([index, target])
                candidates.addOccurrence(source: index, target: target, relation: AffiliationFinder.relation,
                                         sentence: firstSentence[index],
                                         rationale: .knownCountry(body: index, country: known)) { features in
                    features.add(r, .knownCountry, FeaturePart.type(candidate.type))
                }
            }
        }
        return offices
    }
}
