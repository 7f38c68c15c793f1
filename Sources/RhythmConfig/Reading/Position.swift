import Yams

/// A 1-based line and column in the configuration text (Yams' `Mark` cannot be created
/// outside Yams, and the loader needs to compute positions of its own).
struct Position: Hashable, CustomStringConvertible {
    let line: Int
    let column: Int

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    init?(_ mark: Mark?) {
        guard let mark else { return nil }
        self.init(line: mark.line, column: mark.column)
    }

    var description: String { "\(line):\(column)" }
}
