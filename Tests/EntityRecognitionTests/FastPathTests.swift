import EntityRecognition
import Foundation
import KnowledgeGraph
import TestSupport
import Testing

// Differential tests: each fast path of the recognizer (byte folding, SWAR loads, hand-managed
// buffers; Sources/EntityRecognition/UnsafeBuffers.swift) against its general twin, on random
// inputs and on the lengths where eight-byte loads change shape (7, 8, 9, 15, 16, 17, 31, 32, 33
// bytes). `make sanitize` runs them under AddressSanitizer.

/// Characters to draw random text from.
enum Alphabet {
    static let lowercase = Array("abcdefghijklmnopqrstuvwxyz")
    static let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    /// What ASCII names hold: letters, digits, and the marks names carry.
    static let asciiName = letters + Array("0123456789.'-")
    /// Latin-1's letters (À...ÿ, with × and ÷) and ß.
    static let latin1 = (0xC0...0xFF).map { Character(Unicode.Scalar(UInt8($0))) }
    /// Other scripts and marks: Greek, Cyrillic, Turkish dotted capitals, CJK, Arabic, curly
    /// quotes, an emoji, a combining accent.
    static let otherScripts = Array("ΑΒΓΣσςαβγДЖЯдЖяİıĞğŞş中国人民北京ابت\u{2019}\u{201C}😀\u{301}")
    static let mixed = letters + latin1 + otherScripts + [" ", "-", "."]

    static let edgeLengths = [0, 1, 7, 8, 9, 15, 16, 17, 23, 24, 25, 31, 32, 33, 40]
}

extension SeededGenerator {
    mutating func string(_ alphabet: [Character], length: Int) -> String {
        String((0..<length).map { _ in alphabet.randomElement(using: &self)! })
    }

    /// Words of `alphabet` joined by single spaces, with a total length near `length`.
    mutating func name(_ alphabet: [Character], words: ClosedRange<Int>) -> String {
        (0..<Int.random(in: words, using: &self)).map { _ in string(alphabet, length: Int.random(in: 1...12, using: &self)) }
            .joined(separator: " ")
    }
}

@Suite("Buffers of trivial types")
struct TrivialTypeTests {
    /// The tokenizer's and the mention builder's buffers (`TrivialBuffer`) free their elements
    /// without deinitializing them; the buffer asserts `_isPOD` of its element type when made, so
    /// every recognition in a debug build checks `MentionBuilder.Item` too.
    @Test("Tokens are trivial, and recognizing an article (which makes both buffers) passes the buffers' checks")
    func trivial() throws {
        #expect(_isPOD(Token.self))
        let analysis = try Shared.recognizer().analyze(Array("Senator Ana Ruiz met Chile's Foreign Ministry.".utf8), document: "t")
        #expect(analysis.tokens.count == 9)
    }
}

@Suite("Slugs: the ASCII fast path and the scalar twin agree")
struct SlugFastPathTests {
    @Test("Random ASCII names of the edge lengths and others give one slug either way")
    func asciiNames() {
        var random = SeededGenerator(state: 1)
        for length in Alphabet.edgeLengths + Array(repeating: 0, count: 300).map({ _ in Int.random(in: 0...64, using: &random) }) {
            let name = random.string(Alphabet.asciiName + [" ", " ", "&", "/"], length: length)
            let fast = Entity.asciiSlug(for: name)
            #expect(fast == Entity.slugByScalars(for: name), "\(name)")
            #expect(fast.map { !$0.isEmpty } == true)
        }
    }

    @Test("A name with any other character leaves the fast path; the slug folds Latin diacritics")
    func otherNames() {
        var random = SeededGenerator(state: 2)
        for _ in 0..<200 {
            let name = random.string(Alphabet.mixed, length: Int.random(in: 1...24, using: &random))
            guard name.unicodeScalars.contains(where: { !$0.isASCII }) else { continue }
            #expect(Entity.asciiSlug(for: name) == nil, "\(name)")
            #expect(Entity.slug(for: name) == Entity.slugByScalars(for: name))
        }
        #expect(Entity.slug(for: "Recep Tayyip Erdoğan") == "recep-tayyip-erdogan")
        #expect(Entity.slug(for: "...") == "entity")
    }
}

@Suite("Vocabulary lookups: eight-byte loads and the generic key agree with a dictionary")
struct VocabularyFastPathTests {
    /// A vocabulary of random lowercase words of every length up to 40 bytes (and some Latin-1
    /// ones), with the dictionary the lookups must agree with.
    static func vocabulary() -> (Vocabulary, [String: Int32]) {
        var random = SeededGenerator(state: 3)
        var vocabulary = Vocabulary(capacity: 64)  // small, so interning grows it several times
        var model: [String: Int32] = [:]
        for length in Array(1...40) + Alphabet.edgeLengths.filter({ $0 > 0 }) {
            for _ in 0..<12 {
                let word = random.string(Alphabet.lowercase + ["'", "-", "."], length: length)
                model[word] = vocabulary.intern(Array(word.utf8))
            }
        }
        for _ in 0..<40 {
            let word = random.string(
                Alphabet.lowercase + Alphabet.latin1.filter { $0.isLowercase }, length: Int.random(in: 1...12, using: &random))
            model[word] = vocabulary.intern(Array(word.utf8))
        }
        return (vocabulary, model)
    }

    @Test("Every known word is found by every path, in any case and at any place in the text")
    func knownWords() {
        let (vocabulary, model) = Self.vocabulary()
        var random = SeededGenerator(state: 4)
        #expect(vocabulary.count == model.count)
        for (word, id) in model.sorted(by: { $0.key < $1.key }) {
            #expect(vocabulary.id(of: Array(word.utf8)) == id)
            // Latin-1 words stay lowercase: "ß" has no one-character capital.
            let written = word.allSatisfy(\.isASCII) ? word.map { random.next() % 2 == 0 ? $0.uppercased() : String($0) }.joined() : word
            // At the text's end (loads past it must not happen), in the middle, and at the start.
            for (before, after) in [("x ", ""), ("a b ", " c d e f g h i j"), ("", " tail")] {
                let text = Array((before + written + after).utf8)
                let start = before.utf8.count
                let end = start + written.utf8.count
                #expect(Self.lookups(vocabulary, text, start, end).allSatisfy { $0 == id }, "\(written)")
            }
        }
    }

    @Test("Unknown words, one byte off a known one or of another length, are unknown on every path")
    func unknownWords() {
        let (vocabulary, model) = Self.vocabulary()
        var random = SeededGenerator(state: 5)
        for word in model.keys.sorted() where word.allSatisfy(\.isASCII) {
            var bytes = Array(word.utf8)
            bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8(ascii: "z") &+ 1  // "{": never in a word
            for candidate in [bytes, bytes + [UInt8(ascii: "a")], Array(bytes.dropLast())] where !candidate.isEmpty {
                let expected = model[String(decoding: candidate, as: UTF8.self)] ?? Vocabulary.unknown
                #expect(Self.lookups(vocabulary, candidate, 0, candidate.count).allSatisfy { $0 == expected })
            }
        }
    }

    /// The IDs each lookup path gives for `text[start..<end]`.
    static func lookups(_ vocabulary: Vocabulary, _ text: [UInt8], _ start: Int, _ end: Int) -> [Int32] {
        text.withUnsafeBufferPointer { bytes in
            var ids = [vocabulary.id(ofWordIn: bytes, start, end)]
            var key: [UInt8] = []
            Tokenizer.lowercaseKey(bytes, start, end, into: &key)
            ids.append(vocabulary.id(of: key))
            if (start..<end).allSatisfy({ Vocabulary.foldsInPlace(bytes[$0]) }) {
                ids.append(vocabulary.id(ofASCIIWordIn: bytes, start, end))
                if let short = vocabulary.withReader({ $0.id(ofShortASCIIWordIn: bytes, start, end) }) { ids.append(short) }
            }
            return ids
        }
    }
}

@Suite("Word scanning: byte folding and SWAR runs agree with the general code")
struct WordScanningFastPathTests {
    @Test("A word's lookup key is its lowercased() form with the right quote as an apostrophe, in every script")
    func lowercaseKeys() {
        var random = SeededGenerator(state: 6)
        let alphabets = [Alphabet.letters, Alphabet.letters + Alphabet.latin1, Alphabet.latin1 + ["\u{2019}"], Alphabet.mixed]
        for alphabet in alphabets {
            for length in Alphabet.edgeLengths + (0..<100).map({ _ in Int.random(in: 1...40, using: &random) }) {
                let word = random.string(alphabet, length: length)
                var key: [UInt8] = []
                Tokenizer.lowercaseKey(Array(word.utf8), 0, word.utf8.count, into: &key)
                let expected = word.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
                #expect(String(decoding: key, as: UTF8.self) == expected, "\(word)")
            }
        }
    }

    @Test("The end of a lowercase run, eight bytes at a time, is where a byte loop stops")
    func lowercaseRuns() {
        var random = SeededGenerator(state: 7)
        let stops: [UInt8] = [0x20, 0x41, 0x5A, 0x60, 0x7B, 0x7F, 0x80, 0xC3, 0xE2, 0xFF, 0x30, 0x27]
        for length in Alphabet.edgeLengths + (0..<300).map({ _ in Int.random(in: 0...70, using: &random) }) {
            for stop in [nil] + stops.map(Optional.some) {
                var text = Array(random.string(Alphabet.lowercase, length: length).utf8)
                if let stop {
                    text += [stop] + Array(random.string(Alphabet.lowercase, length: Int.random(in: 0...9, using: &random)).utf8)
                }
                let start = text.isEmpty ? 0 : Int.random(in: 0...min(3, text.count), using: &random)
                var expected = start
                while expected < text.count && text[expected] >= 0x61 && text[expected] <= 0x7A { expected += 1 }
                let end = text.withUnsafeBufferPointer { Tokenizer.lowercaseRunEnd($0, from: start) }
                #expect(end == expected, "\(text) from \(start)")
            }
        }
    }

    @Test("Sentence ranges in scalars, counted eight bytes at a time, are the scalars before each bound")
    func scalarRanges() throws {
        let recognizer = try Shared.recognizer()
        var random = SeededGenerator(state: 8)
        for length in Alphabet.edgeLengths + (0..<40).map({ _ in Int.random(in: 1...90, using: &random) }) {
            let text = random.string(Alphabet.mixed, length: length)
            let analysis = recognizer.analyze(Array(text.utf8), document: "t")
            // Bounds at scalar starts, increasing, and the text's end.
            var bounds = [0]
            for scalar in text.unicodeScalars { bounds.append(bounds.last! + String(scalar).utf8.count) }
            let picked = bounds.filter { _ in random.next() % 3 == 0 } + [bounds.last!]
            let ranges = zip(picked.dropLast(), picked.dropFirst()).map { $0..<$1 }
            let counted = analysis.scalarRanges(ofSentences: ranges)
            let expected = ranges.map { range in
                Array(text.utf8.prefix(range.lowerBound)).scalarCount..<Array(text.utf8.prefix(range.upperBound)).scalarCount
            }
            #expect(counted == expected, "\(text)")
        }
    }
}

extension [UInt8] {
    fileprivate var scalarCount: Int { String(decoding: self, as: UTF8.self).unicodeScalars.count }
}

@Suite("Names: ASCII byte paths agree with their lowercased() twins")
struct NameFastPathTests {
    /// Words that body names are made of, with the lexicon's fillers, genitives and respellings
    /// among them.
    static let bodyWords = [
        "Ministry", "of", "Foreign", "Affairs", "the", "Defence", "Defense", "Army", "Military", "Department", "State",
        "for", "and", "National", "Security", "Council", "Office", "Trade", "Armed", "Forces", "Commerce", "de", "des",
    ]

    @Test("A person's name parts", arguments: [9, 10])
    func parts(seed: UInt64) throws {
        let keys = try Shared.lexicon.get().keys
        var random = SeededGenerator(state: seed)
        for _ in 0..<400 {
            var name = random.name(Alphabet.asciiName, words: 1...5)
            if random.next() % 4 == 0 { name += [" Jr.", " jr.", " III", " Sr"].randomElement(using: &random)! }
            #expect(keys.asciiParts(of: name) == keys.partsByCharacters(of: name), "\(name)")
        }
        for _ in 0..<100 {
            let name = random.name(Alphabet.mixed, words: 1...4)
            guard name.unicodeScalars.contains(where: { !$0.isASCII }) else { continue }
            #expect(keys.asciiParts(of: name) == nil)
        }
    }

    @Test("A body's generic key")
    func genericKeys() throws {
        let keys = try Shared.lexicon.get().keys
        var random = SeededGenerator(state: 11)
        for _ in 0..<2000 {
            let words = (0..<Int.random(in: 1...7, using: &random)).map { _ in
                let word = Self.bodyWords.randomElement(using: &random)!
                switch random.next() % 4 {
                case 0: return word.uppercased()
                case 1: return word.lowercased()
                default: return word
                }
            }
            let name = words.joined(separator: random.next() % 8 == 0 ? "  " : " ")
            let fast = keys.asciiGenericKey(name)
            #expect(fast != nil)
            #expect(fast == keys.genericKeyByWords(name), "\(name)")
        }
        #expect(keys.asciiGenericKey("Ministère des Affaires étrangères") == nil)
        #expect(keys.genericKey("Ministry of Foreign Affairs") == keys.genericKey("Foreign Ministry"))
    }

    @Test("A person's display name among their aliases")
    func displayNames() throws {
        let keys = try Shared.lexicon.get().keys
        var random = SeededGenerator(state: 12)
        for _ in 0..<600 {
            let name = random.name(Alphabet.letters + ["'", "-"], words: 1...3)
            let parts = keys.partsByCharacters(of: name)
            guard !parts.isEmpty else { continue }
            var aliases = [name, name.uppercased(), parts.last!.capitalized, "President " + name, "Dr " + name.lowercased()]
            aliases += (0..<2).map { _ in random.name(Alphabet.letters, words: 1...3) }
            aliases.shuffle(using: &random)
            let fast = EntityResolver.displayName(parts: parts, aliases: aliases)
            let general = EntityResolver.displayName(parts: parts, aliases: aliases, comparingASCIIBytes: false)
            #expect(fast == general, "\(parts) \(aliases)")
        }
    }
}

@Suite("Lexicon loading: plain phrases skip the tokenizer and build the same tables")
struct PlainPhraseFastPathTests {
    @Test("The shipped lexicon built with every phrase through the tokenizer equals the one built with the fast path")
    func bundledTables() throws {
        let fast = try Shared.lexicon.get()
        let general = try Lexicon.bundled(tokenizingPhrasesInGeneral: true)
        #expect(fast.tablesDiffering(from: general) == [])
        #expect(fast.vocabularyWords.count > 10_000)
    }

    @Test("Random phrases of letters and spaces, with glued names, capitals and mixed case, match one interned word per token either way")
    func randomPhrases() throws {
        var random = SeededGenerator(state: 7)
        var phrases: [(phrase: String, payload: Int)] = []
        for index in 0..<400 {
            // Glued names ("SandovalMaria") and mixed case ("DoD") are the cases the fast path
            // hands back; marks and other scripts never take it.
            let alphabet = index % 4 == 3 ? Alphabet.mixed : Alphabet.letters + [" ", " "]
            phrases.append((random.string(alphabet, length: Int.random(in: 0...30, using: &random)), index))
        }
        phrases += [("SandovalMaria Ruiz", 400), ("DoD", 401), ("  two  spaces ", 402), ("NATO", 403), ("A", 404), ("McDonaldHouse", 405)]
        var fast = try Lexicon.bundled(tokenizingPhrasesInGeneral: false)
        var general = try Lexicon.bundled(tokenizingPhrasesInGeneral: true)
        let fastMatcher = PhraseMatcher(phrases: phrases, lexicon: &fast)
        let generalMatcher = PhraseMatcher(phrases: phrases, lexicon: &general)
        #expect(fast.vocabularyWords == general.vocabularyWords)
        let recognizer = EntityRecognizer(lexicon: fast)
        for (phrase, payload) in phrases where !phrase.isEmpty {
            let analysis = recognizer.analyze(Array(phrase.utf8), document: "t")
            guard !analysis.tokens.isEmpty else { continue }
            let found = fastMatcher.match(in: analysis, at: 0, end: analysis.tokens.count)
            let expected = generalMatcher.match(in: analysis, at: 0, end: analysis.tokens.count)
            #expect(found?.length == expected?.length && found?.payloads == expected?.payloads, "\(phrase) (\(payload))")
        }
    }
}

@Suite("Body words: the ASCII fast path and the character twin agree")
struct ComparedWordsFastPathTests {
    @Test("Random ASCII names (possessives, doubled and edge spaces, capitals) give the same words either way")
    func asciiNames() {
        var random = SeededGenerator(state: 41)
        let alphabet = Alphabet.asciiName + Array("  sS''")
        for length in Alphabet.edgeLengths + Array(repeating: 0, count: 400).map({ _ in Int.random(in: 0...48, using: &random) }) {
            let name = random.string(alphabet, length: length)
            #expect(EntityResolver.asciiComparedWords(name) == EntityResolver.comparedWordsByCharacters(name), "\(name)")
        }
        let written = ["Russia's Foreign Ministry", "RUSSIA'S  DEFENCE MINISTRY ", "the Joint Chiefs'", "'s", "'", " ", ""]
        for name in written {
            #expect(EntityResolver.asciiComparedWords(name) == EntityResolver.comparedWordsByCharacters(name), "\(name)")
        }
        #expect(EntityResolver.asciiComparedWords("Russia's Foreign  Ministry") == ["russia", "foreign", "ministry"])
    }

    @Test("A name with any other character leaves the fast path")
    func otherNames() {
        var random = SeededGenerator(state: 42)
        for _ in 0..<200 {
            let name = random.string(Alphabet.mixed, length: Int.random(in: 1...24, using: &random))
            guard name.unicodeScalars.contains(where: { !$0.isASCII }) else { continue }
            #expect(EntityResolver.asciiComparedWords(name) == nil, "\(name)")
        }
        #expect(EntityResolver.comparedWordsByCharacters("Türkiye\u{2019}s Foreign Ministry") == ["türkiye", "foreign", "ministry"])
    }
}
