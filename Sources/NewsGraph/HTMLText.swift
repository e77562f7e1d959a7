import EntityRecognition

/// Reduces HTML to its readable text: drops scripts, styles, comments and tags, decodes common
/// entities, and keeps block elements on lines of their own. Reads the page's publication date
/// and address from its metadata on the way.
enum HTMLText {
    private static let blockTags: Set<[UInt8]> = Set(
        ["p", "br", "div", "h1", "h2", "h3", "h4", "li", "tr", "title", "article", "section"].map { Array($0.utf8) })

    /// `<meta>` names that give the publication date, in order of trust.
    private static let dateNames: [[UInt8]] = [
        "article:published_time", "datepublished", "og:published_time", "pubdate", "publishdate", "publish-date",
        "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created", "dcterms.issued", "article.published",
        "sailthru.date", "parsely-pub-date",
    ].map { Array($0.utf8) }

    static func read(_ html: [UInt8]) -> (text: [UInt8], metadata: Article.Metadata) {
        var reader = Reader(html: html)
        reader.run()
        var metadata = Article.Metadata()
        let candidates = reader.metaDates.sorted { $0.rank < $1.rank }.map(\.value) + reader.linkedDataDates + reader.timeDates
        metadata.date = candidates.lazy.compactMap { PublicationDate.day(fromField: $0) }.first
        metadata.url = reader.url
        return (reader.output, metadata)
    }

    private struct Reader {
        let html: [UInt8]
        var output: [UInt8] = []
        var metaDates: [(rank: Int, value: String)] = []
        var linkedDataDates: [String] = []
        var timeDates: [String] = []
        var url: String?

        init(html: [UInt8]) {
            self.html = html
            output.reserveCapacity(html.count / 2)
        }

        mutating func run() {
            var index = 0
            while index < html.count {
                let byte = html[index]
                if byte == UInt8(ascii: "<") {
                    guard let next = tag(at: index) else { break }
                    index = next
                } else if byte == UInt8(ascii: "&"), let next = entity(at: index) {
                    index = next
                } else {
                    output.append(byte)
                    index += 1
                }
            }
        }

        /// Handles the tag opening at `start`; returns where reading goes on, nil when the tag
        /// never closes (the rest is dropped).
        private mutating func tag(at start: Int) -> Int? {
            if starts(with: "<!--", at: start) {
                return find("-->", from: start + 4).map { $0 + 3 } ?? html.count
            }
            guard let close = html[(start + 1)...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
            var cursor = start + 1
            let closing = cursor < close && html[cursor] == UInt8(ascii: "/")
            if closing { cursor += 1 }
            var name: [UInt8] = []
            while cursor < close, isAlphanumeric(html[cursor]) {
                name.append(html[cursor].asciiLowercased)
                cursor += 1
            }
            if !closing {
                let attributes = self.attributes(in: cursor..<close)
                if name == Array("script".utf8) || name == Array("style".utf8),
                    let end = findIgnoringCase("</" + String(decoding: name, as: UTF8.self), from: close)
                {
                    if attributes["type"].map({ $0.lowercased().contains("ld+json") }) == true {
                        linkedDataDates.append(contentsOf: jsonStrings(named: "datePublished", in: (close + 1)..<end))
                    }
                    return html[end...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? html.count
                }
                if name == Array("meta".utf8) { meta(attributes) }
                if name == Array("time".utf8), let datetime = attributes["datetime"] { timeDates.append(datetime) }
                if name == Array("link".utf8), attributes["rel"]?.lowercased() == "canonical", url == nil {
                    url = attributes["href"]
                }
            }
            if HTMLText.blockTags.contains(name) { output.append(0x0A) }
            return close + 1
        }

        private mutating func meta(_ attributes: [String: String]) {
            guard let content = attributes["content"] else { return }
            for key in ["property", "name", "itemprop"] {
                guard let name = attributes[key]?.lowercased() else { continue }
                if let rank = HTMLText.dateNames.firstIndex(of: Array(name.utf8)) { metaDates.append((rank, content)) }
                if name == "og:url" && url == nil { url = content }
            }
        }

        /// The attributes of a tag, names lowercased, values with entities decoded.
        private func attributes(in range: Range<Int>) -> [String: String] {
            var result: [String: String] = [:]
            var index = range.lowerBound
            while index < range.upperBound {
                while index < range.upperBound && (isSpace(html[index]) || html[index] == UInt8(ascii: "/")) { index += 1 }
                let nameStart = index
                while index < range.upperBound && !isSpace(html[index]) && html[index] != UInt8(ascii: "=")
                    && html[index] != UInt8(ascii: "/")
                {
                    index += 1
                }
                guard index > nameStart else { break }
                let name = String(decoding: html[nameStart..<index].map(\.asciiLowercased), as: UTF8.self)
                while index < range.upperBound && isSpace(html[index]) { index += 1 }
                guard index < range.upperBound, html[index] == UInt8(ascii: "=") else {
                    result[name] = result[name] ?? ""
                    continue
                }
                index += 1
                while index < range.upperBound && isSpace(html[index]) { index += 1 }
                var valueStart = index
                var valueEnd: Int
                if index < range.upperBound, html[index] == UInt8(ascii: "\"") || html[index] == UInt8(ascii: "'") {
                    let quote = html[index]
                    valueStart = index + 1
                    valueEnd = html[valueStart..<range.upperBound].firstIndex(of: quote) ?? range.upperBound
                    index = min(valueEnd + 1, range.upperBound)
                } else {
                    while index < range.upperBound && !isSpace(html[index]) { index += 1 }
                    valueEnd = index
                }
                if result[name] == nil { result[name] = HTMLText.decodingEntities(html[valueStart..<valueEnd]) }
            }
            return result
        }

        /// The string values of `"key": "value"` pairs in a JSON-LD block.
        private func jsonStrings(named key: String, in range: Range<Int>) -> [String] {
            var values: [String] = []
            let pattern = "\"" + key + "\""
            var from = range.lowerBound
            while let found = find(pattern, from: from), found < range.upperBound {
                var index = found + pattern.utf8.count
                while index < range.upperBound && isSpace(html[index]) { index += 1 }
                guard index < range.upperBound, html[index] == UInt8(ascii: ":") else {
                    from = index
                    continue
                }
                index += 1
                while index < range.upperBound && isSpace(html[index]) { index += 1 }
                guard index < range.upperBound, html[index] == UInt8(ascii: "\""),
                    let end = html[(index + 1)..<range.upperBound].firstIndex(of: UInt8(ascii: "\""))
                else {
                    from = index
                    continue
                }
                values.append(String(decoding: html[(index + 1)..<end], as: UTF8.self))
                from = end
            }
            return values
        }

        /// Decodes the entity at `start` into the output; nil when it is not one (the "&" stays).
        private mutating func entity(at start: Int) -> Int? {
            let end = min(html.count, start + 10)
            guard let semicolon = html[(start + 1)..<end].firstIndex(of: UInt8(ascii: ";")),
                let decoded = HTMLText.decode(html[(start + 1)..<semicolon])
            else { return nil }
            output.append(contentsOf: decoded.utf8)
            return semicolon + 1
        }

        private func starts(with text: String, at index: Int) -> Bool {
            html[index...].starts(with: text.utf8)
        }

        private func find(_ text: String, from start: Int) -> Int? {
            let pattern = Array(text.utf8)
            guard let first = pattern.first else { return nil }
            var index = start
            while index + pattern.count <= html.count {
                guard let candidate = html[index...].firstIndex(of: first), candidate + pattern.count <= html.count else { return nil }
                if html[candidate..<(candidate + pattern.count)].elementsEqual(pattern) { return candidate }
                index = candidate + 1
            }
            return nil
        }

        private func findIgnoringCase(_ text: String, from start: Int) -> Int? {
            let pattern = Array(text.utf8).map(\.asciiLowercased)
            var index = start
            while index + pattern.count <= html.count {
                guard let candidate = html[index...].firstIndex(of: pattern[0]), candidate + pattern.count <= html.count else { return nil }
                if html[candidate..<(candidate + pattern.count)].map(\.asciiLowercased) == pattern { return candidate }
                index = candidate + 1
            }
            return nil
        }
    }

    /// A value with its entities decoded.
    static func decodingEntities(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var output: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "&"),
                let semicolon = bytes[(index + 1)..<min(bytes.endIndex, index + 10)].firstIndex(of: UInt8(ascii: ";")),
                let decoded = decode(bytes[(index + 1)..<semicolon])
            {
                output.append(contentsOf: decoded.utf8)
                index = semicolon + 1
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func decode(_ name: ArraySlice<UInt8>) -> String? {
        let entity = String(decoding: name, as: UTF8.self)
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos", "#39": return "'"
        case "nbsp": return " "
        case "rsquo", "lsquo": return "\u{2019}"
        case "ldquo": return "\u{201C}"
        case "rdquo": return "\u{201D}"
        case "mdash": return "\u{2014}"
        case "ndash": return "\u{2013}"
        default:
            let value: UInt32? = if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                UInt32(entity.dropFirst(2), radix: 16)
            } else if entity.hasPrefix("#") {
                UInt32(entity.dropFirst())
            } else {
                nil
            }
            guard let value else { return nil }
            // As the HTML standard reads them: NUL, a surrogate or a number past Unicode is U+FFFD.
            guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
            return String(scalar)
        }
    }

}

private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
private func isAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte.asciiLowercased >= 0x61 && byte.asciiLowercased <= 0x7A)
}
