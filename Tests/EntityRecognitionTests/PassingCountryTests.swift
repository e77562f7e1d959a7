import EntityRecognition
import KnowledgeGraph
import Testing

@Suite("Country words that only locate or describe")
struct PassingCountryTests {
    @Test("No country entity from a place, a prefixed adjective or a continent's people",
          arguments: [
              ("The base on the Gulf of Thailand is new, the minister said.", "Thailand"),
              ("The minister spoke at the forum in Davos, Switzerland, and then left.", "Switzerland"),
              ("The minister toured Latin American countries last week.", "United States"),
              ("The minister met the pro-Russian leader on Monday.", "Russia"),
          ])
    func noCountry(text: String, country: String) throws {
        let result = try Recognized(text)
        #expect(result.entity(named: country) == nil, "\(result.summary)")
    }

    @Test("A list of countries stays a list of countries")
    func listOfCountries() throws {
        let result = try Recognized("Iran, Russia and China objected to the resolution on Monday.")
        #expect(result.entities(ofType: .country).count == 3, "\(result.summary)")
    }

    @Test("'N Korean leader' is North Korea's")
    func abbreviatedNorth() throws {
        let result = try Recognized("Putin met N Korean leader Kim Jong Un in Vladivostok.")
        #expect(result.entity(named: "North Korea") != nil, "\(result.summary)")
        #expect(result.entity(named: "South Korea") == nil, "\(result.summary)")
    }
}

@Suite("A site's menu of bullets")
struct BulletMenuTests {
    @Test("Bullets before one or two capitalized words are a menu; longer bullets are the article's")
    func menu() throws {
        let result = try Recognized(
            "The talks ended.\n\n• UCAN India\n• UCAN Vietnam\n\n• Treasury Secretary Steven Mnuchin\n\nThe Chinese government responded.\n")
        #expect(result.entity(named: "India") == nil, "\(result.summary)")
        #expect(result.entity(named: "Vietnam") == nil, "\(result.summary)")
        #expect(result.entity(named: "Steven Mnuchin") != nil, "\(result.summary)")
        #expect(result.entity(named: "China") != nil, "\(result.summary)")
    }
}
