import EntityRecognition
import KnowledgeGraph

/// Builds the edges of one article's graph from its recognized entities: relations stated by
/// cue words, and affiliations stated by titles, adjectives and possessives.
package struct RelationExtractor: Sendable {
    private let cues: [CueLexicon.Cue]
    /// Every cue the scorer reads: the curated ones (which the rules also read), then CAMEO's.
    private let triggerCues: [TriggerCue]
    private let cueMatcher: PhraseMatcher
    private let markerMatcher: PhraseMatcher
    private let markerKinds: [FeaturePart]
    private let functionMatcher: PhraseMatcher
    let words: ScanWords
    private let relationWords: RelationWords
    private let model: RelationModel
    private let officeHolders: OfficeHolders
    private let modelWordParts: ModelWordParts

    /// Registers the cues' words in `lexicon`; build the recognizer from the lexicon afterwards.
    /// A recognizer built before would not know the cue words and the extractor would silently
    /// miss edges, so only the package builds one, in that order (`GraphExtractor`).
    package init(cues: CueLexicon, lexicon: inout Lexicon) {
        self.cues = cues.cues
        var triggerCues = cues.cues.enumerated().map { index, cue in
            TriggerCue(phrase: cue.phrase, relation: cue.relation, kind: cue.pattern.rawValue, curated: index)
        }
        // What someone says can criticize: a speech word is a cue of criticism, judged by what is said.
        for (phrase, word) in cues.functionWords where word == .speech {
            triggerCues.append(TriggerCue(phrase: phrase, relation: .criticized, kind: "speech", curated: nil))
        }
        // Some twenty thousand CAMEO cues share a hundred codes: each code's part is made once
        // (after the cue's phrase, as before, so parts are numbered in the same order).
        var cameoKinds: [String: FeaturePart] = [:]
        var last: (code: String, kind: FeaturePart)?
        for cue in cues.cameoCues {
            let phrase = FeaturePart(cue.phrase)
            let kind: FeaturePart
            if let last, last.code == cue.code {
                kind = last.kind
            } else if let known = cameoKinds[cue.code] {
                kind = known
            } else {
                kind = FeaturePart("cameo-" + cue.code)
                cameoKinds[cue.code] = kind
            }
            last = (cue.code, kind)
            triggerCues.append(TriggerCue(phrase: phrase, relation: cue.relation, kind: kind, curated: nil))
        }
        self.triggerCues = triggerCues
        cueMatcher = PhraseMatcher(phrases: triggerCues.enumerated().map { ($1.phrase.name, $0) }, lexicon: &lexicon)
        let kinds = Array(Set(cues.cameoMarkers.map(\.kind))).sorted()
        markerKinds = kinds.map { FeaturePart($0) }
        markerMatcher = PhraseMatcher(phrases: cues.cameoMarkers.map { ($0.phrase, kinds.firstIndex(of: $0.kind)!) }, lexicon: &lexicon)
        let functionWords = FunctionWord.allCases
        functionMatcher = PhraseMatcher(
            phrases: cues.functionWords.map { ($0.0, functionWords.firstIndex(of: $0.1)!) }, lexicon: &lexicon)
        words = ScanWords(members: cues.wordClasses, kin: lexicon.words(ofClass: "kin"),
                          appositionOpeners: lexicon.words(ofClass: "apposition-opener"), judgements: cues.judgementWords,
                          lexicon: &lexicon)
        relationWords = RelationWords(members: cues.wordClasses, lexicon: &lexicon)
        model = cues.model
        officeHolders = cues.officeHolders
        // The model's lexical features name words: the vocabulary must know them for tokens to
        // carry their IDs.
        modelWordParts = ModelWordParts(words: model.words, ids: WordSet.vocabularyIDs(of: model.words, lexicon: &lexicon))
    }

    package func extract(from analysis: ArticleAnalysis) -> Graph {
        var cutSentences = 0
        return extract(from: analysis, cutSentences: &cutSentences)
    }

    /// The graph, with `cutSentences` set to how many sentences had more pairs of names or edges
    /// than the bounds of `CandidateFinder` let through (the nearest pairs are read).
    package func extract(from analysis: ArticleAnalysis, cutSentences: inout Int) -> Graph {
        var builder = GraphBuilder(analysis: analysis, words: words)
        let candidates = findCandidates(in: analysis, builder: &builder, recordingNames: false, cutSentences: &cutSentences)
        // Noisy-or over each candidate's places: the edge holds unless every place fails to state it.
        let count = candidates.candidates.count
        var none = [Float](repeating: 1, count: count)
        var best = [(probability: Float, occurrence: Int)](repeating: (-1, -1), count: count)
        var shared = [Float?](repeating: nil, count: count)
        // Places that state an edge on their own, by candidate: few, so kept sparse.
        var convincing: [Int: [Int]] = [:]
        // Places whose construction states the edge outright (`Candidates.addOccurrence(stated:)`).
        var statedPlaces: [Int: [Int]] = [:]
        // Per relation index of the candidates' keys: the model's bias and threshold (nil for a
        // relation it does not judge), and whether the rules' edges stand.
        let decisions = candidates.relations.map { model.decision(for: $0) }
        let keepsRuleEdges = candidates.relations.map { RelationExtractor.ruleEdgesKept.contains($0) }
        // By index: a copy of each occurrence would retain its rationale.
        for index in candidates.occurrences.indices {
            let position = candidates.occurrences[index].candidate
            if candidates.occurrences[index].isStated { statedPlaces[position, default: []].append(index) }
            guard let decision = decisions[Int(candidates.order[position].relation)] else { continue }
            if shared[position] == nil { shared[position] = model.score(of: candidates.features, candidates.candidates[position].shared) }
            let probability = model.probability(of: candidates.features, candidates.occurrences[index].features, adding: shared[position]!,
                                                decision: decision)
            if probability >= decision.threshold { convincing[position, default: []].append(index) }
            none[position] *= 1 - probability
            if probability > best[position].probability { best[position] = (probability, index) }
        }
        // What states each candidate: its places' score, or the rules alone where their edges
        // stand. Decided once, since the most specific body is chosen among the stated edges.
        let statements = candidates.order.indices.map { position -> Statement in
            let key = candidates.order[position]
            let candidate = candidates.candidates[position]
            if statedPlaces[position] != nil { return .stated }
            guard let decision = decisions[Int(key.relation)] else { return candidate.ruleSentence == nil ? .none : .byRules }
            // The clause's grammar ("Y was condemned by X") says who did what to whom.
            if candidate.ruleSentence == nil, candidates.rulesFoundReverse(of: key) { return .none }
            if best[position].occurrence >= 0, 1 - none[position] >= decision.threshold { return .scored }
            return candidate.ruleSentence != nil && keepsRuleEdges[Int(key.relation)] ? .byRules : .none
        }
        let bypassed = countriesReachedThroughBodies(candidates, statements: statements, entities: analysis.entities)
        for (position, key) in candidates.order.enumerated() where !bypassed.contains(position) {
            let candidate = candidates.candidates[position]
            let edge = (source: Int(key.source), target: Int(key.target), type: candidates.relation(of: key))
            switch statements[position] {
            case .none:
                continue
            case .byRules:
                addRuleEvidence(candidate, edge: edge, citedAlready: [], to: &builder)
            case .stated:
                var cited: Set<Int> = []
                for index in statedPlaces[position] ?? [] {
                    let place = candidates.occurrences[index]
                    guard cited.insert(place.sentence).inserted else { continue }
                    builder.add(FoundEdge(source: edge.source, target: edge.target, type: edge.type,
                                          rationale: place.rationale.text(analysis.entities)), sentence: place.sentence)
                }
                addRuleEvidence(candidate, edge: edge, citedAlready: cited, to: &builder)
            case .scored:
                // The evidence: the place that states the edge best, every other sentence that
                // states it on its own, and the sentences where the rules found it.
                let edgeScore = String(Int((1 - none[position]) * 100))
                var cited: Set<Int> = []
                for index in [best[position].occurrence] + (convincing[position] ?? []) {
                    let place = candidates.occurrences[index]
                    guard cited.insert(place.sentence).inserted else { continue }
                    builder.add(FoundEdge(source: edge.source, target: edge.target, type: edge.type,
                                          rationale: concatenated(place.rationale.text(analysis.entities), " (scored ", edgeScore, "%)")),
                                sentence: place.sentence)
                }
                addRuleEvidence(candidate, edge: edge, citedAlready: cited, to: &builder)
            }
        }
        return builder.graph
    }

    /// How a candidate edge comes out: stated by its places' score, by the rules alone, by a
    /// construction the guidelines read as the edge itself (the members of two delegations), or not.
    private enum Statement { case none, byRules, scored, stated }

    /// Each sentence where the rules found the edge, but those already cited, as evidence.
    private func addRuleEvidence(_ candidate: Candidates.Candidate, edge: (source: Int, target: Int, type: RelationType),
                                 citedAlready cited: Set<Int>, to builder: inout GraphBuilder)
    {
        for rule in candidate.ruleEvidence where !cited.contains(rule.sentence) {
            builder.add(FoundEdge(source: edge.source, target: edge.target, type: edge.type, rationale: rule.rationale), sentence: rule.sentence)
        }
    }

    /// The person-to-country affiliations that a stated person-to-body and body-to-country pair
    /// already make: a person points to the most specific body named, and the body to its country
    /// ("Chinese Foreign Ministry spokesman Wang Wenbin": Wang -> ministry -> China, not Wang ->
    /// China), as the annotation guidelines say.
    private func countriesReachedThroughBodies(_ candidates: Candidates, statements: [Statement], entities: [ArticleEntity]) -> Set<Int> {
        var affiliations: [(position: Int, source: Int, target: Int)] = []
        for (position, key) in candidates.order.enumerated()
        where candidates.relation(of: key) == .affiliatedWith && statements[position] != .none {
            affiliations.append((position, Int(key.source), Int(key.target)))
        }
        // Most articles state no person-to-country affiliation: nothing to bypass, no table made.
        guard affiliations.contains(where: { entities[$0.source].type == .person && entities[$0.target].type == .country }) else { return [] }
        var stated: [Int: [Int]] = [:]
        for (_, source, target) in affiliations { stated[source, default: []].append(target) }
        var bypassed: Set<Int> = []
        for (position, source, target) in affiliations
        where entities[source].type == .person && entities[target].type == .country {
            let bodies = (stated[source] ?? []).filter { entities[$0].type == .agency }
            if bodies.contains(where: { stated[$0]?.contains(target) ?? false }) { bypassed.insert(position) }
        }
        return bypassed
    }

    /// Every candidate edge of the article with its features spelled out, and the graph of its
    /// entities and affiliations: what training learns from.
    package func trainingCandidates(from analysis: ArticleAnalysis)
        -> (graph: Graph, candidates: [(source: String, relation: RelationType, target: String, occurrences: [(sentence: Int, features: [String])])])
    {
        var builder = GraphBuilder(analysis: analysis, words: words)
        var cutSentences = 0
        let candidates = findCandidates(in: analysis, builder: &builder, recordingNames: true, cutSentences: &cutSentences)
        let graph = builder.graph
        let ids = graph.entities.map(\.id)
        var places = [[(sentence: Int, features: [String])]](repeating: [], count: candidates.candidates.count)
        let names = candidates.features.names ?? []
        for occurrence in candidates.occurrences {
            let shared = names[candidates.candidates[occurrence.candidate].shared]
            places[occurrence.candidate].append((occurrence.sentence, Array(names[occurrence.features] + shared)))
        }
        let list = candidates.order.enumerated().map { position, key in
            (ids[Int(key.source)], candidates.relation(of: key), ids[Int(key.target)], places[position])
        }
        return (graph, list)
    }

    func findCandidates(in analysis: ArticleAnalysis, builder: inout GraphBuilder, recordingNames: Bool,
                        cutSentences: inout Int, sharesPairFeatures: Bool = true) -> Candidates
    {
        builder.findAffiliations()
        var candidates = Candidates(recordingNames: recordingNames)
        let known = AffiliationFinder(analysis: analysis, words: words, relationWords: relationWords, officeHolders: officeHolders,
                                      modelWordParts: recordingNames ? nil : modelWordParts)
            .find(rules: builder.ruleAffiliations, into: &candidates)
        for (edge, sentence, _) in builder.ruleAffiliations { candidates.addRuleEdge(edge, sentence: sentence) }
        let affiliated = AffiliationIndex(entityCount: analysis.entities.count, pairs: builder.affiliatedPairs.union(known))
        var finder = finder(for: analysis)
        finder.sharesPairFeatures = sharesPairFeatures
        cutSentences = finder.find(affiliated: affiliated, into: &candidates)
        return candidates
    }

    private func finder(for analysis: ArticleAnalysis) -> CandidateFinder {
        CandidateFinder(analysis: analysis, cues: cues, triggerCues: triggerCues, cueMatcher: cueMatcher,
                        markerMatcher: markerMatcher, markerKinds: markerKinds, functionMatcher: functionMatcher,
                        words: words, relationWords: relationWords, modelWordParts: modelWordParts)
    }

    /// The relations the candidates are built for.
    static let judgedRelations: [RelationType] = [.sanctioned, .metWith, .criticized]

    /// The relations every article's candidates start with (the judged ones, then affiliation),
    /// and whether each is symmetric: asked once, not of the relation table (by name) for every
    /// article and sentence.
    static let startingRelations: [RelationType] = judgedRelations + [.affiliatedWith]
    static let startingSymmetry: [Bool] = startingRelations.map(\.isSymmetric)

    /// Relations whose rule-found edges stand even when the scorer doubts them: a sanction or
    /// criticism stated with its cue's roles filled ("X sanctioned Y", "Y was condemned by X",
    /// "X and Y blamed each other"), a person tied to a body or country by a title or an owner
    /// ("Chinese Foreign Minister Wang Yi", "the country's foreign minister, Ana Rojas"): the plain
    /// statements an analyst checks first always come out, however many the article holds.
    /// Cross-validated on train + dev (`Scripts/train_relations.py --keep-rules`, which counts
    /// them as this extractor does), keeping them changes F1 by under a point: criticized gains
    /// (mission 0.478 to 0.481), sanctioned keeps its F1 at lower precision (0.588 to 0.569),
    /// affiliated_with moves by 0.001. Rule meetings are left to the scorer: kept, they cost
    /// met_with two points.
    static let ruleEdgesKept: Set<RelationType> = [.sanctioned, .criticized, .affiliatedWith]
}

/// A cue the scorer reads, with the index of the curated cue the rules read, if any.
struct TriggerCue: Sendable {
    var phrase: FeaturePart
    var relation: RelationType
    /// The curated cue's pattern, or CAMEO's code ("cameo-111").
    var kind: FeaturePart
    var curated: Int?

    init(phrase: String, relation: RelationType, kind: String, curated: Int?) {
        self.init(phrase: FeaturePart(phrase), relation: relation, kind: FeaturePart(kind), curated: curated)
    }

    init(phrase: FeaturePart, relation: RelationType, kind: FeaturePart, curated: Int?) {
        self.phrase = phrase
        self.relation = relation
        self.kind = kind
        self.curated = curated
    }
}

/// The affiliations of one article's entities, for asking whether two entities are tied
/// directly or belong to one side (one body or country above both) without hashing pairs.
struct AffiliationIndex {
    /// Per entity, the entities it is directly affiliated with.
    private var direct: [[Int]]
    /// Per entity, a bit for itself and each body or country above it (entities past the 64th
    /// have no bit: an article that long is rare, and they are only never "one side").
    private var above: [UInt64]

    /// How many entities the search for what stands above an entity visits at most: a long chain
    /// of affiliations would make the searches take time with the square of its length.
    static let maximumReach = 256

    init(entityCount: Int, pairs: some Sequence<[Int]>) {
        direct = Array(repeating: [], count: entityCount)
        for pair in pairs where pair[0] < entityCount && pair[1] < entityCount && !direct[pair[0]].contains(pair[1]) {
            direct[pair[0]].append(pair[1])
        }
        above = Array(repeating: 0, count: entityCount)
        // The entities a search has seen are marked with the entity it started from: no set is
        // made per entity, and the buffers serve every search.
        var seenFrom = [Int](repeating: -1, count: entityCount)
        var todo: [Int] = []
        for entity in 0..<entityCount {
            var mask: UInt64 = 0
            seenFrom[entity] = entity
            var seen = 1
            todo.append(entity)
            while let next = todo.popLast() {
                if next < 64 { mask |= 1 << UInt64(next) }
                for up in direct[next] where seen < AffiliationIndex.maximumReach && seenFrom[up] != entity {
                    seenFrom[up] = entity
                    seen += 1
                    todo.append(up)
                }
            }
            above[entity] = mask
        }
    }

    func ties(_ first: Int, _ second: Int) -> Bool {
        direct[first].contains(second) || direct[second].contains(first)
    }

    func sameSide(_ first: Int, _ second: Int) -> Bool {
        above[first] & above[second] != 0
    }

    /// Whether two entities stand together: tied to each other, or under one body or country.
    func allied(_ first: Int, _ second: Int) -> Bool {
        ties(first, second) || sameSide(first, second)
    }

    /// Whether the entity is tied to any body or country.
    func hasAffiliation(_ entity: Int) -> Bool {
        !direct[entity].isEmpty
    }
}

/// Why a candidate was made, spelled out only for the edges that are kept.
enum Rationale {
    case cue(FeaturePart)
    case carriedCue(FeaturePart)
    case listed(RelationType)
    case profile(RelationType)
    case near(source: Int, target: Int)
    case office(person: Int, target: Int)
    case knownCountry(body: Int, country: String)
    case delegation
    case meetingEvent
    case sanctionEvent
    case text(String)

    func text(_ entities: [ArticleEntity]) -> String {
        switch self {
        case .cue(let phrase): concatenated("cue '", phrase.name, "' in the sentence")
        case .carriedCue(let phrase): concatenated("cue '", phrase.name, "', its source named in an earlier sentence")
        case .listed(let relation): concatenated("listed after a '", relation.rawValue, "' cue")
        case .profile(let relation): concatenated("the article's '", relation.rawValue, "' source and target")
        case .near(let source, let target): concatenated("'", entities[target].name, "' named near '", entities[source].name, "'")
        case .office(let person, let target): concatenated("'", entities[person].name, "' held office in '", entities[target].name, "'")
        case .knownCountry(let body, let country): concatenated("'", entities[body].name, "' belongs to '", country, "'")
        case .delegation: "members of delegations named in the article"
        case .meetingEvent: "participants of one meeting named in the article"
        case .sanctionEvent: "a target listed after a sanction named in the article"
        case .text(let text): text
        }
    }
}

/// The candidate edges of one article. Each is seen in one or more places (occurrences), each
/// with its own features, and has features of the pair in the whole article; the model scores
/// each place, and the edge holds if any place states it (the places' probabilities combine by
/// noisy-or).
///
/// Every feature of the article lives in one buffer (`features`) and occurrences are ranges of
/// it: an article makes a few hundred places, and an array each would be as many allocations.
struct Candidates {
    struct Key: Hashable {
        var source: Int32
        var target: Int32
        /// An index into `relations`: hashing an integer, not the relation's name.
        var relation: Int32
    }

    struct Occurrence {
        var candidate: Int
        var features: Range<Int>
        var sentence: Int
        var rationale: Rationale
        /// The place's construction states the edge whatever the model's score: the guidelines
        /// define it so ("each named member has met_with each named member of the other side").
        var isStated = false
    }

    struct Candidate {
        /// Features of the pair in the whole article, which every occurrence adds.
        var shared: Range<Int> = 0..<0
        /// The sentences where the rules found the edge, in text order, with their rationales.
        var ruleEvidence: [(sentence: Int, rationale: String)] = []
        /// The sentence where the rules found the edge first.
        var ruleSentence: Int? { ruleEvidence.first?.sentence }
    }

    /// Each key's place in `candidates`, found through `slots`.
    private var index = CandidateIndex()
    /// The candidates in the order first seen, so the graph's edges come in text order.
    private(set) var candidates: [Candidate] = []
    /// The key of each candidate.
    private(set) var order: [Key] = []
    private(set) var occurrences: [Occurrence] = []
    private(set) var features: FeatureSet
    /// The relation of each key's index: the judged relations first, in order (their index is
    /// their place in `RelationExtractor.judgedRelations`), then others as they come.
    private(set) var relations: [RelationType] = RelationExtractor.startingRelations
    /// Whether each relation of `relations` is symmetric, asked once per relation rather than of
    /// the relation table for every candidate.
    private var symmetric: [Bool] = RelationExtractor.startingSymmetry
    let recordingNames: Bool

    init(recordingNames: Bool) {
        self.recordingNames = recordingNames
        features = FeatureSet(recordingNames: recordingNames)
    }

    func relation(of key: Key) -> RelationType { relations[Int(key.relation)] }

    /// The relation looked up last, with its index and whether it is symmetric: keys come
    /// relation by relation, and comparing two different relation names costs more than the rest
    /// of making a key (the same name compares at once).
    private var lastRelation: (relation: RelationType, index: Int, isSymmetric: Bool)?

    private mutating func key(_ source: Int, _ target: Int, _ relation: RelationType) -> Key {
        let found: (index: Int, isSymmetric: Bool)
        if let last = lastRelation, last.relation == relation {
            found = (last.index, last.isSymmetric)
        } else {
            var index = relations.firstIndex(of: relation)
            if index == nil {
                relations.append(relation)
                symmetric.append(relation.isSymmetric)
                index = relations.count - 1
            }
            found = (index!, symmetric[index!])
            lastRelation = (relation, found.index, found.isSymmetric)
        }
        let (first, second) = found.isSymmetric && target < source ? (target, source) : (source, target)
        return Key(source: Int32(first), target: Int32(second), relation: Int32(found.index))
    }

    private func existingKey(_ source: Int, _ target: Int, _ relation: RelationType) -> Key? {
        let found: (index: Int, isSymmetric: Bool)
        if let last = lastRelation, last.relation == relation {
            found = (last.index, last.isSymmetric)
        } else {
            guard let index = relations.firstIndex(of: relation) else { return nil }
            found = (index, symmetric[index])
        }
        let (first, second) = found.isSymmetric && target < source ? (target, source) : (source, target)
        return Key(source: Int32(first), target: Int32(second), relation: Int32(found.index))
    }

    /// The key of the edge `source -> target` of the relation at `relationIndex` in `relations`.
    private func key(_ source: Int, _ target: Int, relationIndex: Int) -> Key {
        let (first, second) = symmetric[relationIndex] && target < source ? (target, source) : (source, target)
        return Key(source: Int32(first), target: Int32(second), relation: Int32(relationIndex))
    }

    private mutating func position(of key: Key) -> Int {
        if let found = index.position(of: key, keys: order) { return found }
        index.insert(key, position: candidates.count, keys: order)
        order.append(key)
        candidates.append(Candidate())
        return candidates.count - 1
    }

    /// A place of the edge `source -> target`. A `stated` place states the edge whatever the
    /// model says, and carries the feature `relation|stated`, which the trainer reads the same way.
    mutating func addOccurrence(source: Int, target: Int, relation: RelationType, sentence: Int, rationale: Rationale,
                                stated: Bool = false, features add: (inout FeatureSet) -> Void)
    {
        let candidate = position(of: key(source, target, relation))
        let start = features.count
        if stated { features.add(FeaturePart.relation(relation), .stated) }
        add(&features)
        occurrences.append(Occurrence(candidate: candidate, features: start..<features.count, sentence: sentence, rationale: rationale,
                                      isStated: stated))
    }

    mutating func addRuleEdge(_ edge: FoundEdge, sentence: Int) {
        let candidate = position(of: key(edge.source, edge.target, edge.type))
        if candidates[candidate].ruleEvidence.last?.sentence != sentence {
            candidates[candidate].ruleEvidence.append((sentence, edge.rationale))
        }
    }

    /// Whether the rules found the edge opposite to this one (the same relation, the other way),
    /// and not this one.
    func rulesFoundReverse(of key: Key) -> Bool {
        guard !symmetric[Int(key.relation)],
            let other = index.position(of: self.key(Int(key.target), Int(key.source), relationIndex: Int(key.relation)), keys: order)
        else { return false }
        return candidates[other].ruleSentence != nil
    }

    func contains(_ source: Int, _ target: Int, _ relation: RelationType) -> Bool {
        existingKey(source, target, relation).map { index.position(of: $0, keys: order) != nil } ?? false
    }

    /// The number of distinct sentences each candidate's occurrences stand in.
    private func sentenceCounts() -> [Int] {
        var counts = [Int](repeating: 0, count: candidates.count)
        var last = [Int](repeating: -1, count: candidates.count)
        for occurrence in occurrences where last[occurrence.candidate] != occurrence.sentence {
            // Occurrences come sentence by sentence, except the few found after the text is read.
            last[occurrence.candidate] = occurrence.sentence
            counts[occurrence.candidate] += 1
        }
        return counts
    }

    /// Features of the pair in the whole article, shared by its occurrences: ties between the
    /// two, whether the rules found the edge, how often the pair is seen, the two entities'
    /// role profiles.
    mutating func addArticleFeatures(affiliated: AffiliationIndex, profiles: RoleProfiles = RoleProfiles()) {
        var occurring = [Bool](repeating: false, count: candidates.count)
        for occurrence in occurrences { occurring[occurrence.candidate] = true }
        let sentenceCounts = sentenceCounts()
        let relationParts = relations.map { FeaturePart.relation($0) }
        for (position, key) in order.enumerated() {
            let source = Int(key.source)
            let target = Int(key.target)
            let r = relationParts[Int(key.relation)]
            if !occurring[position], let sentence = candidates[position].ruleSentence {
                // The rules found an edge no occurrence covers (an answer to an accusation).
                let start = features.count
                features.add(r, .ruleOnly)
                occurrences.append(Occurrence(candidate: position, features: start..<features.count, sentence: sentence,
                                              rationale: .text(candidates[position].ruleEvidence[0].rationale)))
            }
            let start = features.count
            if affiliated.ties(source, target) {
                features.add(r, .affiliated)
            } else if affiliated.sameSide(source, target) {
                // A minister and her country's parliament: one government, rarely at odds.
                features.add(r, .sameSide)
            }
            if candidates[position].ruleSentence != nil { features.add(r, .rule) }
            if !symmetric[Int(key.relation)],
                let other = index.position(of: self.key(target, source, relationIndex: Int(key.relation)), keys: order),
                candidates[other].ruleSentence != nil
            {
                features.add(r, .ruleReversed)
            }
            // The first relations of `relations` are the judged ones, in order.
            if Int(key.relation) < RelationExtractor.judgedRelations.count {
                let judged = Int(key.relation)
                let sourceProfile = profiles.profile(source, judged: judged)
                let targetProfile = profiles.profile(target, judged: judged)
                features.add(r, .sourceProfile, FeaturePart.bucket(sourceProfile.asSource))
                features.add(r, .targetProfile, FeaturePart.bucket(targetProfile.asTarget))
                if sourceProfile.asTarget > 0 { features.add(r, .sourceAsTarget, FeaturePart.bucket(sourceProfile.asTarget)) }
                if targetProfile.asSource > 0 { features.add(r, .targetAsSource, FeaturePart.bucket(targetProfile.asSource)) }
                if targetProfile.asListed > 0 { features.add(r, .targetListed, FeaturePart.bucket(targetProfile.asListed)) }
                if sourceProfile.asSource > 0, sourceProfile.asSource == profiles.topSource(judged: judged) { features.add(r, .sourceIsTop) }
            }
            features.add(r, .sentences, FeaturePart.bucket(sentenceCounts[position]))
            candidates[position].shared = start..<features.count
        }
    }
}

/// The places of candidate keys in an open-addressing table of positions, the keys themselves
/// kept in order by `Candidates`. An article adds hundreds of keys and asks for each several
/// times: the standard library's seeded hashing of three integers cost more than the rest of
/// the bookkeeping.
struct CandidateIndex {
    /// Positions (-1 where empty), at the slot a key's hash gives or the next free ones.
    private var slots = [Int32](repeating: -1, count: 64)
    private var count = 0

    private static func slot(of key: Candidates.Key, mask: Int) -> Int {
        var hash = UInt64(UInt32(bitPattern: key.source)) | UInt64(UInt32(bitPattern: key.target)) << 32
        hash ^= UInt64(UInt32(bitPattern: key.relation)) &* 0x9E37_79B9_7F4A_7C15
        hash = (hash ^ (hash >> 31)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
    }

    /// The position of `key`, where `keys` holds the key of each position.
    func position(of key: Candidates.Key, keys: [Candidates.Key]) -> Int? {
        let mask = slots.count - 1
        var slot = CandidateIndex.slot(of: key, mask: mask)
        while true {
            let position = slots[slot]
            if position < 0 { return nil }
            if keys[Int(position)] == key { return Int(position) }
            slot = (slot + 1) & mask
        }
    }

    /// Records a new key's position; `keys` holds the keys of the positions recorded before.
    mutating func insert(_ key: Candidates.Key, position: Int, keys: [Candidates.Key]) {
        if (count + 1) * 2 > slots.count {
            // Twice the size, every key placed again.
            slots = [Int32](repeating: -1, count: slots.count * 2)
            for (old, oldKey) in keys.enumerated() where old < count { place(oldKey, position: old) }
        }
        place(key, position: position)
        count += 1
    }

    private mutating func place(_ key: Candidates.Key, position: Int) {
        let mask = slots.count - 1
        var slot = CandidateIndex.slot(of: key, mask: mask)
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(position)
    }
}

/// An edge found in a sentence, before it becomes a relation.
struct FoundEdge {
    var source: Int
    var target: Int
    var type: RelationType
    var rationale: String
}

/// `pieces` as one string, allocated once at its final length. Every edge made carries a
/// rationale; interpolation would grow it piece by piece.
func concatenated(_ pieces: String...) -> String {
    concatenated(pieces: pieces)
}

func concatenated(pieces: [String]) -> String {
    var length = 0
    for piece in pieces { length += piece.utf8.count }
    return String(unsafeUninitializedCapacity: length) { buffer in
        var offset = 0
        for var piece in pieces {
            piece.withUTF8 { bytes in
                // One copy of the piece's bytes, not a loop over them.
                guard !bytes.isEmpty else { return }
                UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[offset..<(offset + bytes.count)])
                    .copyMemory(from: UnsafeRawBufferPointer(bytes))
                offset += bytes.count
            }
        }
        return offset
    }
}

/// Turns entity indices into graph ids and sentences into evidence.
struct GraphBuilder {
    let analysis: ArticleAnalysis
    private let words: ScanWords
    private let graphEntities: [Entity]
    private var relations: [Relation] = []
    private let ids: [String]
    /// Each sentence's start and end in Unicode scalars, computed in one pass.
    private let scalarRanges: [Range<Int>]
    /// The text of the sentence cited last: edges come sentence by sentence, and each of a
    /// sentence's edges then shares one copy.
    private var citedSentence: (index: Int, text: String)?
    /// The entity pairs the rules tie by `affiliated_with`, as [source, target].
    private(set) var affiliatedPairs: Set<[Int]> = []
    /// The affiliations the rules found, each with its sentence and the rule that found it.
    private(set) var ruleAffiliations: [(edge: FoundEdge, sentence: Int, rule: String)] = []

    init(analysis: ArticleAnalysis, words: ScanWords) {
        self.analysis = analysis
        self.words = words
        graphEntities = analysis.graphEntities()
        ids = graphEntities.map(\.id)
        scalarRanges = analysis.scalarRanges(ofSentences: analysis.sentences.map(\.bytes))
    }

    /// The graph of the entities and every relation added, made once so its indexes are sized
    /// once and not grown edge by edge.
    var graph: Graph { Graph(entities: graphEntities, relationsBetweenThem: relations) }

    mutating func add(_ edge: FoundEdge, sentence: Int) {
        guard edge.source != edge.target else { return }
        let scalars = scalarRanges[sentence]
        if citedSentence?.index != sentence {
            citedSentence = (sentence, analysis.string(bytes: analysis.sentences[sentence].bytes))
        }
        // A repeated edge is left to the graph, which merges its evidence.
        let evidence = Evidence(document: analysis.document, sentence: citedSentence!.text,
                                start: scalars.lowerBound, end: scalars.upperBound, rationale: edge.rationale)
        relations.append(Relation(source: ids[edge.source], type: edge.type, target: ids[edge.target], evidence: [evidence]))
    }

    private mutating func note(_ edge: FoundEdge, sentence: Int, rule: String) {
        guard edge.source != edge.target else { return }
        affiliatedPairs.insert([edge.source, edge.target])
        ruleAffiliations.append((edge, sentence, rule))
    }

    /// Titles and owners tie people to bodies and bodies to countries: the rules' affiliations,
    /// noted for the scorer to judge.
    mutating func findAffiliations() {
        let entities = analysis.entities
        let mentions = analysis.mentions
        let sentences = analysis.sentences
        var titleBodies = TitleBodies(analysis: analysis)
        var sentence = 0
        // Fields are read one by one: copying a mention would retain its title strings.
        for mentionIndex in mentions.indices where mentions[mentionIndex].kind == .name {
            let tokens = mentions[mentionIndex].tokens
            let entity = mentions[mentionIndex].entity
            let owner = mentions[mentionIndex].owner
            // Mentions are in text order, so their sentence only moves forward.
            while sentence < sentences.count && sentences[sentence].tokens.upperBound <= tokens.lowerBound { sentence += 1 }
            guard sentence < sentences.count, sentences[sentence].tokens.contains(tokens.lowerBound) else { continue }
            // The type alone: copying the entity would retain all its names.
            let type = entities[entity].type
            if type == .person {
                if let body = titleBodies.body(of: mentionIndex, sentence: sentences[sentence].tokens) {
                    note(FoundEdge(source: entity, target: body, type: .affiliatedWith,
                                  rationale: concatenated("title '", mentions[mentionIndex].title ?? "", "' names a body in the article")), sentence: sentence, rule: "title")
                } else if let owner {
                    note(FoundEdge(source: entity, target: owner, type: .affiliatedWith,
                                  rationale: concatenated("'", entities[owner].name, "' stands before the person's title")), sentence: sentence, rule: "owner")
                }
                if let body = mentions[mentionIndex].appositionBody {
                    note(FoundEdge(source: entity, target: body, type: .affiliatedWith,
                                  rationale: concatenated("an apposition names the person's role in '", entities[body].name, "'")), sentence: sentence, rule: "apposition")
                }
            } else if type == .organization, let leader = partyHolder(of: tokens) {
                note(FoundEdge(source: leader, target: entity, type: .affiliatedWith,
                              rationale: concatenated("'", entities[leader].name, "'s' names the person's party")), sentence: sentence, rule: "party")
            } else if owner == nil, type == .agency || type == .organization,
                let whole = wholeBody(of: entity, after: tokens, sentence: sentence)
            {
                note(FoundEdge(source: entity, target: whole, type: .affiliatedWith,
                              rationale: concatenated("'", entities[entity].name, "' is stated to be part of '", entities[whole].name, "'")), sentence: sentence, rule: "part")
            } else if let owner, type == .agency || type == .organization,
                entities[owner].type == .country || entities[owner].type == .agency
            {
                note(FoundEdge(source: entity, target: owner, type: .affiliatedWith,
                              rationale: concatenated("'", analysis.string(mentions[mentionIndex].phrase), "' names its owner")), sentence: sentence, rule: "body-owner")
            }
        }
        sentence = 0
        for (mention, part, whole) in BodyWithinName(analysis: analysis, words: words).parts() {
            let start = mentions[mention].tokens.lowerBound
            while sentence < sentences.count && sentences[sentence].tokens.upperBound <= start { sentence += 1 }
            guard sentence < sentences.count else { break }
            note(FoundEdge(source: part, target: whole, type: .affiliatedWith,
                          rationale: concatenated("'", entities[part].name, "' is named within '", entities[whole].name, "'")),
                 sentence: sentence, rule: "within-name")
        }
    }

    /// "X, a unit of Y", "X is one of the oldest parts of Y": the body X belongs to.
    private func wholeBody(of part: Int, after name: Range<Int>, sentence: Int) -> Int? {
        let end = analysis.sentences[sentence].tokens.upperBound
        var token = name.upperBound
        guard token < end else { return nil }
        if isWord(token, words.comma) {
            token += 1
            guard token < end else { return nil }
        }
        if isWord(token, words.copulas) {
            token += 1
            guard token < end else { return nil }
        }
        // The phrase opens with a determiner or the part noun itself: "a unit of", "one of the parts of", "part of".
        guard isWord(token, words.partOpeners) || isWord(token, words.partNouns) else { return nil }
        var skipped = 0
        while token < end, skipped < 6, analysis.tokens[token].kind == .word, !analysis.tokens[token].isCapitalized,
            !isWord(token, words.partNouns)
        {
            token += 1
            skipped += 1
        }
        guard token + 1 < end, isWord(token, words.partNouns), isWord(token + 1, words.of) else { return nil }
        var start = token + 2
        if start < end, isWord(start, words.the) { start += 1 }
        guard let whole = analysis.mentions(startingIn: start..<min(end, start + 40)).first(where: { $0.phrase.lowerBound == start && $0.kind == .name }),
            whole.entity != part,
            analysis.entities[whole.entity].type == .agency || analysis.entities[whole.entity].type == .organization
        else { return nil }
        return whole.entity
    }

    /// "Mansour's ADP party", "Lopez's Socialist Party": the person whose party it is.
    private func partyHolder(of name: Range<Int>) -> Int? {
        let start = name.lowerBound
        let end = name.upperBound
        guard start >= 2, isWord(start - 1, words.possessive) else { return nil }
        let isParty = (end < analysis.tokens.count && isWord(end, words.party)) || isWord(end - 1, words.party)
        guard isParty,
            let holder = analysis.mentions(startingIn: max(0, start - 12)..<start).first(where: { $0.tokens.upperBound == start - 1 && $0.kind == .name }),
            analysis.entities[holder.entity].type == .person
        else { return nil }
        return holder.entity
    }

    private func isWord(_ token: Int, _ set: WordSet) -> Bool { analysis.token(token, isIn: set) }
}

/// The body a person's title points to, when the article names it: "Secretary of State" → State
/// Department; "Foreign Minister" with "South Korean" → the South Korean foreign ministry.
///
/// What every title needs is read from the article once (lexicon names, the generic agencies and
/// their names, each body's country), and each answer kept by title and country: asked of every
/// titled person, a scan of all the entities would take time with the square of their number.
struct TitleBodies {
    let analysis: ArticleAnalysis
    /// The tables below are made the first time a title names a body (`build()`).
    private var isBuilt = false
    /// The first entity with each lexicon name.
    private var lexiconEntities: [String: Int] = [:]
    /// Agencies the lexicon does not know, in entity order, with their name and aliases lowercased
    /// (and "defence" spelled "defense").
    private var genericAgencies: [(entity: Int, name: String, aliases: [String])] = []
    /// Per entity, the country that owns its first mention with a country owner.
    private var countries: [String?] = []
    private var answers: [String: Int?] = [:]

    init(analysis: ArticleAnalysis) {
        self.analysis = analysis
    }

    private mutating func build() {
        isBuilt = true
        let entities = analysis.entities
        var lexiconEntities = [String: Int](minimumCapacity: entities.count)
        var genericAgencies: [(entity: Int, name: String, aliases: [String])] = []
        // A body's shared key answers a title written the other way round: "Foreign Minister" names
        // the "Ministry of Foreign Affairs" (key "foreign ministry").
        // Only an agency no lexicon names reads its key, so an article without one computes none.
        let sharedKeys = entities.contains { $0.lexiconName == nil && $0.type == .agency }
            ? analysis.sharedBodyKeys() : []
        for (index, entity) in entities.enumerated() {
            if let name = entity.lexiconName {
                if lexiconEntities[name] == nil { lexiconEntities[name] = index }
            } else if entity.type == .agency {
                var aliases = entity.aliases.map { $0.lowercased().replacingOccurrencesOfDefence() }
                if let key = sharedKeys[index] { aliases.append(key.replacingOccurrencesOfDefence()) }
                genericAgencies.append((index, entity.name.lowercased().replacingOccurrencesOfDefence(), aliases))
            }
        }
        var countries = [String?](repeating: nil, count: entities.count)
        for mention in analysis.mentions where countries[mention.entity] == nil {
            if let owner = mention.owner, entities[owner].type == .country { countries[mention.entity] = entities[owner].name }
        }
        self.lexiconEntities = lexiconEntities
        self.genericAgencies = genericAgencies
        self.countries = countries
    }

    /// The body the title of the mention at `mentionIndex` names, in `sentence`. A title that
    /// names no country ("Foreign Minister X") in an article with several bodies of its kind (China's
    /// and Iran's foreign ministries) takes the one whose country the sentence names ("Iran decried
    /// the move, with Foreign Minister X saying …"), and none when the sentence names none or
    /// several: the first of them would tie the minister to another country's ministry.
    mutating func body(of mentionIndex: Int, sentence: Range<Int>) -> Int? {
        let owner = analysis.mentions[mentionIndex].owner
        guard let target = analysis.mentions[mentionIndex].titleTarget else {
            if let owner { return analysis.entities[owner].type == .country ? nil : owner }
            return nil
        }
        if !isBuilt { build() }
        guard target.hasPrefix("~") else { return lexiconEntities[target] }
        let ownerCountry = owner.map { analysis.entities[$0].name }
        let key = ownerCountry.map { target + "\u{0}" + $0 } ?? target
        if let known = answers[key] { return known }
        let head = target.dropFirst().lowercased().replacingOccurrencesOfDefence()
        let matching = genericAgencies.filter { agency in
            guard agency.name.hasSuffix(head) || agency.aliases.contains(head) else { return false }
            return ownerCountry == nil || agency.name.hasPrefix(ownerCountry!.lowercased()) || countries[agency.entity] == ownerCountry
        }
        if ownerCountry == nil, Set(matching.map { countries[$0.entity] }).count > 1 {
            // Not cached: the answer depends on the sentence.
            let entities = analysis.entities
            var named = Set<String>()
            for mention in analysis.mentions where sentence.contains(mention.tokens.lowerBound) && entities[mention.entity].type == .country {
                named.insert(entities[mention.entity].name)
            }
            let fitting = matching.filter { countries[$0.entity].map(named.contains) ?? false }
            return fitting.count == 1 ? fitting[0].entity : nil
        }
        let found = matching.first?.entity
        answers[key] = found
        return found
    }
}
