import KnowledgeGraph

/// How names become keys: the lowercase parts of a person's name, the key that makes "Ministry of
/// Foreign Affairs" and "Foreign Ministry" one body, and the form in which titles are compared.
///
/// The words these rules drop, pivot on or respell are data (classes `name-suffix`, `key-filler`,
/// `genitive` and `spelling` in words.tsv), kept here as lowercase bytes: keys are made from
/// strings, and the lists are a handful of short words.
package struct NameKeys: Sendable {
    /// Written after a name without being part of it ("jr.").
    private(set) var nameSuffixes: [String] = []
    /// Left out of a body's key ("the", "affairs").
    private(set) var fillers: [[UInt8]] = []
    /// Put a body's head word first: "ministry of finance" has the key "finance ministry".
    private(set) var genitives: [[UInt8]] = []
    /// One spelling of a word and the spelling keys use ("defence" → "defense").
    private(set) var spellings: [(variant: [UInt8], key: [UInt8])] = []
    /// How much longer a respelled word can get, so a key's storage is sized once.
    private var spellingGrowth = 0
    /// Lowercase particles a person's name may carry or drop ("al", "bin", "von"): not given names,
    /// which "Ben" and "Abu" also are.
    private(set) var particles: Set<String> = []

    /// Particles that say "son of" or "daughter of" ("bin", "ibn", "bint"): the part after one is the
    /// father's name, so the parts are compared with the particle kept ("Mohammed bin Salman" is
    /// not "King Salman").
    private(set) var patronymics: Set<String> = []

    mutating func addPatronymic(_ word: String) {
        patronymics.insert(word.lowercased())
    }

    /// Endings of adjectives made from the names of peoples and regions ("-ish", "-ian", "-ese").
    private(set) var adjectiveEndings: [[UInt8]] = []

    mutating func addAdjectiveEnding(_ ending: String) {
        adjectiveEndings.append(Array(ending.lowercased().utf8))
    }

    /// Whether a word ends like an adjective of a people ("Kurdish", "Asian").
    func isAdjectiveEnding<Word: BidirectionalCollection<UInt8>>(_ word: Word) -> Bool {
        adjectiveEndings.contains { ending in
            word.count > ending.count + 2 && word.suffix(ending.count).lazy.map(\.asciiLowercased).elementsEqual(ending)
        }
    }

    /// The longest particle's length: a longer part is no particle, without a lookup.
    private(set) var maxParticleLength = 0

    mutating func addParticle(_ word: String) {
        particles.insert(word.lowercased())
        maxParticleLength = max(maxParticleLength, word.utf8.count)
    }

    /// Keeps only the particles for which `keep` holds.
    mutating func filterParticles(_ keep: (String) -> Bool) {
        particles = particles.filter(keep)
    }

    mutating func addNameSuffix(_ word: String) {
        nameSuffixes.append(word.lowercased())
    }

    mutating func addFiller(_ word: String) {
        fillers.append(Array(word.lowercased().utf8))
    }

    mutating func addGenitive(_ word: String) {
        genitives.append(Array(word.lowercased().utf8))
    }

    /// Words a body's key writes as others ("army", "military" → "armed forces").
    private(set) var synonyms: [(word: [UInt8], key: [UInt8])] = []

    mutating func addSynonym(_ word: String, key: String) {
        let pair = (Array(word.lowercased().utf8), Array(key.lowercased().utf8))
        synonyms.append(pair)
        spellingGrowth = max(spellingGrowth, pair.1.count - pair.0.count)
    }

    mutating func addSpelling(_ variant: String, key: String) {
        let pair = (Array(variant.lowercased().utf8), Array(key.lowercased().utf8))
        spellings.append(pair)
        spellingGrowth = max(spellingGrowth, pair.1.count - pair.0.count)
    }

    // MARK: People

    /// Whether a lowercase word belongs to the name it follows ("jr." does not).
    func isNamePart(_ part: String) -> Bool {
        !nameSuffixes.contains(part)
    }

    /// The lowercase parts of a person's name, split at spaces, without suffixes such as "Jr.".
    package func parts(of name: String) -> [String] {
        asciiParts(of: name) ?? partsByCharacters(of: name)
    }

    /// `parts(of:)`'s fast path: names are nearly always ASCII, their bytes lowercased directly
    /// instead of through String. Nil for any other name.
    package func asciiParts(of name: String) -> [String]? {
        let ascii = name.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            var parts: [String] = []
            // One allocation for names of up to four words, not one per doubling.
            parts.reserveCapacity(4)
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x20 {
                defer { start = end + 1 }
                guard end > start else { continue }
                guard let part = NameKeys.asciiLowercased(UnsafeBufferPointer(rebasing: bytes[start..<end])) else { return nil }
                if isNamePart(part) { parts.append(part) }
            }
            return parts
        }
        return ascii ?? nil
    }

    /// `parts(of:)` for any name, through `lowercased()`: the general twin of `asciiParts(of:)`.
    package func partsByCharacters(of name: String) -> [String] {
        name.splitOnSpaces().map { $0.lowercased().replacingApostrophes() }
            .filter { !$0.isEmpty && isNamePart($0) }
    }

    /// The parts a person is compared by: Latin diacritics folded, hyphenated parts split, and
    /// particles dropped, so "Abdel Fattah al-Burhan", "Abdel Fattah Burhan" and "al-Burhan" share
    /// their parts, as do "Kim Jong-un" and "Kim Jong Un". A patronymic particle is kept: it marks
    /// where the father's name starts.
    func matchParts(_ parts: [String]) -> [String] {
        // Nearly every name is plain ASCII parts with no hyphen and no particle: kept as it is.
        if parts.allSatisfy({ part in
            part.utf8.allSatisfy { $0 < 0x80 && $0 != 0x2D } && (part.utf8.count > maxParticleLength || !particles.contains(part))
        }) {
            return parts
        }
        var result: [String] = []
        result.reserveCapacity(parts.count + 1)
        for part in parts {
            let folded = NameKeys.isPlainASCII(part) ? part : part.foldingLatinDiacritics
            guard folded.utf8.contains(0x2D) else {
                if !particles.contains(folded) || patronymics.contains(folded) { result.append(folded) }
                continue
            }
            for piece in folded.split(separator: "-") where !particles.contains(String(piece)) || patronymics.contains(String(piece)) {
                result.append(String(piece))
            }
        }
        return result.isEmpty ? parts : result
    }

    private static func isPlainASCII(_ string: String) -> Bool {
        string.utf8.allSatisfy { $0 < 0x80 }
    }

    /// `bytes` as a lowercase String when they are all ASCII; nil otherwise.
    static func asciiLowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var isASCII = true
        let folded = String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for offset in 0..<bytes.count {
                if bytes[offset] >= 0x80 { isASCII = false }
                buffer[offset] = bytes[offset].asciiLowercased
            }
            return bytes.count
        }
        return isASCII ? folded : nil
    }

    // MARK: Titles

    /// A lowercase title in the form titles are compared in: one spelling per word.
    func normalizedTitle(lowercased title: String) -> String {
        guard !spellings.isEmpty, spellings.contains(where: { contains(title, $0.variant) }) else { return title }
        return title.splitOnSpaces(omittingEmpty: false)
            .map { word in
                let bytes = Array(word.utf8)
                if let pair = spellings.first(where: { $0.variant == bytes }) { return String(decoding: pair.key, as: UTF8.self) }
                return String(word)
            }
            .joined(separator: " ")
    }

    /// A byte scan: most titles hold no variant, and Foundation's search is slow.
    private func contains(_ text: String, _ needle: [UInt8]) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !needle.isEmpty, bytes.count >= needle.count else { return false }
            return (0...(bytes.count - needle.count)).contains { start in
                (0..<needle.count).allSatisfy { bytes[start + $0] == needle[$0] }
            }
        } ?? true
    }

    // MARK: Bodies

    /// "Ministry of Foreign Affairs" and "Foreign Ministry" share the key "foreign ministry".
    package func genericKey(_ name: String) -> String {
        asciiGenericKey(name) ?? genericKeyByWords(name)
    }

    /// `genericKey` for any name, word by word through `lowercased()`: the general twin of
    /// `asciiGenericKey`.
    package func genericKeyByWords(_ name: String) -> String {
        let words = name.lowercased().splitOnSpaces().map { word -> String in
            let bytes = Array(word.utf8)
            if let pair = spellings.first(where: { $0.variant == bytes }) { return String(decoding: pair.key, as: UTF8.self) }
            if let pair = synonyms.first(where: { $0.word == bytes }) { return String(decoding: pair.key, as: UTF8.self) }
            return String(word)
        }
        return genericKey(words: words)
    }

    /// Whether a body's key ends in `head` as its own head word ("peruvian congress" ends in
    /// "congress"), not as the body that another belongs to ("friendship group of majlis").
    package func key(_ key: String, hasHead head: String) -> Bool {
        guard key != head else { return true }
        guard key.hasSuffix(" " + head) else { return false }
        let before = key.dropLast(head.utf8.count + 1).split(separator: " ").last.map(String.init) ?? ""
        return !isOne(of: genitives, before)
    }

    /// Whether a lowercase word is a key filler ("the"), left out when body names are compared.
    func isFiller(_ word: String) -> Bool {
        isOne(of: fillers, word)
    }

    /// Whether a lowercase word is a genitive ("of"), which ties a name to the body it belongs to.
    func isGenitive(_ word: String) -> Bool {
        isOne(of: genitives, word)
    }

    private func isOne(of list: [[UInt8]], _ word: String) -> Bool {
        list.contains { $0.elementsEqual(word.utf8) }
    }

    private func genericKey(words: [String]) -> String {
        var words = words
        if words.count >= 2, isOne(of: genitives, words[1]), !isOne(of: genitives, words[0]) {
            // "ministry of foreign affairs (of ...)": the words up to the next genitive, then the head.
            let head = words[0]
            var rest = Array(words[2...])
            if let next = rest.firstIndex(where: { isOne(of: genitives, $0) }) { rest = Array(rest[..<next]) }
            words = rest + [head]
        }
        words.removeAll { isOne(of: fillers, $0) }
        return words.joined(separator: " ")
    }

    /// `genericKey` on the bytes of an ASCII name, building only the result (in place, with the
    /// words' ranges on the stack); nil for other names.
    package func asciiGenericKey(_ name: String) -> String? {
        let key = name.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: bytes.count / 2 + 1) { words -> String in
                var count = 0
                var start = 0
                for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x20 {
                    if end > start {
                        words.initializeElement(at: count, to: start..<end)
                        count += 1
                    }
                    start = end + 1
                }
                func equals(_ word: Range<Int>, _ lowercase: [UInt8]) -> Bool {
                    guard word.count == lowercase.count else { return false }
                    for offset in 0..<word.count where bytes[word.lowerBound + offset].asciiLowercased != lowercase[offset] {
                        return false
                    }
                    return true
                }
                func isOne(of list: [[UInt8]], _ word: Range<Int>) -> Bool {
                    list.contains { equals(word, $0) }
                }
                // Words are dropped, reordered or respelled: the key fits in the name's length plus
                // what respelling can add.
                return String(unsafeUninitializedCapacity: bytes.count + count * spellingGrowth) { key -> Int in
                    var length = 0
                    func append(_ word: Range<Int>) {
                        if isOne(of: fillers, word) { return }
                        if length > 0 {
                            key[length] = 0x20
                            length += 1
                        }
                        if let respelled = spellings.first(where: { equals(word, $0.variant) })?.key
                            ?? synonyms.first(where: { equals(word, $0.word) })?.key
                        {
                            for byte in respelled {
                                key[length] = byte
                                length += 1
                            }
                            return
                        }
                        for offset in 0..<word.count {
                            key[length] = bytes[word.lowerBound + offset].asciiLowercased
                            length += 1
                        }
                    }
                    if count >= 2, isOne(of: genitives, words[1]), !isOne(of: genitives, words[0]) {
                        // "ministry of foreign affairs (of ...)": the words up to the next genitive, then the head.
                        var index = 2
                        while index < count, !isOne(of: genitives, words[index]) {
                            append(words[index])
                            index += 1
                        }
                        append(words[0])
                    } else {
                        for index in 0..<count { append(words[index]) }
                    }
                    return length
                }
            }
        }
        return key ?? nil
    }
}

extension String {
    /// The parts between ASCII spaces, found on UTF-8 bytes: splitting into Characters costs
    /// several times more and a space never joins a grapheme in names.
    func splitOnSpaces(omittingEmpty: Bool = true) -> [Substring] {
        var parts: [Substring] = []
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == 0x20 {
                if !omittingEmpty || start != index { parts.append(self[start..<index]) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if !omittingEmpty || start != index { parts.append(self[start..<index]) }
        return parts
    }

    /// British and American spellings of one body share a key. (Kept for other modules; the
    /// recognizer itself respells by the `spelling` rows of words.tsv.)
    package func replacingOccurrencesOfDefence() -> String {
        // A byte scan for "efence" first: most names have none, and Foundation's search is slow.
        let needle: StaticString = "efence"
        let found = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard bytes.count >= 6 else { return false }
            return needle.withUTF8Buffer { pattern in
                (0...(bytes.count - 6)).contains { start in (0..<6).allSatisfy { bytes[start + $0] == pattern[$0] } }
            }
        } ?? true
        guard found else { return self }
        return splitOnSpaces(omittingEmpty: false)
            .map { $0 == "defence" ? "defense" : $0 == "Defence" ? "Defense" : String($0) }
            .joined(separator: " ")
    }
}
