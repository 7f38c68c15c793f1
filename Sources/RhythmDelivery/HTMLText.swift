/// Text made safe inside HTML: element content and double-quoted attribute values.
public enum HTMLText {
    /// `&`, `<`, `>` and `"` as entities; everything else as it is.
    public static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
