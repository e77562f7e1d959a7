import EntityRecognition

/// The quotations of an article that run over several sentences: "\"Russia is to blame. Its
/// leaders lied. They must pay,\" Smith said." The middle sentence holds no quote mark, yet
/// Smith says it, and whom it accuses he accuses.
///
/// A quotation is opened by a sentence with an odd number of quote marks and closed by the next
/// one with an odd number, in the same paragraph and within `maximumSentences`: news closes its
/// quotations, and a mark left open (a typo, a quotation cut by the article's end or carried to
/// the next paragraph) must not make the rest of the article speech.
struct QuotationSpans {
    /// The sentences that open and close one quotation.
    struct Span: Equatable {
        var opening: Int
        var closing: Int
    }

    /// The longest quotation read, in sentences from its opening to its closing one. The
    /// training articles' quotations run over at most five.
    static let maximumSentences = 6

    /// Per sentence, the quotation over several sentences it opens, closes or lies inside (nil for
    /// the rest).
    private(set) var spans: [Span?]
    /// Per sentence, whether it lies inside such a quotation with no quote mark of its own.
    private(set) var isInside: [Bool]
    /// Per sentence, whether it holds a quote mark: the article's marks are counted once, here.
    private(set) var hasQuoteMarks: [Bool]

    init(_ analysis: ArticleAnalysis) {
        let marks = analysis.sentences.map { sentence in sentence.tokens.count { analysis.tokens[$0].isQuoteMark } }
        hasQuoteMarks = marks.map { $0 > 0 }
        spans = Array(repeating: nil, count: marks.count)
        isInside = Array(repeating: false, count: marks.count)
        var opening: Int?
        for (index, sentence) in analysis.sentences.enumerated() {
            if let start = opening,
                index - start >= QuotationSpans.maximumSentences || QuotationSpans.startsParagraph(sentence, in: analysis)
            {
                opening = nil
            }
            guard marks[index] % 2 == 1 else { continue }
            if let start = opening {
                // Two sentences in a row are one quote around a sentence break, which the
                // sentences read by themselves already.
                if index - start >= 2 {
                    for sentence in start...index { spans[sentence] = Span(opening: start, closing: index) }
                    for middle in (start + 1)..<index { isInside[middle] = marks[middle] == 0 }
                }
                opening = nil
            } else {
                opening = index
            }
        }
    }

    private static func startsParagraph(_ sentence: Sentence, in analysis: ArticleAnalysis) -> Bool {
        guard let first = sentence.tokens.first else { return false }
        return analysis.tokens[first].shape.contains(.paragraphStart)
    }
}

extension Token {
    /// A quotation mark (the tokenizer writes curly quotes as `"`).
    var isQuoteMark: Bool { kind == .punctuation && mark == UInt8(ascii: "\"") }
}
