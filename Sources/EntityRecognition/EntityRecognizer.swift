import KnowledgeGraph

/// Finds the people, agencies, countries and organizations an article names, and merges every
/// way the article names one actor into one entity.
package struct EntityRecognizer: Sendable {
    package let lexicon: Lexicon

    package init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// Sentences longer than this many tokens are read in parts of at most this many, cut after a
    /// comma or semicolon where one is near the limit: the work on a sentence grows faster than
    /// its length, so a part's length bounds the time per token of any text. The longest sentence
    /// of the 446 articles of the evaluation corpora has 196 tokens.
    package static let maximumSentenceTokens = 400

    package func analyze(_ text: [UInt8], document: String) -> ArticleAnalysis {
        var tokens = lexicon.tokenizer.tokenize(text)
        ArticleLayout.keepContent(of: &tokens, text: text, lexicon: lexicon)
        let (sentences, longSentences) = ArticleLayout.sentences(tokens, text: text, lexicon: lexicon,
                                                                 maximumTokens: EntityRecognizer.maximumSentenceTokens)
        let builder = MentionBuilder(lexicon: lexicon, text: text, tokens: tokens)
        // Title-case lines (headlines) come last: there capitals prove nothing, so they only
        // name what the body of the article names.
        for sentence in sentences where !sentence.isTitleCase { builder.scan(sentence) }
        for sentence in sentences where sentence.isTitleCase { builder.scan(sentence) }
        builder.readPartyShortNames()
        var resolver = EntityResolver(keys: lexicon.keys)
        let (mentions, entities) = resolver.resolve(builder.candidates, sentences: sentences.map(\.tokens))
        return ArticleAnalysis(document: document, text: text, tokens: tokens, sentences: sentences,
                               mentions: mentions, entities: entities, longSentences: longSentences,
                               words: lexicon.vocabulary.words, wordClasses: lexicon.wordClasses, genericForms: lexicon.genericForms)
    }
}

/// Drops site boilerplate and datelines, and splits the rest into sentences.
enum ArticleLayout {
    /// Removes boilerplate lines and datelines, in place: most lines stay, and each token moves
    /// at most once.
    static func keepContent(of tokens: inout [Token], text: [UInt8], lexicon: Lexicon) {
        let kept = tokens.withUnsafeMutableBufferPointer { tokens -> Int in
            var kept = 0
            var lineStart = 0
            while lineStart < tokens.count {
                var lineEnd = lineStart + 1
                while lineEnd < tokens.count && !tokens[lineEnd].shape.contains(.lineStart) { lineEnd += 1 }
                // The line is read in full before any of it is written back, at or before its start.
                if !isBoilerplate(tokens[lineStart..<lineEnd], text: text, lexicon: lexicon) {
                    var first = lineStart
                    // A dateline: "WASHINGTON —", "LAGOS, Nigeria —", "BEIJING (Reuters) -".
                    if tokens[first].isAllCaps, first + 1 < lineEnd, tokens[first + 1].kind == .punctuation,
                        tokens[first + 1].mark == UInt8(ascii: "-") || tokens[first + 1].mark == UInt8(ascii: ",")
                            || tokens[first + 1].mark == UInt8(ascii: "(")
                    {
                        first += 1
                        if tokens[first].isMark(",") { first += 1 }
                        // "BEIJING (Newswire) —": the credit in parentheses is part of the dateline.
                        if first < lineEnd, tokens[first].isMark("("),
                            let close = (first..<min(first + 5, lineEnd)).first(where: { tokens[$0].isMark(")") })
                        {
                            first = close + 1
                            if first < lineEnd, tokens[first].isMark("-") { first += 1 }
                        } else if first < lineEnd, tokens[first].isMark("-") {
                            first += 1
                        }
                    }
                    if first < lineEnd {
                        tokens[kept] = tokens[first]
                        tokens[kept].shape.insert(.lineStart)
                        kept += 1
                        for index in (first + 1)..<lineEnd {
                            tokens[kept] = tokens[index]
                            kept += 1
                        }
                    }
                }
                lineStart = lineEnd
            }
            return kept
        }
        tokens.removeLast(tokens.count - kept)
    }

    /// "•" (U+2022), which the tokenizer keeps as a token of its own.
    private static func isBullet(_ token: Token, text: [UInt8]) -> Bool {
        token.end - token.start == 3 && text[Int(token.start)] == 0xE2
            && text[Int(token.start) + 1] == 0x80 && text[Int(token.start) + 2] == 0xA2
    }

    private static func isBoilerplate(_ line: Slice<UnsafeMutableBufferPointer<Token>>, text: [UInt8], lexicon: Lexicon) -> Bool {
        guard let first = line.first, let last = line.last else { return true }
        let start = Int(first.start)
        if lexicon.isBoilerplate(text, start, Int(last.end)) { return true }
        // "• UCAN China", "• Trending": a bullet before one or two capitalized words is a site's menu
        // ("• Treasury Secretary Steven Mnuchin" is a list of the article).
        if isBullet(first, text: text), line.count <= 4,
            line.dropFirst().allSatisfy({ $0.kind != .word || $0.isCapitalized || $0.isAllCaps || $0.end - $0.start <= 1 })
        {
            return true
        }
        // Shouted lines ("SENATE PANEL WEIGHS NEW ...") are related-headline teasers.
        // At least 80% of its words in capitals: four capital words for each other one.
        var words = 0
        var capitalWords = 0
        var chromeWords = 0
        var remaining = line.count
        var shouted = true
        for token in line {
            remaining -= 1
            guard token.kind == .word && token.end - token.start > 1 else { continue }
            words += 1
            if token.isAllCaps { capitalWords += 1 }
            if token.isCapitalized && lexicon.classes(of: token.id).contains(.siteChrome) { chromeWords += 1 }
            // Prose gives up early: even all the tokens left could not make up the capitals.
            if shouted && (words - capitalWords) * 4 > capitalWords + remaining { shouted = false }
            if !shouted && chromeWords == 0 && words > 12 { return false }
        }
        // A row of share buttons and icons ("Facebook Twitter Mail Print"): one word in four or more.
        if chromeWords >= 4 && chromeWords * 4 >= words { return true }
        return shouted && words >= 3 && capitalWords * 10 >= words * 8
    }

    /// The sentences, and how many were longer than `maximumTokens` and cut into parts.
    static func sentences(_ tokens: [Token], text: [UInt8], lexicon: Lexicon, maximumTokens: Int) -> ([Sentence], Int) {
        var sentences: [Sentence] = []
        var longSentences = 0
        // Whether the sentence being read was cut already.
        var cut = false
        // News sentences run twenty-odd tokens: one allocation for nearly every article.
        sentences.reserveCapacity(tokens.count / 16 + 4)
        var start = 0
        func close(_ end: Int) {
            cut = false
            guard end > start else { return }
            sentences.append(Sentence(tokens: start..<end,
                                      bytes: Int(tokens[start].start)..<Int(tokens[end - 1].end),
                                      isTitleCase: isTitleCase(tokens[start..<end], lexicon: lexicon)))
            start = end
        }
        var index = 0
        while index < tokens.count {
            if index - start >= maximumTokens {
                // Cut after the last comma or semicolon of the part's second half, else at the limit.
                let comma = (start + maximumTokens / 2..<index).last { tokens[$0].isMark(",") || tokens[$0].isMark(";") }
                let end = comma.map { $0 + 1 } ?? index
                if !cut { longSentences += 1 }
                close(end)
                cut = true
                continue
            }
            let token = tokens[index]
            if index > start && token.shape.contains(.lineStart) {
                close(index)
                continue
            }
            if token.kind == .punctuation && (token.mark == UInt8(ascii: ".") || token.mark == UInt8(ascii: "!")
                || token.mark == UInt8(ascii: "?"))
            {
                var end = index + 1
                while end < tokens.count, tokens[end].kind == .punctuation, !tokens[end].shape.contains(.spaceBefore),
                    tokens[end].mark == UInt8(ascii: "\"") || tokens[end].mark == UInt8(ascii: "'")
                        || tokens[end].mark == UInt8(ascii: ")")
                {
                    end += 1
                }
                if end >= tokens.count || startsSentence(tokens[end]) {
                    close(end)
                    index = end
                    continue
                }
            } else if token.kind == .word, text[Int(token.end) - 1] == UInt8(ascii: "."), index + 1 < tokens.count,
                tokens[index + 1].shape.contains(.spaceBefore), tokens[index + 1].isCapitalized,
                lexicon.classes(of: tokens[index + 1].id).contains(.nonEntity)
            {
                // "... with the U.S. The talks ..." ends a sentence on an abbreviation's period.
                close(index + 1)
            }
            index += 1
        }
        close(tokens.count)
        return (sentences, longSentences)
    }

    private static func startsSentence(_ token: Token) -> Bool {
        guard token.shape.contains(.spaceBefore) || token.shape.contains(.lineStart) else { return false }
        switch token.kind {
        case .word: return token.isCapitalized
        case .number: return true
        case .punctuation: return token.mark == UInt8(ascii: "\"") || token.mark == UInt8(ascii: "'") || token.mark == UInt8(ascii: "(")
        }
    }

    /// A headline in title case: no sentence-final period, and no lowercase word but the short
    /// function words headlines keep lowercase ("to", "by", "with").
    private static func isTitleCase(_ tokens: ArraySlice<Token>, lexicon: Lexicon) -> Bool {
        guard let last = tokens.last, !last.isMark(".") else { return false }
        var capitalized = 0
        for token in tokens where token.kind == .word {
            if token.isCapitalized {
                capitalized += 1
            } else if token.end - token.start >= 5
                || (token.shape.contains(.spaceBefore) && !lexicon.classes(of: token.id).contains(.headlineLowercase))
            {
                // "… Army said on Friday that it": a lowercase verb is no headline style.
                return false
            }
        }
        return capitalized >= 3
    }

}
