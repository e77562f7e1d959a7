import KnowledgeGraph
import RelationExtraction
import Testing

@Suite("Active voice: the subject does the cue to the object")
struct ActiveVoiceTests {
    @Test("'Canada sanctioned Russia' gives Canada -sanctioned-> Russia")
    func sanctioned() throws {
        let result = try extract("Canada sanctioned Russia over the annexation.")
        #expect(result.has("Canada", .sanctioned, "Russia"), "\(result.summary)")
        #expect(!result.has("Russia", .sanctioned, "Canada"), "\(result.summary)")
        #expect(result.edges(.sanctioned).count == 1, "\(result.summary)")
    }

    @Test("'Sen. Marco Rubio criticized China' gives Rubio -criticized-> China")
    func criticized() throws {
        let result = try extract("Sen. Marco Rubio criticized China on Tuesday.")
        #expect(result.has("Marco Rubio", .criticized, "China"), "\(result.summary)")
        #expect(!result.has("China", .criticized, "Marco Rubio"), "\(result.summary)")
    }

    @Test("'Blinken met with Xi' gives a met_with edge between them")
    func metWith() throws {
        let result = try extract(
            "Secretary of State Antony Blinken met with Chinese President Xi Jinping in Beijing on Monday.")
        #expect(result.has("Antony Blinken", .metWith, "Xi Jinping"), "\(result.summary)")
        #expect(result.edges(.metWith).count == 1, "\(result.summary)")
    }
}

@Suite("Passive voice with 'by': the agent is the source")
struct PassiveVoiceTests {
    @Test("'Russia was sanctioned by the European Union' gives EU -sanctioned-> Russia")
    func passiveSanctioned() throws {
        let result = try extract("Russia was sanctioned by the European Union in March.")
        #expect(result.has("European Union", .sanctioned, "Russia"), "\(result.summary)")
        #expect(!result.has("Russia", .sanctioned, "European Union"), "\(result.summary)")
    }

    @Test("'Hamas was condemned by France' gives France -criticized-> Hamas")
    func passiveCondemned() throws {
        let result = try extract("Hamas was condemned by France after the attack.")
        #expect(result.has("France", .criticized, "Hamas"), "\(result.summary)")
        #expect(!result.has("Hamas", .criticized, "France"), "\(result.summary)")
    }

    @Test("'The ministry announced that eight officials are banned': the announcer banned them, and the list after")
    func announcerOfAgentlessPassive() throws {
        let text =
            "The Russian Foreign Ministry announced on Friday that eight officials from the European Union are banned "
            + "from entering Russia.\n\nThe sanctioned figures include Marta Kowalczyk and Pieter Jansen."
        let passive = try candidateFeatures(text, .sanctioned, from: "Russian Foreign Ministry", to: "European Union")
        #expect(passive.contains("roles|announcer|passive-subject"), "\(passive.sorted())")
        // The list of the next sentence is the announcer's, not the nearest name's before the cue.
        let listed = try candidateFeatures(text, .sanctioned, from: "Russian Foreign Ministry", to: "Marta Kowalczyk")
        #expect(listed.contains("carried-source|1-2"), "\(listed.sorted())")
        let nearest = try candidateFeatures(text, .sanctioned, from: "European Union", to: "Marta Kowalczyk")
        #expect(!nearest.contains("carried-source|1-2"), "\(nearest.sorted())")
    }

    @Test("A passive with its agent named has no announcer")
    func agentBeforeAnnouncer() throws {
        let text = "The Russian Foreign Ministry said on Friday that eight officials were banned by the European Union."
        let features = try candidateFeatures(text, .sanctioned, from: "Russian Foreign Ministry", to: "European Union")
        #expect(!features.contains { $0.hasPrefix("roles|announcer") }, "\(features.sorted())")
    }

    @Test("'A and B were sanctioned by Canada and the United States': both agents are the source")
    func coordinatedAgents() throws {
        let text = "Joseph Lambert and Youri Latortue were jointly sanctioned by Canada and the United States earlier this month."
        for source in ["Canada", "United States"] {
            for target in ["Joseph Lambert", "Youri Latortue"] {
                let features = try candidateFeatures(text, .sanctioned, from: source, to: target)
                #expect(features.contains("roles|agent|passive-subject"), "\(source) -> \(target): \(features.sorted())")
            }
        }
        let result = try extract(text)
        #expect(!result.has("Canada", .sanctioned, "United States"), "\(result.summary)")
    }
}

@Suite("Coordinated subjects and objects multiply the edges")
struct CoordinationTests {
    @Test("'The United States and Canada sanctioned A and B' gives four sanctioned edges")
    func twoByTwo() throws {
        let result = try extract(
            "The United States and Canada sanctioned Russian Defense Minister Sergei Shoigu "
                + "and Belarusian President Alexander Lukashenko on Friday.")
        for source in ["United States", "Canada"] {
            for target in ["Sergei Shoigu", "Alexander Lukashenko"] {
                #expect(result.has(source, .sanctioned, target), "missing \(source) -> \(target); \(result.summary)")
            }
        }
        #expect(result.edges(.sanctioned).count == 4, "\(result.summary)")
    }
}

@Suite("The speaker of a quote is the source of what the quote does")
struct QuoteSpeakerTests {
    @Test("A criticism cue inside a quote attributed with ', Rubio said' makes Rubio the critic")
    func quoteSpeaker() throws {
        let result = try extract(
            "Sen. Marco Rubio spoke at the hearing on Tuesday. "
                + "\"We strongly condemn China for these provocations,\" Rubio said.")
        #expect(result.has("Marco Rubio", .criticized, "China"), "\(result.summary)")
        let relation = result.relation("Marco Rubio", .criticized, "China")
        #expect(relation?.evidence.first?.sentence.contains("Rubio said") == true, "\(result.summary)")
    }
}

@Suite("A family member named by given name joins the coordinated objects")
struct KinObjectTests {
    @Test("'sanctioned Omar Haddad, his son Karim' gives edges to both")
    func kinObject() throws {
        let result = try extract("Canada sanctioned Omar Haddad, his son Karim and two companies on Friday.")
        #expect(result.has("Canada", .sanctioned, "Omar Haddad"), "\(result.summary)")
        #expect(result.has("Canada", .sanctioned, "Karim"), "\(result.summary)")
    }

    @Test("Every kin word of the recognizer's words.tsv joins the objects too", arguments: ["nephew", "cousin", "stepson"])
    func otherKin(kin: String) throws {
        let result = try extract("Canada sanctioned Omar Haddad, his \(kin) Karim and two companies on Friday.")
        #expect(result.has("Canada", .sanctioned, "Omar Haddad"), "\(result.summary)")
        #expect(result.has("Canada", .sanctioned, "Karim"), "\(result.summary)")
    }
}
