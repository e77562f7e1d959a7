import KnowledgeGraph
import TestSupport
import Testing

// Differential test: `foldingLatinDiacritics` (a flat table by scalar value, names with nothing to
// fold returned as they are) against its general twin, the dictionary it was read from.

@Suite("Latin diacritics folding")
struct LatinFoldingTests {
    @Test("Every scalar of Latin-1 and Latin Extended-A and -B folds as the dictionary says")
    func everyLatinScalar() {
        var folded = 0
        for value in UInt32(0)...0x2FF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "x" + String(Character(scalar)) + "y"
            // Byte for byte: strings compare equal when only canonically equivalent.
            #expect(
                Array(text.foldingLatinDiacritics.utf8) == Array(text.foldingLatinDiacriticsByDictionary.utf8),
                "U+\(String(value, radix: 16))")
            if text.foldingLatinDiacritics != text { folded += 1 }
        }
        // The dictionary folds some 200 letters: a table that folded none would pass the rest.
        #expect(folded > 150)
    }

    @Test("Names in any script fold as the dictionary says")
    func randomNames() {
        var generator = SeededGenerator(state: 2031)
        let alphabet = Array("abcXYZ -.'ÀéøŁłșțŽ中ДЖ😀\u{301}ıİ")
        for _ in 0..<1000 {
            let name = generator.string(alphabet, length: Int.random(in: 0...16, using: &generator))
            #expect(
                Array(name.foldingLatinDiacritics.utf8) == Array(name.foldingLatinDiacriticsByDictionary.utf8), "\(name.debugDescription)")
        }
        #expect("Łódź Ñandú".foldingLatinDiacritics == "Lodz Nandu")
    }
}

extension SeededGenerator {
    fileprivate mutating func string(_ alphabet: [Character], length: Int) -> String {
        String((0..<length).map { _ in alphabet.randomElement(using: &self)! })
    }
}
