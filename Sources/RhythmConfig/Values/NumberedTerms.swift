/// Text made of numbers each followed by a unit word, such as `1h30m` or `3 business-days`.
enum NumberedTerms {
    static func parse(_ text: String) -> Result<[(amount: Int, unit: String)], ValueProblem> {
        var terms: [(amount: Int, unit: String)] = []
        var scalars = Substring(text).unicodeScalars[...]
        func skipSpaces() { while let first = scalars.first, first == " " { scalars.removeFirst() } }
        skipSpaces()
        while !scalars.isEmpty {
            var digits = ""
            while let first = scalars.first, ("0"..."9").contains(first) {
                digits.unicodeScalars.append(scalars.removeFirst())
            }
            guard !digits.isEmpty else {
                return .failure(ValueProblem("expected a whole number where \"\(String(scalars))\" begins"))
            }
            guard let amount = Int(digits), amount < 1_000_000 else {
                return .failure(ValueProblem("\(digits) is far too large"))
            }
            if let first = scalars.first, first == "." || first == "," {
                return .failure(ValueProblem("use whole numbers (1h30m rather than 1.5h)"))
            }
            skipSpaces()
            var unit = ""
            while let first = scalars.first, first.properties.isAlphabetic || first == "-" {
                unit.unicodeScalars.append(scalars.removeFirst())
            }
            skipSpaces()
            if unit == "business", scalars.starts(with: "day".unicodeScalars) {
                unit += "-"
                while let first = scalars.first, first.properties.isAlphabetic {
                    unit.unicodeScalars.append(scalars.removeFirst())
                }
                skipSpaces()
            }
            terms.append((amount, unit))
        }
        return .success(terms)
    }
}
