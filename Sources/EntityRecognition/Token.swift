/// One token of an article: a word, a number or a punctuation mark, as a byte range of the text.
///
/// `@usableFromInline`, like the other types the later stages read token by token (`Kind`,
/// `Shape`, `Mention`, `ArticleAnalysis`, `WordSet`): Swift inlines no member of a `package` type
/// into another module, not even an `@inlinable` one or a synthesized `==`, unless the type is
/// `@usableFromInline` (a call each time cost the relation extractor 6% of its instructions).
@usableFromInline
package struct Token: Sendable, Hashable {
    @usableFromInline
    package enum Kind: UInt8, Sendable {
        case word
        case number
        case punctuation
    }

    @usableFromInline
    package struct Shape: OptionSet, Sendable, Hashable {
        @usableFromInline package let rawValue: UInt8
        @usableFromInline package init(rawValue: UInt8) { self.rawValue = rawValue }
        // The two that later stages test are computed, not stored: a stored one is reached
        // through an accessor call from another module.
        /// The first letter is uppercase.
        @inlinable package static var capitalized: Shape { Shape(rawValue: 1 << 0) }
        /// Every letter is uppercase and there are at least two.
        @inlinable package static var allCaps: Shape { Shape(rawValue: 1 << 1) }
        /// Whitespace separates this token from the previous one.
        package static let spaceBefore = Shape(rawValue: 1 << 2)
        /// The token is the first of its line.
        package static let lineStart = Shape(rawValue: 1 << 3)
        /// The line before this token's line was blank.
        package static let paragraphStart = Shape(rawValue: 1 << 4)
    }

    /// Byte offsets into the article's UTF-8 text.
    package var start: Int32
    package var end: Int32
    /// The vocabulary ID of the lowercase form, or -1 when no lexicon knows the word.
    @usableFromInline var id: Int32
    @usableFromInline package var kind: Kind
    @usableFromInline package var shape: Shape
    /// For punctuation, the ASCII mark it stands for: curly quotes become `"` or `'`, dashes `-`.
    package var mark: UInt8

    /// The vocabulary ID of the lowercase form, or -1 when no lexicon knows the word: for a later
    /// stage that keeps something per word (`WordSet.vocabularyIDs(of:lexicon:)`).
    @inlinable package var vocabularyID: Int32 { id }

    @inlinable package var isCapitalized: Bool { shape.contains(.capitalized) }
    @inlinable package var isAllCaps: Bool { shape.contains(.allCaps) }
    @inlinable package var isWord: Bool { kind == .word }
    package func isMark(_ ascii: Unicode.Scalar) -> Bool { kind == .punctuation && mark == UInt8(ascii.value) }
}
