/// Finds phrases from a word list in an analyzed article, such as the relation cues.
///
/// The phrases' words are added to the lexicon's vocabulary when the matcher is made, so build
/// every matcher before the recognizer: tokens then carry the IDs the matcher looks for.
package struct PhraseMatcher: Sendable {
    private var trie = PhraseTrie<Int>()

    /// Registers `phrases` (each with a payload the caller chooses) in `lexicon`'s vocabulary.
    package init(phrases: [(phrase: String, payload: Int)], lexicon: inout Lexicon) {
        for (phrase, payload) in phrases {
            let ids = lexicon.internWords(of: phrase)
            guard !ids.isEmpty else { continue }
            trie.insert(ids, entry: payload)
        }
    }

    /// The longest phrase starting at token `start`: its length in tokens and its payloads.
    package func match(in analysis: ArticleAnalysis, at start: Int, end: Int) -> (length: Int, payloads: [Int])? {
        match(in: analysis.tokens, at: start, end: end)
    }

    /// Every phrase in `tokens[range]`, left to right: the longest at each start, resuming after it.
    /// One call per sentence, so callers in other modules pay no call per token.
    package func matches(in tokens: [Token], range: Range<Int>, into found: inout [(range: Range<Int>, payloads: [Int])]) {
        // One removeLast() per match: a sentence holds a few, and removeAll(keepingCapacity:) goes
        // through the general range replacement.
        while !found.isEmpty { found.removeLast() }
        var token = range.lowerBound
        while token < range.upperBound {
            // Nearly every token starts no phrase: one load says so.
            guard trie.startsPhrase(tokens[token].id),
                let (length, payloads) = match(in: tokens, at: token, end: range.upperBound)
            else {
                token += 1
                continue
            }
            found.append((token..<(token + length), payloads))
            token += length
        }
    }

    /// The longest phrase of `tokens` starting at `start`.
    package func match(in tokens: [Token], at start: Int, end: Int) -> (length: Int, payloads: [Int])? {
        var node: Int32 = 0
        var best: (Int, [Int])?
        var index = start
        while index < end {
            guard let child = trie.child(of: node, tokens[index].id) else {
                // A quote mark inside a phrase is skipped: 'held "talks with'.
                if index > start, index + 1 < end, tokens[index].isMark("\"") {
                    index += 1
                    continue
                }
                break
            }
            node = child
            index += 1
            if let payloads = trie.entries(at: node) {
                best = (index - start, payloads)
            }
        }
        return best
    }
}

extension Lexicon {
    /// Interns the words of a phrase, case-folded, and returns their IDs.
    mutating func internWords(of phrase: String) -> [Int32] {
        // The tens of thousands of cue phrases are nearly all plain words (see `plainTokenIDs`).
        if !tokenizesPhrasesInGeneral, let plain = plainWordIDs(of: phrase) { return plain }
        let bytes = Array(phrase.utf8)
        var ids: [Int32] = []
        var key: [UInt8] = []
        for token in tokenizer.tokenize(bytes) {
            Tokenizer.key(of: token, in: bytes, into: &key)
            ids.append(vocabulary.intern(key))
        }
        return ids
    }
}
