/// The characters of XML 1.0 (its `Char` production), which SVG and GraphML must keep to: a
/// control character or a noncharacter in a name or a sentence would make the whole document
/// unreadable to an XML parser.
enum XMLCharacters {
    /// What an export writes in place of `scalar`: nothing for a control character other than
    /// tab and line breaks (they are invisible), U+FFFD for a noncharacter (U+FFFE, U+FFFF,
    /// U+FDD0–U+FDEF and the last two of every plane), and the scalar itself otherwise.
    @inline(__always)
    static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        if value < 0x20 { return value == 0x9 || value == 0xA || value == 0xD ? scalar : nil }
        if value >= 0xFDD0 && (value <= 0xFDEF || value & 0xFFFE == 0xFFFE) { return "\u{FFFD}" }
        return scalar
    }
}
