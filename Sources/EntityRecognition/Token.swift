/// One token of an article: a word, a number or a punctuation mark, as a byte range of the text.
package struct Token: Sendable, Hashable {
    package enum Kind: UInt8, Sendable {
        case word
        case number
        case punctuation
    }

    package struct Shape: OptionSet, Sendable, Hashable {
        package let rawValue: UInt8
        package init(rawValue: UInt8) { self.rawValue = rawValue }
        /// The first letter is uppercase.
        package static let capitalized = Shape(rawValue: 1 << 0)
        /// Every letter is uppercase and there are at least two.
        package static let allCaps = Shape(rawValue: 1 << 1)
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
    package var kind: Kind
    package var shape: Shape
    /// For punctuation, the ASCII mark it stands for: curly quotes become `"` or `'`, dashes `-`.
    package var mark: UInt8

    /// The vocabulary ID of the lowercase form, or -1 when no lexicon knows the word: for a later
    /// stage that keeps something per word (`WordSet.vocabularyIDs(of:lexicon:)`).
    package var vocabularyID: Int32 { id }

    package var isCapitalized: Bool { shape.contains(.capitalized) }
    package var isAllCaps: Bool { shape.contains(.allCaps) }
    package var isWord: Bool { kind == .word }
    func isMark(_ ascii: Unicode.Scalar) -> Bool { kind == .punctuation && mark == UInt8(ascii.value) }
}
