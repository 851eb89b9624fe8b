/// "Did you mean ...?" hints for near-miss operators and keys.
enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a likely typo.
    ///
    /// A case-insensitive match always counts (`EQ` -> `eq`); otherwise the edit distance must be
    /// at most 2 and smaller than the word itself, so short unrelated words are not suggested.
    static func closest<S: Sequence<String>>(to word: String, in candidates: S) -> String? {
        let lowered = word.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            if candidate.lowercased() == lowered { return candidate }
            let distance = editDistance(lowered, candidate.lowercased())
            let limit = min(2, max(1, candidate.count / 3))
            guard distance <= limit, distance < word.count else { continue }
            if let current = best, current.distance <= distance { continue }
            best = (candidate, distance)
        }
        return best?.candidate
    }

    /// "did you mean `x`?" for the closest candidate, or `fallback`.
    static func hint<S: Sequence<String>>(
        for word: String, in candidates: S, otherwise fallback: String? = nil
    ) -> String? {
        if let match = closest(to: word, in: candidates) { return "did you mean `\(match)`?" }
        return fallback
    }

    /// Levenshtein distance over Unicode scalars (insertions, deletions, substitutions).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
