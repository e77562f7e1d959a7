/// Reads publication days from what articles carry: a dateline in the opening lines ("March 4,
/// 2023", "2025-01-15"), or a metadata value (a JSON Lines `date`, an HTML `<meta>` date) in the
/// forms news dumps use: ISO 8601, RFC 2822 ("Thu, 20 Jun 2024 09:14:00 +0000"), written-out
/// dates, and Unix time.
///
/// Days come out as YYYY-MM-DD, the day as the source wrote it (no time zone conversion). This
/// runs for every article of a build, so it reads bytes and makes no formatter.
enum PublicationDate {
    /// How far into an article's text a dateline is looked for.
    static let datelineReach = 600

    /// The first date in the opening lines of `text`.
    static func dateline(in text: [UInt8]) -> String? {
        text.withUnsafeBufferPointer { bytes in
            firstDate(in: UnsafeBufferPointer(rebasing: bytes.prefix(datelineReach)))
        }
    }

    /// The day a metadata value names; nil when it names none.
    static func day(fromField value: String) -> String? {
        var value = value
        return value.withUTF8 { bytes -> String? in
            var start = 0
            var end = bytes.count
            while start < end && isSpace(bytes[start]) { start += 1 }
            while end > start && isSpace(bytes[end - 1]) { end -= 1 }
            let field = UnsafeBufferPointer(rebasing: bytes[start..<end])
            guard !field.isEmpty else { return nil }
            if field.allSatisfy(isDigit) { return unixTimeDay(field) }
            if let day = isoDay(field, at: 0) { return day }
            return firstDate(in: field)
        }
    }

    // MARK: - Scanning

    /// A word: a run between spaces and commas, without the punctuation around it.
    private struct Word {
        var start: Int
        var end: Int
    }

    /// The first date among the words of `bytes`: an ISO date, "March 4, 2023" or "9 October 2025".
    private static func firstDate(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard hasYear(bytes) else { return nil }
        var words: [Word] = []
        words.reserveCapacity(128)
        var index = 0
        while index < bytes.count {
            while index < bytes.count && isSeparator(bytes[index]) { index += 1 }
            var end = index
            while end < bytes.count && !isSeparator(bytes[end]) { end += 1 }
            var word = Word(start: index, end: end)
            while word.start < word.end && !isAlphanumeric(bytes[word.start]) { word.start += 1 }
            while word.end > word.start && !isAlphanumeric(bytes[word.end - 1]) { word.end -= 1 }
            index = end
            guard word.start < word.end else { continue }
            // An ISO date ends the search, unless a written-out date comes before it.
            if let day = isoDay(bytes, at: word.start, end: word.end) { return writtenDate(in: bytes, words) ?? day }
            words.append(word)
        }
        return writtenDate(in: bytes, words)
    }

    /// The first "March 4, 2023" or "9 October 2025" among `words`.
    private static func writtenDate(in bytes: UnsafeBufferPointer<UInt8>, _ words: [Word]) -> String? {
        for (position, word) in words.enumerated() {
            guard let month = month(bytes, word) else { continue }
            // "March 4, 2023"
            if position + 2 < words.count, let day = number(bytes, words[position + 1], ordinal: true),
                let year = number(bytes, words[position + 2]), let date = format(year, month, day)
            {
                return date
            }
            // "9 October 2025"
            if position >= 1, position + 1 < words.count, let day = number(bytes, words[position - 1], ordinal: true),
                let year = number(bytes, words[position + 1]), let date = format(year, month, day)
            {
                return date
            }
        }
        return nil
    }

    /// Whether four digits starting with 19 or 20 appear: every date read here has such a year,
    /// and most text without one is passed over at the cost of one scan.
    private static func hasYear(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 4 else { return false }
        for index in 0..<(bytes.count - 3) {
            let first = bytes[index]
            guard first == 0x31 || first == 0x32 else { continue }
            let second = bytes[index + 1]
            if ((first == 0x31 && second == 0x39) || (first == 0x32 && second == 0x30)) && isDigit(bytes[index + 2])
                && isDigit(bytes[index + 3])
            {
                return true
            }
        }
        return false
    }

    /// "2024-06-20" or "2024/06/20" at `start`, alone or followed by a time ("T09:14:00Z", " 09:14").
    private static func isoDay(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int? = nil) -> String? {
        let end = end ?? bytes.count
        var index = start
        func digits(_ most: Int) -> Int? {
            var value = 0
            var count = 0
            while index < end && count < most && isDigit(bytes[index]) {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
                count += 1
            }
            return count == 0 ? nil : value
        }
        guard index + 4 <= end, let year = digits(4), index - start == 4, index < end else { return nil }
        let separator = bytes[index]
        guard separator == 0x2D || separator == 0x2F else { return nil }  // "-" or "/"
        index += 1
        guard let month = digits(2), index < end, bytes[index] == separator else { return nil }
        index += 1
        guard let day = digits(2) else { return nil }
        if index < end && !(bytes[index] == 0x54 || bytes[index] == 0x74 || isSpace(bytes[index])) { return nil }  // "T", "t"
        return format(year, month, day)
    }

    private static let months: [[UInt8]] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ].map { Array($0.utf8) }

    /// The month a word names, in full or as its usual abbreviation ("Jan", "Sept"), in any case.
    private static func month(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Word) -> Int? {
        let length = word.end - word.start
        guard length >= 3 && length <= 9 else { return nil }
        for (index, name) in months.enumerated() {
            guard length <= name.count else { continue }
            var matches = true
            for offset in 0..<length where bytes[word.start + offset] | 0x20 != name[offset] {
                matches = false
                break
            }
            guard matches else { continue }
            // The whole name, its first three letters, or "Sept".
            if length == name.count || length == 3 || (index == 8 && length == 4) { return index + 1 }
        }
        return nil
    }

    /// A word of one to four digits, optionally with an ordinal suffix ("4th") when `ordinal`.
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Word, ordinal: Bool = false) -> Int? {
        var value = 0
        var index = word.start
        while index < word.end && isDigit(bytes[index]) && index - word.start < 4 {
            value = value * 10 + Int(bytes[index] - 0x30)
            index += 1
        }
        guard index > word.start else { return nil }
        if index == word.end { return value }
        guard ordinal, word.end - index == 2 else { return nil }
        let suffix = (bytes[index] | 0x20, bytes[index + 1] | 0x20)
        return [(0x73, 0x74), (0x6E, 0x64), (0x72, 0x64), (0x74, 0x68)].contains { $0 == suffix } ? value : nil  // st nd rd th
    }

    /// Seconds (or, past the year 5000 in seconds, milliseconds) since 1970 as a UTC day.
    private static func unixTimeDay(_ digits: UnsafeBufferPointer<UInt8>) -> String? {
        guard digits.count <= 15 else { return nil }
        var value = 0
        for digit in digits { value = value * 10 + Int(digit - 0x30) }
        if value > 100_000_000_000 { value /= 1000 }
        let (year, month, day) = civilDay(daysSince1970: value / 86_400)
        return format(year, month, day)
    }

    /// Howard Hinnant's days-to-civil algorithm, for the proleptic Gregorian calendar.
    static func civilDay(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// YYYY-MM-DD for a real day between 1900 and 2100; nil for anything else ("2023-02-30").
    static func format(_ year: Int, _ month: Int, _ day: Int) -> String? {
        guard (1900...2100).contains(year), (1...12).contains(month), day >= 1, day <= daysIn(month, of: year) else { return nil }
        let zero = UInt8(ascii: "0")
        let dash = UInt8(ascii: "-")
        let bytes: [UInt8] = [
            zero + UInt8(year / 1000), zero + UInt8(year / 100 % 10), zero + UInt8(year / 10 % 10), zero + UInt8(year % 10), dash,
            zero + UInt8(month / 10), zero + UInt8(month % 10), dash, zero + UInt8(day / 10), zero + UInt8(day % 10),
        ]
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
    private static func isSeparator(_ byte: UInt8) -> Bool { isSpace(byte) || byte == 0x2C }  // ","
    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }
}
