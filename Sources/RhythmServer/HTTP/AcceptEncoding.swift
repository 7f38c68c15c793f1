import Foundation

/// What a request's `Accept-Encoding` fields allow (RFC 9110 §12.5.3).
enum AcceptEncoding {
    /// Whether the client takes gzip: a `gzip` (or legacy `x-gzip`) member, else a `*` member, with a
    /// quality above zero. No field, or neither member, means no gzip; a quality that does not parse
    /// counts as a refusal.
    static func allowsGzip(_ fieldValues: [String]) -> Bool {
        var gzipQuality: Double?
        var anyQuality: Double?
        for member in fieldValues.lazy.flatMap({ $0.split(separator: ",") }) {
            let parts = member.split(separator: ";")
            guard let coding = parts.first.map(trimmed)?.lowercased() else {
                continue
            }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map(trimmed)
                if pair.count == 2, pair[0].lowercased() == "q" {
                    quality = Double(pair[1]) ?? 0
                }
            }
            switch coding {
            case "gzip", "x-gzip": gzipQuality = quality
            case "*": anyQuality = quality
            default: break
            }
        }
        return (gzipQuality ?? anyQuality ?? 0) > 0
    }

    private static func trimmed(_ text: Substring) -> String {
        text.trimmingCharacters(in: .whitespaces)
    }
}
