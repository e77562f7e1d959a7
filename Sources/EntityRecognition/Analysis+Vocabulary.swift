extension ArticleAnalysis {
    /// Whether the token's word is in the lexicons' vocabulary: then `lowercaseWord` returns a
    /// stored string without building one.
    package func isKnownWord(_ index: Int) -> Bool { tokens[index].id >= 0 }
}
