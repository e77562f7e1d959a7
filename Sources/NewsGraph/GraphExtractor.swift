/// The whole pipeline from article text to graph: recognizer, then relation extractor.
///
/// Loading the lexicons costs a few milliseconds; make one extractor and reuse it. It is a value
/// type with no shared state, so one instance can serve many threads.
public struct GraphExtractor: Sendable {
    public let recognizer: EntityRecognizer
    public let relations: RelationExtractor

    /// The shipped lexicons plus the user's entity lexicon files and cue files.
    public init(lexiconFiles: [String] = [], cueFiles: [String] = []) throws(NewsGraphError) {
        do {
            var lexicon = try Lexicon.bundled(adding: lexiconFiles)
            let cues = try CueLexicon.bundled(adding: cueFiles)
            relations = RelationExtractor(cues: cues, lexicon: &lexicon)
            recognizer = EntityRecognizer(lexicon: lexicon)
        } catch {
            throw .lexicon(error)
        }
    }

    public func analyze(_ article: Article) -> ArticleAnalysis {
        recognizer.analyze(article.text, document: article.document)
    }

    /// The article's graph, each piece of evidence dated with the article's publication day.
    public func graph(of article: Article) -> Graph {
        graph(of: article, dated: article.date)
    }

    /// The article's graph with its evidence dated `date`, for a caller that knows the date already.
    func graph(of article: Article, dated date: String?) -> Graph {
        var graph = relations.extract(from: analyze(article))
        graph.date(date)
        return graph
    }

    public func graph(of analysis: ArticleAnalysis) -> Graph {
        relations.extract(from: analysis)
    }
}
