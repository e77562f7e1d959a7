/// A cue of the lexicon where it stands in a sentence: what each pattern's rule reads.
struct CuePlace {
    let cue: CueLexicon.Cue
    let range: Range<Int>

    /// Why the rule made its edges, spelled out only for the edges that are made: most cues yield none.
    func because(_ detail: String = "") -> String {
        concatenated("cue '", cue.phrase, "' (", cue.pattern.rawValue, ")", detail)
    }
}
