/// Splits UTF-8 text into tokens without building a String per token.
///
/// Hyphens and possessive `'s` are tokens of their own, so "al-Sisi" is three tokens joined without
/// space and "China's" is "China" + "'s". Known abbreviations ("Sen.", "Mr.") and letter-dot
/// abbreviations ("U.S.", "E.U.") keep their periods.
package struct Tokenizer {
    let vocabulary: Vocabulary
    /// IDs of abbreviations written without their final period ("sen", "mr").
    let abbreviations: Set<Int32>
    /// The ID of "'s" in `vocabulary`.
    let possessiveID: Int32

    func tokenize(_ text: [UInt8]) -> [Token] {
        // Unchecked buffer access: the scanner's own bounds tests make array checks redundant.
        text.withUnsafeBufferPointer { bytes in vocabulary.withReader { tokenize(bytes: bytes, reader: $0) } }
    }

    package typealias Bytes = UnsafeBufferPointer<UInt8>

    /// The tokens so far and the layout seen since the last one.
    ///
    /// Tokens go to a buffer of its own (`TrivialBuffer`) rather than an array: an append to an
    /// array asks the runtime whether its storage is shared, once per token.
    private struct Sink: ~Copyable {
        private var buffer: TrivialBuffer<Token>
        /// Space, line and paragraph starts seen since the last token, as shape bits.
        var pending: Token.Shape = [.spaceBefore, .lineStart, .paragraphStart]
        var blankLine = true

        init(capacity: Int) {
            buffer = TrivialBuffer(capacity: max(16, capacity))
        }

        var count: Int { buffer.count }
        var isEmpty: Bool { buffer.isEmpty }

        @inline(__always)
        mutating func emit(_ start: Int, _ end: Int, _ kind: Token.Kind, _ shape: Token.Shape, _ mark: UInt8, id: Int32) {
            buffer.append(Token(start: Int32(start), end: Int32(end), id: id, kind: kind, shape: shape.union(pending), mark: mark))
            pending = []
            blankLine = false
        }

        /// The tokens, as an array of exactly their number.
        func tokens() -> [Token] {
            Array(buffer.elements)
        }
    }

    /// The hot loop takes spaces and plain ASCII words; everything else goes to `token(at:...)`,
    /// which keeps this loop small enough for its helpers to be inlined.
    private func tokenize(bytes text: Bytes, reader: Vocabulary.Reader) -> [Token] {
        var sink = Sink(capacity: text.count / 5)
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == 0x20 {
                sink.pending.insert(.spaceBefore)
                index += 1
                continue
            }
            if Tokenizer.isASCIILetter(byte), let (end, shape) = Tokenizer.scanASCIIWord(text, from: index),
                end == text.count || text[end] != UInt8(ascii: ".")
            {
                // The common case in one pass: an ASCII word, not followed by a period that could make
                // it an abbreviation.
                let id = reader.id(ofShortASCIIWordIn: text, index, end) ?? vocabulary.id(ofASCIIWordIn: text, index, end)
                sink.emit(index, end, .word, shape, 0, id: id)
                index = end
                continue
            }
            index = token(at: index, in: text, reader: reader, into: &sink)
        }
        return sink.tokens()
    }

    /// Everything but spaces and plain ASCII words: line breaks, other white space, multibyte marks,
    /// words with periods or multibyte letters, numbers, possessives and punctuation. Returns the
    /// index after what it took.
    @inline(never)
    private func token(at index: Int, in text: Bytes, reader: Vocabulary.Reader, into sink: inout Sink) -> Int {
        let byte = text[index]
        if byte == 0x0A {
            if sink.blankLine && !sink.isEmpty { sink.pending.insert(.paragraphStart) }
            sink.pending.formUnion([.lineStart, .spaceBefore])
            sink.blankLine = true
            return index + 1
        }
        if byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C {
            sink.pending.insert(.spaceBefore)
            return index + 1
        }
        if byte >= 0x80, let (mark, length) = Tokenizer.multiByteMark(text, index) {
            if mark == 0x20 {
                sink.pending.insert(.spaceBefore)
            } else if mark == UInt8(ascii: "'") && Tokenizer.isPossessive(text, index + length) && !sink.pending.contains(.spaceBefore) {
                let end = index + length + 1
                sink.emit(index, end, .word, [], 0, id: possessiveID)
                return end
            } else {
                sink.emit(index, index + length, .punctuation, [], mark, id: vocabulary.id(ofASCII: mark))
            }
            return index + length
        }
        if Tokenizer.isLetterStart(byte) {
            var end = Tokenizer.wordEnd(text, from: index)
            end = extendAbbreviation(text, start: index, end: end, reader: reader)
            let shape = Tokenizer.shape(of: text, index, end)
            sink.emit(index, end, .word, shape, 0, id: wordID(text, index, end, reader: reader))
            return end
        }
        if byte >= 0x30 && byte <= 0x39 {
            var end = index + 1
            while end < text.count {
                let next = text[end]
                if next >= 0x30 && next <= 0x39 {
                    end += 1
                } else if (next == 0x2C || next == 0x2E) && end + 1 < text.count && text[end + 1] >= 0x30 && text[end + 1] <= 0x39 {
                    end += 2
                } else {
                    break
                }
            }
            sink.emit(index, end, .number, [], 0, id: Vocabulary.unknown)
            return end
        }
        if byte == UInt8(ascii: "'") && !sink.pending.contains(.spaceBefore) && Tokenizer.isPossessive(text, index + 1) {
            sink.emit(index, index + 2, .word, [], 0, id: possessiveID)
            return index + 2
        }
        // Any other byte is one punctuation token; a stray continuation byte is skipped.
        if byte < 0x80 {
            sink.emit(index, index + 1, .punctuation, [], byte, id: vocabulary.id(ofASCII: byte))
            return index + 1
        }
        let length = Tokenizer.sequenceLength(byte)
        sink.emit(index, min(index + length, text.count), .punctuation, [], UInt8(ascii: "?"), id: Vocabulary.unknown)
        return index + length
    }

    static let possessiveKey: [UInt8] = Array("'s".utf8)

    /// The vocabulary ID of a word: through the reader when plain ASCII folds in place.
    private func wordID(_ text: Bytes, _ start: Int, _ end: Int, reader: Vocabulary.Reader) -> Int32 {
        if end - start <= 16, (start..<end).allSatisfy({ Vocabulary.foldsInPlace(text[$0]) }),
            let id = reader.id(ofShortASCIIWordIn: text, start, end)
        {
            return id
        }
        return vocabulary.id(ofWordIn: text, start, end)
    }

    /// Keeps the period of "U.S." and of known abbreviations such as "Sen.".
    private func extendAbbreviation(_ text: Bytes, start: Int, end: Int, reader: Vocabulary.Reader) -> Int {
        guard end < text.count, text[end] == UInt8(ascii: ".") else { return end }
        // Letter-dot runs: U.S., E.U., D.C. (each part one or two letters).
        if end - start <= 2 {
            var cursor = end + 1
            var lastPeriod = end
            while cursor < text.count {
                var letters = 0
                while cursor + letters < text.count && Tokenizer.isASCIILetter(text[cursor + letters]) { letters += 1 }
                guard letters >= 1 && letters <= 2, cursor + letters < text.count,
                    text[cursor + letters] == UInt8(ascii: ".")
                else { break }
                lastPeriod = cursor + letters
                cursor = lastPeriod + 1
            }
            if lastPeriod > end { return lastPeriod + 1 }
        }
        // An initial: "S. Jaishankar", "Joseph R. Biden".
        if end - start == 1 && text[start] >= 0x41 && text[start] <= 0x5A && end + 2 < text.count && text[end + 1] == 0x20
            && text[end + 2] >= 0x41 && text[end + 2] <= 0x5A
        {
            return end + 1
        }
        let id = wordID(text, start, end, reader: reader)
        if id != Vocabulary.unknown && abbreviations.contains(id) { return end + 1 }
        return end
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    static func isLetterStart(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || byte >= 0xC0
    }

    /// Letters, digits and letter-like multibyte characters; apostrophes inside words ("N'Djamena",
    /// "don't") stay, a possessive 's does not.
    static func wordEnd(_ text: Bytes, from start: Int) -> Int {
        var index = start
        var lowercaseRun = 0
        let capitalized = text[start] >= 0x41 && text[start] <= 0x5A
        while index < text.count {
            let byte = text[index]
            if isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) {
                // Web copy glues names together ("SandovalMaria"): split where a capital follows
                // four or more lowercase letters, which no real name does.
                if byte >= 0x41 && byte <= 0x5A {
                    if capitalized && lowercaseRun >= 4 { break }
                    lowercaseRun = 0
                } else {
                    lowercaseRun = byte >= 0x61 ? lowercaseRun + 1 : 0
                }
                index += 1
            } else if byte >= 0x80 {
                if multiByteMark(text, index) != nil {
                    // A right single quote between letters is an apostrophe ("don’t"), unless possessive.
                    if text[index] == 0xE2, index + 2 < text.count, text[index + 1] == 0x80, text[index + 2] == 0x99,
                        index + 3 < text.count, isASCIILetter(text[index + 3]), !isPossessive(text, index + 3)
                    {
                        index += 3
                        continue
                    }
                    break
                }
                index += sequenceLength(byte)
            } else if byte == UInt8(ascii: "'"), index + 1 < text.count, isASCIILetter(text[index + 1]),
                !isPossessive(text, index + 1)
            {
                index += 1
            } else {
                break
            }
        }
        return min(index, text.count)
    }

    /// The end and shape of the ASCII word at `start` (letters, digits, inner apostrophes), found in
    /// one pass; nil when the word holds a multibyte letter or apostrophe, which `wordEnd` handles.
    @inline(__always)
    static func scanASCIIWord(_ text: Bytes, from start: Int) -> (end: Int, shape: Token.Shape)? {
        // Most words are a letter, lowercase letters, and then a space or a mark: take those in one
        // run and leave capitals, digits, apostrophes and multibyte letters to the loop below.
        if start + 1 < text.count, text[start + 1] &- 0x61 < 26 {
            let end = lowercaseRunEnd(text, from: start + 2)
            if end == text.count || endsPlainWord(text[end]) {
                return (end, text[start] &- 0x41 < 26 ? .capitalized : [])
            }
        }
        var index = start
        var upper = 0
        var sawLower = false
        var lowercaseRun = 0
        let capitalized = text[start] &- 0x41 < 26
        while index < text.count {
            let byte = text[index]
            if byte &- 0x61 < 26 {
                // Most bytes of a word are lowercase letters: take the whole run in a tight loop.
                let runStart = index
                index += 1
                index = lowercaseRunEnd(text, from: index)
                lowercaseRun += index - runStart
                sawLower = true
                continue
            }
            if byte &- 0x41 < 26 {
                // The same glued-name split as `wordEnd`: "SandovalMaria".
                if capitalized && lowercaseRun >= 4 { break }
                lowercaseRun = 0
                upper += 1
            } else if byte &- 0x30 < 10 {
                lowercaseRun = 0
            } else if byte >= 0x80 {
                // Punctuation such as a curly quote ends the word; a letter or apostrophe needs the slow path.
                guard multiByteMark(text, index) != nil else { return nil }
                if text[index] == 0xE2, text[index + 1] == 0x80, text[index + 2] == 0x99, index + 3 < text.count,
                    isASCIILetter(text[index + 3]), !isPossessive(text, index + 3)
                {
                    return nil
                }
                break
            } else if byte == UInt8(ascii: "'") {
                // An apostrophe inside the word ("don't", "N'Djamena"), not a possessive.
                guard index + 1 < text.count, isASCIILetter(text[index + 1]), !isPossessive(text, index + 1) else { break }
            } else {
                break
            }
            index += 1
        }
        var shape: Token.Shape = capitalized ? .capitalized : []
        if upper >= 2 && !sawLower { shape.insert(.allCaps) }
        return (index, shape)
    }

    /// A byte after a lowercase letter that ends the word for certain: ASCII, and no letter, digit
    /// or apostrophe.
    @inline(__always)
    static func endsPlainWord(_ byte: UInt8) -> Bool {
        byte < 0x80 && (byte | 0x20) &- 0x61 >= 26 && byte &- 0x30 >= 10 && byte != UInt8(ascii: "'")
    }

    /// The end of the run of ASCII lowercase letters at `start`, eight bytes at a time: a byte b
    /// below 0x80 is in a...z when b + 0x1F sets its top bit and b + 0x05 does not. Only a byte at
    /// or above 0x80 (never lowercase) can carry into its neighbour, and that neighbour comes later
    /// in the text, after the run has already ended.
    @inline(__always)
    package static func lowercaseRunEnd(_ text: Bytes, from start: Int) -> Int {
        var index = start
        while index + 8 <= text.count {
            let word = text.word(at: index)
            let high: UInt64 = 0x8080_8080_8080_8080
            let lowercase = (word &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(word &+ 0x0505_0505_0505_0505) & ~word & high
            if lowercase == high {
                index += 8
                continue
            }
            // The first byte whose top bit is clear in `lowercase` ends the run (little-endian).
            return index + (~lowercase & high).trailingZeroBitCount / 8
        }
        while index < text.count && text[index] &- 0x61 < 26 { index += 1 }
        return index
    }

    /// True when `index` starts an "s" that ends the word (the s of a possessive).
    static func isPossessive(_ text: Bytes, _ index: Int) -> Bool {
        guard index < text.count, text[index] == UInt8(ascii: "s") || text[index] == UInt8(ascii: "S") else { return false }
        let next = index + 1
        return next >= text.count || !(isASCIILetter(text[next]) || text[next] >= 0xC0)
    }

    static func sequenceLength(_ lead: UInt8) -> Int {
        if lead < 0xC0 { return 1 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }

    /// Multibyte punctuation and spaces, mapped to ASCII: quotes, dashes, ellipsis, no-break space.
    static func multiByteMark(_ text: Bytes, _ index: Int) -> (UInt8, Int)? {
        let lead = text[index]
        if lead == 0xC2, index + 1 < text.count {
            switch text[index + 1] {
            case 0xA0: return (0x20, 2)
            case 0xAB, 0xBB: return (UInt8(ascii: "\""), 2)
            default: return nil
            }
        }
        guard lead == 0xE2, index + 2 < text.count, text[index + 1] == 0x80 else { return nil }
        switch text[index + 2] {
        case 0x98, 0x99, 0x9A, 0x9B: return (UInt8(ascii: "'"), 3)
        case 0x9C, 0x9D, 0x9E, 0x9F: return (UInt8(ascii: "\""), 3)
        case 0x90, 0x91, 0x92, 0x93, 0x94, 0x95: return (UInt8(ascii: "-"), 3)
        case 0xA6: return (UInt8(ascii: "."), 3)
        case 0x8B, 0x8C, 0x8D, 0xAF, 0x80...0x8A: return (0x20, 3)
        default: return nil
        }
    }

    static func shape(of text: Bytes, _ start: Int, _ end: Int) -> Token.Shape {
        var upper = 0
        var lower = 0
        var firstIsUpper = false
        var index = start
        var first = true
        while index < end {
            let byte = text[index]
            var isUpper = false
            var isLower = false
            if byte < 0x80 {
                isUpper = byte >= 0x41 && byte <= 0x5A
                isLower = byte >= 0x61 && byte <= 0x7A
                index += 1
            } else {
                let length = sequenceLength(byte)
                let scalarEnd = min(index + length, end)
                let scalar = String(decoding: text[index..<scalarEnd], as: UTF8.self).unicodeScalars.first
                if let scalar {
                    isUpper = scalar.properties.isUppercase
                    isLower = scalar.properties.isLowercase
                }
                index = scalarEnd
            }
            if first && (isUpper || isLower) {
                firstIsUpper = isUpper
                first = false
            }
            if isUpper { upper += 1 }
            if isLower { lower += 1 }
        }
        var shape: Token.Shape = []
        if firstIsUpper { shape.insert(.capitalized) }
        if upper >= 2 && lower == 0 { shape.insert(.allCaps) }
        return shape
    }

    /// The lowercase lookup key of a word: ASCII folded in place, other scripts through `lowercased()`,
    /// and the right single quote written as an ASCII apostrophe.
    /// A token's vocabulary key: its punctuation mark, or its lowercased word.
    static func key(of token: Token, in text: [UInt8], into key: inout [UInt8]) {
        key.removeAll(keepingCapacity: true)
        if token.kind == .punctuation {
            key.append(token.mark)
        } else {
            lowercaseKey(text, Int(token.start), Int(token.end), into: &key)
        }
    }

    package static func lowercaseKey<Text: RandomAccessCollection<UInt8>>(
        _ text: Text, _ start: Int, _ end: Int, into key: inout [UInt8]
    ) where Text.Index == Int {
        // ASCII, Latin-1 letters and the right single quote fold byte by byte, as `lowercased()`
        // and `replacingApostrophes()` would; other scripts go through them.
        let folded = key.count
        var index = start
        while index < end {
            let byte = text[index]
            if byte < 0x80 {
                key.append(byte.asciiLowercased)
                index += 1
            } else if byte == 0xC3, index + 1 < end, text[index + 1] &- 0x80 < 0x40 {
                // À...Þ (but ×, U+00D7) lowercase to à...þ, 0x20 higher; the rest of the block is lowercase.
                let second = text[index + 1]
                key.append(0xC3)
                key.append(second < 0x9F && second != 0x97 ? second + 0x20 : second)
                index += 2
            } else if byte == 0xE2, index + 2 < end, text[index + 1] == 0x80, text[index + 2] == 0x99 {
                key.append(UInt8(ascii: "'"))
                index += 3
            } else {
                break
            }
        }
        if index < end {
            key.removeLast(key.count - folded)
            let lowered = String(decoding: text[start..<end], as: UTF8.self).lowercased()
                .replacingApostrophes()
            key.append(contentsOf: lowered.utf8)
        }
    }
}

extension UInt8 {
    /// The byte with an ASCII capital folded to lowercase; any other byte as it is. Shared by the
    /// modules that compare bytes without case (inlinable: it is called once per byte).
    @inlinable package var asciiLowercased: UInt8 { self &- 0x41 < 26 ? self | 0x20 : self }
}

extension String {
    func replacingApostrophes() -> String {
        guard utf8.contains(0xE2), unicodeScalars.contains("\u{2019}") else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\u{2019}" ? "'" : $0 }))
    }
}
