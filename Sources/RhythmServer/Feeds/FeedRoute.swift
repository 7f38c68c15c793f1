import Hummingbird

/// The shape of feed URLs, /feeds/<name>.ics, shared by the router, the method check and the
/// access log.
enum FeedRoute {
    /// The router path; the parameter is everything before ".ics".
    static let path: RouterPath = "/feeds/{name}.ics"

    private static let prefix = "/feeds/"
    private static let suffix = ".ics"

    /// Whether `path` has the shape of a feed URL, whatever the name.
    static func matches(_ path: String) -> Bool {
        guard path.hasPrefix(prefix), path.hasSuffix(suffix) else {
            return false
        }
        return !path.dropFirst(prefix.count).contains("/")
    }

    /// `path` as it may be logged: every feed name but "public" may be a token, a
    /// capability, and so is the first segment of an agenda page's path and the segment
    /// after `/a/` and `/me/` (answer links and personal pages) and `/console/s/` (console
    /// sign-in links).
    static func loggable(_ path: String) -> String {
        for answers in ["/a/", "/me/"] where path.hasPrefix(answers) {
            let segments = path.split(separator: "/", omittingEmptySubsequences: false)
            return ([""] + [segments[1]] + ["<token>"] + segments.dropFirst(3)).joined(separator: "/")
        }
        if path.hasPrefix("/console/s/") { return "/console/s/<token>" }
        if path.hasPrefix("/agenda/") {
            let segments = path.split(separator: "/", omittingEmptySubsequences: false)
            return (["", "agenda", "<token>"] + segments.dropFirst(3)).joined(separator: "/")
        }
        guard path.hasPrefix(prefix), path != prefix + FeedKind.publicName + suffix else {
            return path
        }
        return path.hasSuffix(suffix) ? prefix + "<token>" + suffix : prefix + "<redacted>"
    }
}
