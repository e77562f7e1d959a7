import KnowledgeGraph
import RelationExtraction
import Testing

@Suite("Judgments in what someone says: the speaker criticized the actor judged")
struct EvaluativeTests {
    @Test("'X said Y's reckless conduct ...' gives X -criticized-> Y")
    func possessorJudged() throws {
        let result = try extract("Foreign Minister Hana Novak said Serbia's reckless conduct had raised tensions.")
        #expect(result.has("Hana Novak", .criticized, "Serbia"), "\(result.summary)")
    }

    @Test("'X rejected the plan, saying Y's claims are baseless': the participle speaks for the subject")
    func participleSpeaker() throws {
        let result = try extract("Spokesperson Lin Jian rejected the plan on Friday, saying that Japan's claims are baseless.")
        #expect(result.has("Lin Jian", .criticized, "Japan"), "\(result.summary)")
        let writer = try extract("The plan was rejected on Friday, and Japan's claims are baseless, officials noted.")
        #expect(!writer.has("Lin Jian", .criticized, "Japan"), "\(writer.summary)")
    }

    @Test("An unattributed judgment in the writer's voice gives no edge")
    func noSpeakerNoEdge() throws {
        let result = try extract("Serbia's reckless conduct had raised tensions, and Croatia closed the border.")
        #expect(result.edges(.criticized).isEmpty, "\(result.summary)")
    }

    @Test("A negated judgment gives no edge: 'Y is not to blame'")
    func negatedJudgment() throws {
        let result = try extract("Hana Novak said Serbia was not reckless and was not to blame.")
        withKnownIssue("The scorer takes the speech as criticism of Serbia (30%, threshold 27% since speed13's retrain)") {
            #expect(result.edges(.criticized).isEmpty, "\(result.summary)")
        }
    }

    @Test("'Y is \"reckless ...\", a Z statement said' gives Z -criticized-> Y, across the quote mark")
    func bearsResponsibility() throws {
        let result = try extract(
            "Syria is \"reckless and provocative\", a Turkish foreign ministry statement said on Monday.")
        let ministry = try #require(result.graph.entities.first { $0.type == .agency }, "\(result.summary)")
        #expect(result.has(ministry.name, .criticized, "Syria"), "\(result.summary)")
    }

    @Test("A generic word judges a subject ('Y has been really bad') but not a possessor ('Y's bad loans')")
    func subjectOnlyWords() throws {
        let subject = try extract("\"Moldova has been really bad for years,\" Senator Ruth Hale said.")
        #expect(subject.has("Ruth Hale", .criticized, "Moldova"), "\(subject.summary)")
        let possessor = try extract("Senator Ruth Hale said Moldova's bad loans had doubled.")
        withKnownIssue("The scorer takes speech about a country as criticism of it (37%, threshold 25%)") {
            #expect(possessor.edges(.criticized).isEmpty, "\(possessor.summary)")
        }
        let place = try extract("Senator Ruth Hale said the situation in Moldova was bad.")
        withKnownIssue("The scorer takes the speech as criticism of Moldova (28%, threshold 27% since speed13's retrain)") {
            #expect(place.edges(.criticized).isEmpty, "\(place.summary)")
        }
    }
}

@Suite("A quote that runs into the next sentence takes the speaker named there")
struct NextSentenceSpeakerTests {
    @Test("'\"We condemn Y. It must stop,\" X said' gives X -criticized-> Y")
    func speakerInNextSentence() throws {
        let result = try extract("\"We strongly condemn Armenia for this. It must stop,\" Senator Ruth Hale said on Friday.")
        #expect(result.has("Ruth Hale", .criticized, "Armenia"), "\(result.summary)")
    }

    @Test("A closed quote does not borrow the next sentence's speaker")
    func closedQuote() throws {
        let result = try extract("\"They condemned Armenia,\" the report read. \"Nothing changed,\" Senator Ruth Hale said.")
        #expect(!result.has("Ruth Hale", .criticized, "Armenia"), "\(result.summary)")
    }
}

@Suite("A rebuttal answers the accusation made just before")
struct RebuttalTests {
    @Test("'A accused B ...; B dismissed the accusations' gives B -criticized-> A")
    func rebuttal() throws {
        let result = try extract("Ukraine accused Belarus of hosting the troops. Belarus dismissed the accusations as propaganda.")
        #expect(result.has("Ukraine", .criticized, "Belarus"), "\(result.summary)")
        withKnownIssue("No rebuttal phrase ('dismissed the accusations') is in two training articles, so none is a cue") {
            #expect(result.has("Belarus", .criticized, "Ukraine"), "\(result.summary)")
        }
    }

    @Test("With no accusation before, 'B dismissed the accusations' gives no edge")
    func noPriorAccusation() throws {
        let result = try extract("Ukraine met Poland on Monday. Belarus dismissed the accusations as propaganda.")
        #expect(result.edges(.criticized).isEmpty, "\(result.summary)")
    }
}

@Suite("A judgment of what an actor did: 'Y's actions are provocative'")
struct PossessedSubjectJudgmentTests {
    @Test("'\"Serbia's moves are provocative,\" X said' gives X -criticized-> Serbia")
    func possessedSubject() throws {
        let result = try extract("\"Serbia's moves are provocative,\" Foreign Minister Hana Novak told reporters.")
        #expect(result.has("Hana Novak", .criticized, "Serbia"), "\(result.summary)")
    }

    @Test("A generic word does not judge a possessor's thing: 'Y's harvest was bad'")
    func genericWordNoPossessor() throws {
        let result = try extract("\"Serbia's harvest was bad,\" Foreign Minister Hana Novak told reporters.")
        withKnownIssue("The scorer lets 'bad' judge a possessor, which the rules' pattern forbids") {
            #expect(result.edges(.criticized).isEmpty, "\(result.summary)")
        }
    }
}

@Suite("Putting someone on a list: 'added X and Y to the entity list'")
struct ListingTests {
    @Test("'The Commerce Department added Huawei and ZTE to the entity list' gives two sanctioned edges")
    func addedToList() throws {
        let result = try extract("The Commerce Department added Huawei and ZTE to the entity list on Friday.")
        #expect(result.has("Commerce Department", .sanctioned, "Huawei"), "\(result.summary)")
        #expect(result.has("Commerce Department", .sanctioned, "ZTE"), "\(result.summary)")
    }

    @Test("A long list between the listing verb and the cue: every listed name is a target")
    func longListBeforeCue() throws {
        let result = try extract(
            "The Treasury Department added President Lena Ostrova's son, Pavel Ostrov, Tomas Berk's wife Ilsa Berk, "
                + "Marek Dvorak and Jan Holub to the sanctions list on Monday.")
        for target in ["Pavel Ostrov", "Ilsa Berk", "Marek Dvorak", "Jan Holub"] {
            #expect(result.has("Treasury Department", .sanctioned, target), "\(target): \(result.summary)")
        }
    }

    @Test("A long list that is only planned to be added gives no edge")
    func longListPlanned() throws {
        let planned = try extract(
            "The Treasury Department plans to add Pavel Ostrov, Tomas Berk's wife Ilsa Berk, Marek Dvorak and Jan Holub "
                + "to the sanctions list.")
        #expect(planned.edges(.sanctioned).isEmpty, "\(planned.summary)")
    }

    @Test("'plans to add X to the entity list' and 'X remains on the blacklist' give no edge")
    func plannedOrStateNoEdge() throws {
        let planned = try extract("The Commerce Department plans to add Huawei to the entity list.")
        #expect(planned.edges(.sanctioned).isEmpty, "\(planned.summary)")
        let state = try extract("The Commerce Department said Huawei remains on the entity list.")
        #expect(state.edges(.sanctioned).isEmpty, "\(state.summary)")
    }
}

@Suite("A speaker named after 'said' with a long title")
struct SaidTitledSpeakerTests {
    @Test("'\"...,\" said Chilean Foreign Ministry spokesperson Ana Rojas' makes Rojas the speaker")
    func saidThenTitledName() throws {
        let result = try extract("\"We condemn Peru for the raid,\" said Chilean Foreign Ministry spokesperson Ana Rojas.")
        #expect(result.has("Ana Rojas", .criticized, "Peru"), "\(result.summary)")
        #expect(!result.has("Chile", .criticized, "Peru"), "\(result.summary)")
    }
}

@Suite("More ways to state sanctions")
struct MoreSanctionFormTests {
    @Test("'targeted Chile's state mining company Codelco with sanctions' gives an edge to the company")
    func targetedWithSanctions() throws {
        let result = try extract("Washington targeted Chile's state mining company Codelco with sanctions on Monday.")
        let company = try #require(result.graph.entities.first { $0.name.contains("Codelco") }, "\(result.summary)")
        #expect(result.has("United States", .sanctioned, company.name), "\(result.summary)")
        #expect(!result.has("United States", .sanctioned, "Chile"), "\(result.summary)")
    }

    @Test("'sanctioned ten officials, including X' names X as a target")
    func including() throws {
        let result = try extract("Canada sanctioned ten Iranian officials, including Foreign Minister Ali Bagheri.")
        #expect(result.has("Canada", .sanctioned, "Ali Bagheri"), "\(result.summary)")
    }

    @Test("'imposed an arms embargo on X' is a sanction")
    func embargo() throws {
        let result = try extract("The European Union imposed an arms embargo on Belarus in 2011.")
        #expect(result.has("European Union", .sanctioned, "Belarus"), "\(result.summary)")
    }

    @Test("'Peru's defense ministry' is an agency of Peru, and the target of the sanction")
    func countryLowercaseBody() throws {
        let result = try extract("The United States imposed sanctions on Peru's defense ministry.")
        let ministry = try #require(result.graph.entities.first { $0.type == .agency }, "\(result.summary)")
        #expect(result.has("United States", .sanctioned, ministry.name), "\(result.summary)")
        #expect(result.has(ministry.name, .affiliatedWith, "Peru"), "\(result.summary)")
    }

    @Test("'Peru's military operation' makes no agency")
    func militaryAdjective() throws {
        let result = try extract("Chile condemned Peru's military operation near the border.")
        #expect(result.graph.entities.allSatisfy { $0.type != .agency }, "\(result.summary)")
    }
}

@Suite("Rejecting someone's accusations, and dismissive judgments")
struct RejectionTests {
    @Test("'Y rejected accusations by X' gives Y -criticized-> X")
    func rejectedAccusationsBy() throws {
        let result = try extract("Serbia on Tuesday rejected accusations by Croatia that it had armed the rebels.")
        #expect(result.has("Serbia", .criticized, "Croatia"), "\(result.summary)")
    }

    @Test("'X said Y's claims were absurd' gives X -criticized-> Y")
    func absurd() throws {
        let result = try extract("Foreign Minister Hana Novak said Croatia's claims were absurd.")
        #expect(result.has("Hana Novak", .criticized, "Croatia"), "\(result.summary)")
    }
}

@Suite("Criticism drawn from several actors")
struct DrawnCriticismTests {
    @Test("'..., drawing condemnation from Chile and Peru' gives both -criticized-> the subject")
    func drawingFromTwo() throws {
        let result = try extract("Bolivia closed the border on Friday, drawing condemnation from Chile and Peru.")
        withKnownIssue("No 'drew condemnation from' phrase is in two training articles, so the reversed pattern has no cue") {
            #expect(result.has("Chile", .criticized, "Bolivia"), "\(result.summary)")
            #expect(result.has("Peru", .criticized, "Bolivia"), "\(result.summary)")
        }
    }
}

@Suite("Reciprocal criticism goes both ways")
struct ReciprocalCriticismTests {
    @Test("'Chile and Peru accused each other' gives both directed edges")
    func blamedEachOther() throws {
        let result = try extract("Chile and Peru accused each other of breaking the ceasefire.")
        #expect(result.has("Chile", .criticized, "Peru"), "\(result.summary)")
        #expect(result.has("Peru", .criticized, "Chile"), "\(result.summary)")
    }

    @Test("'Chile and Peru met' stays one symmetric meeting")
    func meetingStaysSymmetric() throws {
        let result = try extract("Chile and Peru met in Quito on Monday.")
        #expect(result.edges(.metWith).count == 1, "\(result.summary)")
    }
}

@Suite("Calling something by a judgment, and visa restrictions")
struct CallingAndVisaTests {
    @Test("'Chile called Peru's remarks irresponsible' gives Chile -criticized-> Peru")
    func calledJudgment() throws {
        let result = try extract("Chile called Peru's remarks irresponsible on Monday.")
        #expect(result.has("Chile", .criticized, "Peru"), "\(result.summary)")
    }

    @Test("'Chile called on Peru to act' is a request, not a judgment")
    func calledOn() throws {
        let result = try extract("Chile called on Peru to act against reckless fishing.")
        #expect(result.edges(.criticized).isEmpty, "\(result.summary)")
    }

    @Test("'imposed visa restrictions on X' is a sanction")
    func visaRestrictions() throws {
        let result = try extract("The United States imposed visa restrictions on Nicaragua's vice president, Rosario Ortega.")
        #expect(result.graph.relations.contains { $0.type == .sanctioned && $0.source == result.id("United States") },
                "\(result.summary)")
    }
}

@Suite("Quotations over several sentences")
struct MultiSentenceQuoteTests {
    @Test("'X said: \"... . We condemn Y.\"' gives X -criticized-> Y, not the next speaker")
    func speakerBefore() throws {
        let result = try extract(
            "Senator Ruth Hale said: \"We stand with our allies. We condemn Armenia for the attack.\" "
                + "\"Nothing has changed,\" Senator Tom Varga said.")
        #expect(result.has("Ruth Hale", .criticized, "Armenia"), "\(result.summary)")
        #expect(!result.has("Tom Varga", .criticized, "Armenia"), "\(result.summary)")
    }

    @Test("'\"It must stop. We condemn Y,\" X said' gives X -criticized-> Y")
    func closingSentence() throws {
        let result = try extract("\"It must stop. We condemn Georgia for this,\" Senator Ann Pike said.")
        #expect(result.has("Ann Pike", .criticized, "Georgia"), "\(result.summary)")
    }
}

@Suite("Rejecting a possessor's words, with a pronoun subject")
struct PronounRejectionTests {
    @Test("'Senator Ruth Hale spoke. She rejected Peru's claims.' gives Hale -criticized-> Peru")
    func pronounRejects() throws {
        let result = try extract("Senator Ruth Hale spoke on Monday. She rejected Peru's claims as baseless.")
        #expect(result.has("Ruth Hale", .criticized, "Peru"), "\(result.summary)")
    }
}

@Suite("Judging an actor's deed in reported speech")
struct DeedJudgmentTests {
    @Test("'X said Y's brutal invasion ...' gives X -criticized-> Y", arguments: ["brutal", "illegal", "cruel"])
    func deed(word: String) throws {
        let result = try extract("Senator Ruth Hale said Armenia's \(word) invasion had to end.")
        #expect(result.has("Ruth Hale", .criticized, "Armenia"), "\(result.summary)")
    }
}

@Suite("Formal protests are criticism")
struct ProtestTests {
    @Test("'lodged a formal protest with Y' gives X -criticized-> Y; a protest still to come gives nothing")
    func lodgedProtest() throws {
        let lodged = try extract("Japan lodged a formal protest with China over the incursion on Wednesday.")
        withKnownIssue("The scorer gives Japan -> China 27.7% against criticized's threshold 28% since this stop's retrain (cf60a7e)") {
            #expect(lodged.has("Japan", .criticized, "China"), "\(lodged.summary)")
        }
        let rejected = try extract("Spokesperson Lin Jian rejected Japan's protest on Thursday.")
        #expect(rejected.has("Lin Jian", .criticized, "Japan"), "\(rejected.summary)")
        let planned = try extract("Japan will lodge a protest with China if the ships return.")
        #expect(planned.edges(.criticized).isEmpty, "\(planned.summary)")
    }
}
