import EntityRecognition
import Testing

/// Text built to be slow: the recognizer bounds the work each token costs, so that time grows
/// with the length of any text (Benchmarks/PathologicalBenchmark.swift measures it).
@Suite("Pathological text: the recognizer's work per token is bounded")
struct BoundedWorkTests {
    @Test("A sentence longer than 400 tokens is read in parts, each cut after a comma near its end")
    func longSentence() throws {
        // 150 clauses of six tokens ("Ana Lima met Ben Ode ,"): one sentence of 900 tokens.
        let text = String(repeating: "Ana Lima met Ben Ode, ", count: 150) + "and left.\n"
        let result = try Recognized(text)
        let sentences = result.analysis.sentences
        #expect(result.analysis.longSentences == 1)
        #expect(sentences.count == 3)
        #expect(sentences.allSatisfy { $0.tokens.count <= EntityRecognizer.maximumSentenceTokens })
        for part in sentences.dropLast() {
            #expect(result.analysis.tokens[part.tokens.upperBound - 1].mark == UInt8(ascii: ","))
        }
        // The parts cover the sentence: no token is lost.
        #expect(sentences.first?.tokens.lowerBound == 0 && sentences.last?.tokens.upperBound == result.analysis.tokens.count)
        #expect(zip(sentences, sentences.dropFirst()).allSatisfy { $0.tokens.upperBound == $1.tokens.lowerBound })
    }

    @Test("A sentence of up to 400 tokens is one sentence")
    func sentenceAtTheLimit() throws {
        // 66 clauses of six tokens, "and left" and the period: 399 tokens.
        let result = try Recognized(String(repeating: "Ana Lima met Ben Ode, ", count: 66) + "and left.\n")
        #expect(result.analysis.sentences.count == 1)
        #expect(result.analysis.longSentences == 0)
    }

    @Test("A title repeated 20,000 times names nobody")
    func repeatedTitle() throws {
        // Each "President" once reached over every one after it: 20,000 titles took minutes.
        let result = try Recognized(String(repeating: "President ", count: 20_000) + "\n")
        #expect(result.entities.isEmpty, "\(result.entities.prefix(3))")
    }

    @Test("A run of capitalized words ends after 48 tokens")
    func longRun() throws {
        let words = (0..<100).map { "Zal\(String(UnicodeScalar(UInt8(97 + $0 % 26))))\(String(UnicodeScalar(UInt8(97 + $0 / 26))))" }
        let result = try Recognized("The " + words.joined(separator: " ") + " Ministry said.\n")
        #expect(result.analysis.mentions.allSatisfy { $0.tokens.count <= 48 }, "\(result.summary)")
    }

    @Test("A surname is matched against the 64 people named last", arguments: [10, 66])
    func recentPeople(between: Int) throws {
        // Omar Haddad, then `between` other people, then "Haddad" alone: 66 people back, he is
        // out of reach (an article of thousands of names would otherwise compare each with all).
        let given = ["Abdalla", "Abdul", "Alba", "Alon", "Asaf", "Awad", "Aziz", "Barham", "Caitlin", "Casey", "Danylo",
                     "Donatella", "Ekrem", "Elliott", "Erma", "Farid", "Faye", "Gauri", "Guoqiang", "Haibatullah", "Halyna",
                     "Ichiro", "Inez", "Jagan", "Jonathan", "Jude", "Kalonzo", "Karin", "Kofi", "Kyaw", "Larry", "Lech", "Luca",
                     "Madhav", "Manpreet", "Mary", "Moaz", "Nabila", "Naji", "Nasr", "Nechirvan", "Noam", "Ofri", "Olumide",
                     "Paetongtarn", "Patti", "Pratibha", "Qinggang", "Raffaele", "Ralf", "Rasha", "Rita", "Sahra", "Sam",
                     "Sanjeev", "Sayf", "Sviatoslav", "Taiwo", "Tham", "Umaru", "Valeria", "Vlad", "Wilhelm", "Xiaoping",
                     "Yana", "Yasuo"]
        let others = given.prefix(between).map { "\($0) Tanaka spoke on Monday." }
        let text = (["Omar Haddad arrived on Sunday."] + others + ["Haddad left on Tuesday."]).joined(separator: " ") + "\n"
        let result = try Recognized(text)
        let haddad = try #require(result.entity(named: "Omar Haddad"), "\(result.summary)")
        #expect(result.entities.filter { $0.name.hasSuffix(" Tanaka") }.count == between, "\(result.summary)")
        #expect(haddad.mentions == (between < 64 ? 2 : 1), "\(result.summary)")
    }
}
