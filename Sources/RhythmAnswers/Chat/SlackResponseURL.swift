import Foundation
import RhythmCore

/// Where Rhythm may send a Slack post's update: the press's `response_url` must be
/// `https://hooks.slack.com/...`, as Slack issues them. Plain `http://` to this machine is
/// allowed too, as for webhooks (see `WebhookURLPolicy`), for a local relay or a test; any
/// other address would let whoever can sign a press make Rhythm post elsewhere.
public enum SlackResponseURL {
    /// Why `url` cannot receive an update, in words that never repeat it; nil when it can.
    public static func problem(with url: String) -> String? {
        guard let components = URLComponents(string: url), let host = components.host?.lowercased() else {
            return "it is not a URL"
        }
        switch components.scheme?.lowercased() {
        case "https" where host == "hooks.slack.com": return nil
        case "http" where WebhookURLPolicy.isLoopback(host): return nil
        default: return "it is not an https://hooks.slack.com/ address"
        }
    }
}
