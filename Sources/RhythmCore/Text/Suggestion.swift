/// "Did you mean …?" for ids, keys, zone names and rule parts that were almost right.
///
/// One implementation for the whole project, so that the configuration, the recurrence
/// parser and the command line agree on what counts as a typo.
public enum Suggestion {
    /// The candidate closest to `word` by edit distance (ignoring case), when it is close
    /// enough to be a plausible typo: at most a third of the shorter word's length, and at
    /// least 2 edits. Failing that, a candidate that is a longer or shorter form of the word
    /// (`refresh` for `refresh_interval`, `FREQUENCY` for `FREQ`), when both have 4 letters or more.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        closestBySpelling(to: word, in: candidates) ?? closestByPrefix(to: word, in: candidates)
    }

    private static func closestByPrefix(to word: String, in candidates: some Sequence<String>) -> String? {
        let target = word.lowercased()
        guard target.count >= 4 else { return nil }
        return candidates.first { candidate in
            let lowered = candidate.lowercased()
            return lowered.count >= 4 && (lowered.hasPrefix(target) || target.hasPrefix(lowered))
        }
    }

    private static func closestBySpelling(to word: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased())
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if distance < best?.distance ?? Int.max {
                best = (candidate, distance)
            }
        }
        guard let best else { return nil }
        let allowed = max(2, min(target.count, best.candidate.count) / 3)
        return best.distance <= allowed ? best.candidate : nil
    }

    /// A sentence for the end of a message: `did you mean "x"?`, or the list of valid words
    /// when none is close.
    public static func hint(for word: String, in candidates: [String], noun: String = "one of") -> String {
        if let match = closest(to: word, in: candidates) {
            return "did you mean \"\(match)\"?"
        }
        return "use \(noun) \(candidates.map { "\"\($0)\"" }.joined(separator: ", "))"
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit, since swapped
    /// letters are the commonest typing slip.
    static func editDistance(_ lhs: [Character], _ rhs: [Character]) -> Int {
        if lhs.isEmpty { return rhs.count }
        if rhs.isEmpty { return lhs.count }
        var previousPrevious = [Int](repeating: 0, count: rhs.count + 1)
        var previous = Array(0...rhs.count)
        var current = [Int](repeating: 0, count: rhs.count + 1)
        for i in 1...lhs.count {
            current[0] = i
            for j in 1...rhs.count {
                let cost = lhs[i - 1] == rhs[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, lhs[i - 1] == rhs[j - 2], lhs[i - 2] == rhs[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[rhs.count]
    }
}
