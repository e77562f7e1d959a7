/// Words that later stages compare tokens with, matched by vocabulary ID instead of by string.
///
/// Like a `PhraseMatcher`, a word set puts its words in the lexicon's vocabulary, so make it
/// before the recognizer: every token spelled like one of the words (in any case) then carries
/// that word's ID, and a comparison is a load or two.
@usableFromInline
package struct WordSet: Sendable {
    /// The IDs, sorted: a handful are scanned.
    @usableFromInline let ids: [Int32]
    /// For larger sets, a bit per vocabulary ID.
    @usableFromInline let bits: [UInt64]

    @usableFromInline static let scannedCount = 6

    /// `words` are single tokens written as `ArticleAnalysis.lowercaseWord` gives them: lowercase
    /// words, marks (`","`) or the possessive `'s`.
    package init(_ words: [String], lexicon: inout Lexicon) {
        // Each word is its own vocabulary key, which is what a token spelled like it looks up.
        self.ids = Array(Set(words.map { lexicon.vocabulary.intern(Array($0.utf8)) })).sorted()
        guard self.ids.count > WordSet.scannedCount, let largest = self.ids.last else {
            bits = []
            return
        }
        var bits = [UInt64](repeating: 0, count: Int(largest) / 64 + 1)
        for id in self.ids { bits[Int(id) / 64] |= 1 << UInt64(id % 64) }
        self.bits = bits
    }

    /// The vocabulary ID of each of `words` (written as for `init(_:lexicon:)`), registering the
    /// words as that initializer does: a later stage can keep something per word and find it by
    /// a token's ID.
    package static func vocabularyIDs(of words: [String], lexicon: inout Lexicon) -> [Int32] {
        words.map { lexicon.vocabulary.intern(Array($0.utf8)) }
    }

    // Always inlined: the relation extractor asks hundreds of thousands of times per MB, and a
    // call costs as much as the test.
    @inlinable @inline(__always)
    func contains(_ id: Int32) -> Bool {
        guard id >= 0 else { return false }
        if bits.isEmpty { return ids.contains(id) }
        let word = Int(id) / 64
        return word < bits.count && bits[word] & (1 << UInt64(id % 64)) != 0
    }
}

extension ArticleAnalysis {
    /// Whether the token at `index` is one of `words`: the same as its `lowercaseWord` being one
    /// of them, without making the string.
    @inlinable @inline(__always)
    package func token(_ index: Int, isIn words: WordSet) -> Bool {
        words.contains(tokens[index].id)
    }
}
