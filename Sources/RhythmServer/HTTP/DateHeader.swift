import Foundation
import Synchronization

/// The `Date` header of every response, formatted when a response needs it and reused for
/// the rest of that second.
///
/// Hummingbird's own cache is a service that reformats the date once a second whether or not
/// anyone asks, which wakes an idle server every second. This one does no work between
/// requests, and a burst of requests still formats the date once a second.
final class DateHeader: Sendable {
    private let cached = Mutex<(second: Int64, text: String)?>(nil)

    init() {}

    /// The IMF-fixdate of `now`, truncated to the second as the header is.
    func value(at now: Date = Date()) -> String {
        let second = Int64(now.timeIntervalSince1970.rounded(.down))
        if let cached = cached.withLock({ $0 }), cached.second == second {
            return cached.text
        }
        let text = HTTPDate.format(Date(timeIntervalSince1970: TimeInterval(second)))
        cached.withLock { $0 = (second, text) }
        return text
    }
}
