import KnowledgeGraph
import Testing

/// Clauses joined by commas: each cue takes the subject and object of its own clause, and a name
/// that seems to continue a list is the next clause's subject when a cue follows it.
@Suite("One edge per clause in a sentence of several clauses")
struct ClauseTests {
    @Test("'A criticized B, C criticized D, E criticized F' gives exactly the three edges")
    func threeClauses() throws {
        let result = try extract(
            "Senator John Smith criticized Senator Mary Chen, Senator Olga Ivanov criticized Senator Hans Muller, "
                + "Senator Kofi Rossi criticized Senator Yuki Tanaka.")
        #expect(result.has("John Smith", .criticized, "Mary Chen"), "\(result.summary)")
        #expect(result.has("Olga Ivanov", .criticized, "Hans Muller"), "\(result.summary)")
        #expect(result.has("Kofi Rossi", .criticized, "Yuki Tanaka"), "\(result.summary)")
        #expect(result.edges(.criticized).count == 3, "\(result.summary)")
    }

    @Test("Two clauses of sanctions: neither source sanctioned the other clause's target")
    func twoSanctionClauses() throws {
        let result = try extract("Canada sanctioned Pavel Ostrov, Japan sanctioned Anna Berg.")
        #expect(result.has("Canada", .sanctioned, "Pavel Ostrov"), "\(result.summary)")
        #expect(result.has("Japan", .sanctioned, "Anna Berg"), "\(result.summary)")
        #expect(!result.has("Canada", .sanctioned, "Anna Berg"), "\(result.summary)")
        #expect(!result.has("Pavel Ostrov", .sanctioned, "Anna Berg"), "\(result.summary)")
    }

    @Test("A real list still gives every object and every subject")
    func listsStay() throws {
        let objects = try extract("Senator John Smith criticized Senator Mary Chen, Senator Olga Ivanov and Senator Hans Muller.")
        for target in ["Mary Chen", "Olga Ivanov", "Hans Muller"] {
            #expect(objects.has("John Smith", .criticized, target), "\(target): \(objects.summary)")
        }
        let subjects = try extract("Senator John Smith, Senator Mary Chen and Senator Olga Ivanov criticized Senator Hans Muller.")
        for source in ["John Smith", "Mary Chen", "Olga Ivanov"] {
            #expect(subjects.has(source, .criticized, "Hans Muller"), "\(source): \(subjects.summary)")
        }
    }
}
