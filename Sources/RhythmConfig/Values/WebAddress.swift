import Foundation

/// Checks for the links people click: `http` or `https` with a host.
enum WebAddress {
    static func parse(_ text: String) -> Result<URL, ValueProblem> {
        if text.unicodeScalars.contains(where: { $0.properties.isWhitespace }) {
            return .failure(ValueProblem("\"\(text)\" is not a web address: it contains a space or line break"))
        }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased() else {
            return .failure(
                ValueProblem("\"\(text)\" is not a web address; write it in full, like https://meet.example.org/room"))
        }
        guard scheme == "http" || scheme == "https" else {
            return .failure(
                ValueProblem(
                    "\"\(text)\" starts with \(scheme):, but people open these links in a browser: use https://"))
        }
        guard let host = url.host, !host.isEmpty else {
            return .failure(ValueProblem("\"\(text)\" has no host name after \(scheme)://"))
        }
        return .success(url)
    }
}
