import EntityRecognition
import KnowledgeGraph
import RelationExtraction
import TestSupport
import Testing

// Differential tests: the scorer's fast paths (parts hashed straight from bytes, gap shapes
// written on the stack, weights read through buffers; Sources/RelationExtraction/Scoring/
// ScoringFastPaths.swift) against their general twins. A part scoring hashes differently from the
// name training spells out would miss its weight without any error. `make sanitize` runs them
// under AddressSanitizer.

@Suite("Scoring fast paths")
struct ScoringFastPathTests {
    /// Parts as the text makes them: shapes, words, marks; the separator "|" alone, inside a word
    /// and before a combining accent (one Character, which cleaning leaves as it is); other scripts.
    static let names = [
        "", "w", "the", "'s w+", ", D w+ of", "\"", "|", "a|b", "|\u{301}", "x|\u{301}y", "¦", "é", "e\u{301}", "中国", "😀",
        "ab|cd|ef",
    ]
    static let alphabet = Array("abcXYZ |'\",.-é\u{301}中😀¦")

    @Test("A part hashed from a string's bytes hashes as its name")
    func partsFromStrings() {
        var generator = SeededGenerator(state: 14)
        let random = (0..<500).map { _ in generator.string(Self.alphabet, length: Int.random(in: 0...12, using: &generator)) }
        for name in Self.names + random {
            let hashes = ScoringFastPaths.partHashes(of: name)
            #expect(hashes.scoring == hashes.named, "\(name.debugDescription)")
        }
    }

    @Test("A named part hashes as its name with each separator replaced")
    func namedParts() {
        var generator = SeededGenerator(state: 15)
        let random = (0..<500).map { _ in generator.string(Self.alphabet, length: Int.random(in: 0...20, using: &generator)) }
        for name in Self.names + random {
            // "|" as a Character of its own is replaced; one a combining accent follows is another Character.
            let spelled = String(name.map { $0 == "|" ? "¦" : $0 })
            let hashes = ScoringFastPaths.namedPartHash(of: name, spelled: spelled)
            #expect(hashes.made == hashes.spelled, "\(name.debugDescription)")
        }
    }

    @Test("A part hashed from raw bytes hashes as the string they make, repaired where they are not UTF-8")
    func partsFromBytes() {
        var generator = SeededGenerator(state: 41)
        let fixed: [[UInt8]] = [
            [], [0x7C], [0xFF], [0xC3], [0xC3, 0xA9], [0x61, 0x7C, 0xCC, 0x81], [0xE4, 0xB8], [0x27, 0x73, 0x20, 0x77, 0x2B],
        ]
        let random = (0..<500).map { _ in
            (0..<Int.random(in: 0...10, using: &generator)).map { _ in
                // Mostly ASCII and "|", some bytes past ASCII (valid sequences or not).
                [UInt8(ascii: "w"), UInt8(ascii: "|"), UInt8(ascii: " "), 0xC3, 0xA9, 0xCC, 0x81, 0xFF].randomElement(using: &generator)!
            }
        }
        for bytes in fixed + random {
            let hashes = ScoringFastPaths.partHashes(ofBytes: bytes)
            #expect(hashes.scoring == hashes.named, "\(bytes)")
        }
    }

    @Test("Weights read through the buffers are the table's")
    func weights() {
        var generator = SeededGenerator(state: 7)
        // Keys that share their low bits probe past each other; 0 is the table's empty mark.
        let keys = (0..<300).map { _ in
            UInt64.random(in: 1...UInt64.max, using: &generator) & ~0xFF | UInt64.random(in: 0...3, using: &generator)
        }
        let entries = keys.prefix(200).map { ($0, Float.random(in: -2...2, using: &generator)) }
        let asked = keys + [0, 1, 2, 3] + (0..<100).map { _ in UInt64.random(in: 0...UInt64.max, using: &generator) }
        let looked = ScoringFastPaths.weights(of: asked, entries: Array(entries))
        #expect(looked.buffers == looked.subscript)
        #expect(looked.buffers.filter { $0 != 0 }.count >= 190)
        let empty = ScoringFastPaths.weights(of: asked, entries: [])
        #expect(empty.buffers == empty.subscript)
    }

    @Test("Gap shapes written on the stack are those appended to an array, and hash as their names")
    func gapShapes() throws {
        let pipeline = try Pipeline.shared.get()
        let text = """
            Ruritanian Foreign Ministry spokeswoman Alma Dorsey said on Tuesday that Freedonia's sanctions, imposed "without warning" | \
            and in haste, would fail.
            The head of the Northern Grain Bank, Tomas Ilves, met with Freedonia's finance minister in 2031 at the bank's offices; \
            Élodie Kravitz, its chair, and the deputy minister of trade did not.
            """
        let analysis = pipeline.recognizer.analyze(Array(text.utf8), document: "t")
        var compared = 0
        var withBar = 0
        for sentence in analysis.sentences {
            for start in sentence.tokens {
                for end in start...min(sentence.tokens.upperBound, start + 10) {
                    let shapes = pipeline.relations.gapShapes(in: analysis, gap: start..<end)
                    #expect(shapes.stack == shapes.appended, "\(start..<end)")
                    #expect(shapes.scoringHash == shapes.namedHash, "\(start..<end): \(shapes.stack ?? "nil")")
                    #expect((shapes.stack == nil) == (end - start > 8))
                    if shapes.stack != nil { compared += 1 }
                    if shapes.stack?.contains("|") == true { withBar += 1 }
                }
            }
        }
        #expect(compared > 200)
        #expect(withBar > 0)
    }
}

@Suite("Article fast paths")
struct ArticleFastPathTests {
    static let alphabet = Array("aAdDeEmMnNtT -.'é\u{301}中")

    @Test("A body noun is found in a name byte by byte where Foundation finds it")
    func nameHoldsWord() {
        var generator = SeededGenerator(state: 11)
        let fixed = [
            ("department of state", "department"), ("the department", "ment"), ("dept", "department"), ("ministry", "ministry"),
            ("agency", "agencies"), ("café department", "department"), ("cafe\u{301}", "cafe"), ("x", ""),
        ]
        let random = (0..<2000).map { _ in
            (
                generator.string(Self.alphabet, length: Int.random(in: 0...12, using: &generator)),
                generator.string(Self.alphabet, length: Int.random(in: 1...3, using: &generator))
            )
        }
        var found = 0
        for (name, word) in fixed + random {
            let holds = ScoringFastPaths.nameHolds(name, word)
            #expect(holds.fast == holds.general, "\(name.debugDescription) \(word.debugDescription)")
            if holds.general { found += 1 }
        }
        #expect(found > 100)
    }

    @Test("A mention's text is compared with its name but for case byte by byte as lowercased strings compare")
    func sameIgnoringCase() {
        var generator = SeededGenerator(state: 12)
        let fixed: [([UInt8], String)] = [
            (Array("State Department".utf8), "state department"), (Array("NATO".utf8), "Nato"), (Array("UN".utf8), "U.N."),
            ([0xFF], "\u{FFFD}"), (Array("Café".utf8), "CAFÉ"), (Array("A@".utf8), "a`"), ([], ""),
        ]
        var asked = fixed
        for _ in 0..<2000 {
            let text = generator.string(Self.alphabet, length: Int.random(in: 0...6, using: &generator))
            // The same letters in other cases, or other text.
            let name =
                Bool.random(using: &generator)
                ? String(text.map { Bool.random(using: &generator) ? Character($0.uppercased()) : Character($0.lowercased()) })
                : generator.string(Self.alphabet, length: Int.random(in: 0...6, using: &generator))
            asked.append((Array(text.utf8), name))
        }
        var fast = 0
        var same = 0
        for (text, name) in asked {
            let compared = ScoringFastPaths.sameIgnoringCase(text: text, name: name)
            if let result = compared.fast {
                #expect(result == compared.general, "\(text) \(name.debugDescription)")
                fast += 1
                if result { same += 1 }
            }
        }
        #expect(fast > 500)
        #expect(same > 100)
    }

    @Test("A rationale's pieces copied into one string are the pieces joined")
    func concatenation() {
        var generator = SeededGenerator(state: 14)
        let fixed: [[String]] = [
            [], [""], ["cue '", "", "' in the sentence"], ["é", "e\u{301}", "中国", "😀"], [String(repeating: "long piece ", count: 40)],
        ]
        let random = (0..<300).map { _ in
            (0..<Int.random(in: 0...5, using: &generator)).map { _ in
                generator.string(Self.alphabet, length: Int.random(in: 0...30, using: &generator))
            }
        }
        for pieces in fixed + random {
            let made = ScoringFastPaths.concatenation(of: pieces)
            #expect(made.copied == made.joined, "\(pieces)")
            #expect(Array(made.copied.utf8) == Array(made.joined.utf8), "\(pieces)")
        }
    }

    @Test("Entities on one side of the affiliations are those a search through sets reaches")
    func affiliationSides() {
        var generator = SeededGenerator(state: 13)
        var cases: [(count: Int, pairs: [[Int]])] = []
        for _ in 0..<200 {
            let count = Int.random(in: 1...80, using: &generator)
            let pairs = (0..<Int.random(in: 0...(2 * count), using: &generator)).map { _ in
                [Int.random(in: 0..<count, using: &generator), Int.random(in: 0..<(count + 2), using: &generator)]
            }
            cases.append((count, pairs))
        }
        // A chain longer than a search goes, with a cycle: what the reach lets through counts.
        cases.append((300, (0..<299).map { [$0, $0 + 1] } + [[299, 0], [5, 3]]))
        cases.append((300, (0..<299).map { [299 - $0, 298 - $0] } + [[0, 40], [1, 63]]))
        for (count, pairs) in cases {
            let sides = ScoringFastPaths.sameSides(entityCount: count, pairs: pairs)
            let above = Self.above(count: count, pairs: pairs)
            for first in 0..<count {
                for second in 0..<count {
                    #expect(sides[first][second] == (above[first] & above[second] != 0), "\(count) \(pairs) \(first) \(second)")
                }
            }
        }
    }

    /// Per entity, a bit for itself and each entity above it, searched with a set per entity.
    static func above(count: Int, pairs: [[Int]]) -> [UInt64] {
        var direct = [[Int]](repeating: [], count: count)
        for pair in pairs where pair[0] < count && pair[1] < count && !direct[pair[0]].contains(pair[1]) {
            direct[pair[0]].append(pair[1])
        }
        return (0..<count).map { entity in
            var mask: UInt64 = 0
            var seen: Set<Int> = [entity]
            var todo = [entity]
            while let next = todo.popLast() {
                if next < 64 { mask |= 1 << UInt64(next) }
                for up in direct[next] where seen.count < 256 && seen.insert(up).inserted { todo.append(up) }
            }
            return mask
        }
    }
}

extension SeededGenerator {
    fileprivate mutating func string(_ alphabet: [Character], length: Int) -> String {
        String((0..<length).map { _ in alphabet.randomElement(using: &self)! })
    }
}

@Suite("Shared pair features")
struct SharedPairFeatureTests {
    /// Sentences with several actors and cues, so that pairs share a source, a target or a cue.
    static let sentences = [
        "Ruritania and Freedonia imposed sanctions on the Northern Grain Bank, Tomas Ilves and Alma Dorsey.",
        "Foreign Minister Alma Dorsey met Tomas Ilves and Freedonia's finance minister in Brussels on Tuesday.",
        "\"This is reckless,\" Ruritanian Foreign Ministry spokeswoman Alma Dorsey said of Freedonia's sanctions on the bank.",
        "Freedonia condemned Ruritania, and Ruritania criticized Freedonia and the Northern Grain Bank.",
        "The Treasury sanctioned Tomas Ilves. It also designated the Northern Grain Bank and Ruritania's central bank.",
        "Those sanctioned include Tomas Ilves, chairman of the Northern Grain Bank; Élodie Kravitz and Alma Dorsey.",
        "Tomas Ilves met with Alma Dorsey, who later accused Freedonia of lying about Ruritania.",
    ]

    @Test("Pairs that repeat what one actor gives them have the features found for each pair, in order")
    func sharedAsFound() throws {
        let pipeline = try Pipeline.shared.get()
        var generator = SeededGenerator(state: 12)
        // The fixed text, and texts of the sentences shuffled and repeated.
        var texts = [Self.sentences.joined(separator: " ")]
        for _ in 0..<12 {
            let count = Int.random(in: 2...8, using: &generator)
            texts.append((0..<count).map { _ in Self.sentences.randomElement(using: &generator)! }.joined(separator: " "))
        }
        var compared = 0
        for text in texts {
            let analysis = pipeline.recognizer.analyze(Array(text.utf8), document: "t")
            let shared = pipeline.relations.candidateFeatures(of: analysis, sharingPairFeatures: true)
            let found = pipeline.relations.candidateFeatures(of: analysis, sharingPairFeatures: false)
            #expect(shared.hashes == found.hashes, "\(text)")
            #expect(shared.names == found.names, "\(text)")
            compared += found.hashes.count
        }
        #expect(compared > 2000)
    }

    @Test("A name past ASCII folds to the same key the first time and when looked up again")
    func foldedKeys() {
        var generator = SeededGenerator(state: 21)
        let alphabet = Array("aeiouAEIOU éÉüÖçñłŁ-.'ßﬁ\u{301}")
        let fixed = ["José Ñúñez", "Łukasz Kowalski-Nowak", "Zoë O'Brien", "François d'Estaing", "İlhan Öztürk", "Straße ﬁn"]
        let random = (0..<300).map { _ in generator.string(alphabet, length: Int.random(in: 1...14, using: &generator)) }
        for name in fixed + random {
            let fresh = OfficeHolders.foldedKey(name)
            #expect(OfficeHolders.key(name) == fresh, "\(name.debugDescription)")
            #expect(OfficeHolders.key(name) == fresh, "\(name.debugDescription) again")
        }
    }
}
