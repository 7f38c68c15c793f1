import ArgumentParser
import Foundation

/// The public address of the Rhythm server that the URLs a command prints start with
/// (`--base-url`), checked and written without a trailing slash.
enum BaseURLArgument {
    /// Refuses anything but an http or https address with a host and no query or fragment.
    static func check(_ text: String) throws {
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme), url.host != nil,
            url.query == nil, url.fragment == nil
        else {
            throw ValidationError(
                "--base-url expects an http or https address such as https://rhythm.example.org; found \"\(text)\".")
        }
    }

    /// `text` without trailing slashes, so that a path can follow it.
    static func trimmed(_ text: String) -> String {
        var base = text
        while base.hasSuffix("/") {
            base.removeLast()
        }
        return base
    }
}
