import Foundation

extension Article {
    private static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    /// The first date the article's opening lines give ("2025-01-15", "March 4, 2023",
    /// "9 October 2025"), as YYYY-MM-DD; nil when none is there.
    public var date: String? {
        let head = String(decoding: text.prefix(600), as: UTF8.self)
        let words = head.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "," })
            .map { $0.trimmingCharacters(in: .punctuationCharacters) }
        for (index, word) in words.enumerated() {
            let parts = word.split(separator: "-")
            if parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
                (1900...2100).contains(year), (1...12).contains(month), (1...31).contains(day)
            {
                return Article.format(year, month, day)
            }
            guard let month = Article.months.firstIndex(of: word.lowercased()).map({ $0 + 1 }) else { continue }
            // "March 4, 2023"
            if index + 2 < words.count, let day = Int(words[index + 1]), let year = Int(words[index + 2]),
                (1...31).contains(day), (1900...2100).contains(year)
            {
                return Article.format(year, month, day)
            }
            // "9 October 2025"
            if index >= 1, index + 1 < words.count, let day = Int(words[index - 1]), let year = Int(words[index + 1]),
                (1...31).contains(day), (1900...2100).contains(year)
            {
                return Article.format(year, month, day)
            }
        }
        return nil
    }

    private static func format(_ year: Int, _ month: Int, _ day: Int) -> String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// The store's record of this article.
    public var record: ArticleRecord {
        ArticleRecord(document: document, path: path, title: title, date: date, text: text)
    }
}
