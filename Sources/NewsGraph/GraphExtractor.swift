/// The whole pipeline from article text to graph: recognizer, then relation extractor.
///
/// Loading the lexicons costs a few milliseconds; make one extractor and reuse it. It is a value
/// type with no shared state, so one instance can serve many threads.
public struct GraphExtractor: Sendable {
    package let recognizer: EntityRecognizer
    package let relations: RelationExtractor

    /// The shipped lexicons plus the user's entity lexicon files and cue files.
    public init(lexiconFiles: [String] = [], cueFiles: [String] = []) throws(NewsGraphError) {
        try self.init(lexiconFiles: lexiconFiles, cueFiles: cueFiles, lexiconCache: nil)
    }

    /// The same extractor, with the shipped lexicon's tables kept in `lexiconCache` between runs
    /// (`LexiconCache`): the command-line tool starts a process per command, and building the
    /// tables is most of a short command's work.
    package init(lexiconFiles: [String], cueFiles: [String], lexiconCache: LexiconCache?) throws(NewsGraphError) {
        do {
            var lexicon = try Lexicon.bundled(adding: lexiconFiles, cache: lexiconCache)
            let cues = try CueLexicon.bundled(adding: cueFiles, cache: lexiconCache)
            relations = RelationExtractor(cues: cues, lexicon: &lexicon)
            recognizer = EntityRecognizer(lexicon: lexicon)
        } catch {
            throw .lexicon(error)
        }
    }

    package func analyze(_ article: Article) -> ArticleAnalysis {
        recognizer.analyze(article.text, document: article.document)
    }

    /// The article's graph, each piece of evidence dated with the article's publication day.
    public func graph(of article: Article) -> Graph {
        extraction(of: article, dated: article.date).graph
    }

    /// The article's graph, and a warning when some of the article was read in part: sentences
    /// longer than `EntityRecognizer.maximumSentenceTokens`, or sentences so dense with names and
    /// cues that only their nearest pairs of names were read. Nil for nearly every article.
    public func extraction(of article: Article) -> (graph: Graph, warning: InputProblem?) {
        extraction(of: article, dated: article.date)
    }

    /// The article's graph with its evidence dated `date`, for a caller that knows the date already.
    func extraction(of article: Article, dated date: String?) -> (graph: Graph, warning: InputProblem?) {
        var (graph, warning) = extraction(of: analyze(article), article: article)
        graph.date(date)
        return (graph, warning)
    }

    /// The article's graph ready for a store: dated, with what the recognizer knows of its bodies
    /// (see `BodyIdentity`), and the warning `extraction(of:)` gives.
    package func storable(_ article: Article, record: ArticleRecord) -> (graph: ArticleGraph, warning: InputProblem?) {
        let analysis = analyze(article)
        var (graph, warning) = extraction(of: analysis, article: article)
        graph.date(record.date)
        return (ArticleGraph(graph, article: record, bodies: GraphExtractor.bodyIdentities(of: analysis, in: graph)), warning)
    }

    /// Per body of the graph, the lexicon's name for it, the key of a name many states' bodies
    /// share, and the country the article's words tie it to. The graph's entities are the analysis's, in its order (`graphEntities()`).
    static func bodyIdentities(of analysis: ArticleAnalysis, in graph: Graph) -> [String: BodyIdentity] {
        guard graph.entities.count == analysis.entities.count else { return [:] }
        let countries = analysis.statedCountries()
        let keys = analysis.sharedBodyKeys()
        let generic = analysis.genericLexiconBodies()
        var bodies: [String: BodyIdentity] = [:]
        for (index, entity) in graph.entities.enumerated() where entity.type == .agency || entity.type == .organization {
            let found = analysis.entities[index]
            guard found.name == entity.name else { return [:] }
            // A lexicon body of a name many states' bodies bear ("Senate") is one across articles
            // as a shared name is: by its key and the country its article's evidence gives it.
            if let (key, country) = generic[index] {
                let home = country == found.knownCountry
                bodies[entity.id] = BodyIdentity(sharedKey: key, country: home ? country : nil, articleCountry: home ? nil : country)
                continue
            }
            bodies[entity.id] = BodyIdentity(lexiconName: found.lexiconName, sharedKey: keys[index], country: countries[index])
        }
        return bodies
    }

    package func graph(of analysis: ArticleAnalysis) -> Graph {
        relations.extract(from: analysis)
    }

    /// The graph of the article's analysis (undated), with the warning `extraction(of:)` gives.
    package func extraction(of analysis: ArticleAnalysis, article: Article) -> (graph: Graph, warning: InputProblem?) {
        var cutSentences = 0
        let graph = relations.extract(from: analysis, cutSentences: &cutSentences)
        var parts: [String] = []
        if analysis.longSentences > 0 {
            parts.append(analysis.longSentences == 1
                ? "a sentence longer than \(EntityRecognizer.maximumSentenceTokens) words and marks was read in parts"
                : "\(analysis.longSentences) sentences longer than \(EntityRecognizer.maximumSentenceTokens) words and marks were read in parts")
        }
        if cutSentences > 0 {
            parts.append(cutSentences == 1
                ? "a sentence dense with names and cues was read for its nearest pairs of names only"
                : "\(cutSentences) sentences dense with names and cues were read for their nearest pairs of names only")
        }
        guard !parts.isEmpty else { return (graph, nil) }
        return (graph, InputProblem(path: article.path, line: nil, reason: parts.joined(separator: "; ") + " (edges may be missing)",
                                    isWarning: true))
    }
}
