import Foundation

/// Escaping of user text for the markup each chat system reads.
public enum ChatTextEscaping {
    /// Slack's mrkdwn: `&`, `<` and `>` are control characters and must be entities; nothing
    /// else is escapable, and with `<` escaped user text cannot form `<!channel>` or a link.
    public static func slack(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }

    /// HTML entities, for Google Chat card text (which reads a small subset of HTML).
    static func html(_ text: String) -> String {
        HTMLText.escape(text)
    }

    /// CommonMark-style Markdown (Teams, Mattermost, Discord): a backslash before each ASCII
    /// punctuation mark that can start emphasis, code, a link, a heading, a quote or a table, so
    /// user text shows as typed and cannot form a link or a ping-bearing construct.
    static func markdown(_ text: String) -> String {
        let special: Set<Character> = ["\\", "`", "*", "_", "~", "[", "]", "(", ")", "#", ">", "<", "|", "!"]
        var result = ""
        for character in text {
            if special.contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// Mattermost notifies a whole channel for `@channel`, `@all` and `@here` anywhere in a post,
    /// escaped or not: a word joiner after each `@` keeps user text from ever doing that.
    public static func mattermost(_ text: String) -> String {
        markdown(text).replacingOccurrences(of: "@", with: "@\u{2060}")
    }
}
