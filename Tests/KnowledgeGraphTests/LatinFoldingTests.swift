import KnowledgeGraph
import TestSupport
import Testing

// Differential tests: `foldingLatinDiacritics` (a flat table by scalar value, names with nothing
// to fold returned as they are) against its general twin, the dictionary it was read from; and
// `Entity.mixedSlug` (ASCII scalars folded without Unicode's tables) against `slugByScalars`.

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

    @Test("Slugs of names past ASCII are those made scalar by scalar")
    func mixedSlugs() {
        var generator = SeededGenerator(state: 1914)
        let alphabet = Array("abcXYZ09 -.'\u{2019}ÀéøŁłșțŽßΣσДЖ中٣😀\u{301}ıİ")
        let names = ["Recep Tayyip Erdoğan", "Đặng Thị Ngọc Thịnh", "Ωmega Σ. Holdings", "O\u{2019}Brien-Łoś", "٣٤ 中国", "..."]
        for name in names + (0..<1000).map({ _ in generator.string(alphabet, length: Int.random(in: 0...16, using: &generator)) }) {
            #expect(Array(Entity.mixedSlug(for: name).utf8) == Array(Entity.slugByScalars(for: name).utf8), "\(name.debugDescription)")
        }
        #expect(Entity.slug(for: "Recep Tayyip Erdoğan") == "recep-tayyip-erdogan")
    }
}

extension SeededGenerator {
    fileprivate mutating func string(_ alphabet: [Character], length: Int) -> String {
        String((0..<length).map { _ in alphabet.randomElement(using: &self)! })
    }
}
