/// English counts for messages: "1 person", "13 people", "6 series", "3 reminders".
public enum Plural {
    /// `count` and the noun, made plural by its irregular form or an `s`.
    public static func phrase(_ count: Int, _ singular: String) -> String {
        if count == 1 { return "1 \(singular)" }
        let plural =
            switch singular {
            case "person": "people"
            case "series": "series"
            default: singular + "s"
            }
        return "\(count) \(plural)"
    }

    /// For nouns whose plural is not regular: "1 dead entry", "3 dead entries".
    public static func phrase(_ count: Int, _ singular: String, plural: String) -> String {
        "\(count) \(count == 1 ? singular : plural)"
    }
}
